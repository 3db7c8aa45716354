/** AuthPort over Firebase Auth, plus the `joinInstitution` callable. */
import {
  confirmPasswordReset,
  createUserWithEmailAndPassword,
  isSignInWithEmailLink,
  onIdTokenChanged,
  sendEmailVerification,
  sendPasswordResetEmail,
  sendSignInLinkToEmail,
  signInWithEmailAndPassword,
  signInWithEmailLink,
  signOut,
  updateProfile,
  verifyPasswordResetCode,
  type User,
} from 'firebase/auth'
import { httpsCallable } from 'firebase/functions'
import { ROLES, type Role } from '@/domain/common'
import { AuthError, type AuthFailure, type AuthPort, type JoinResult, type Session } from '@/sync/ports'
import { firebase } from './app'

async function toSession(user: User | null, forceRefresh = false): Promise<Session | null> {
  if (!user) return null
  const token = await user.getIdTokenResult(forceRefresh)
  const role = token.claims.role
  const institutionId = token.claims.institutionId
  return {
    uid: user.uid,
    email: user.email ?? '',
    emailVerified: user.emailVerified,
    displayName: user.displayName,
    institutionId: typeof institutionId === 'string' ? institutionId : null,
    role: typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : null,
  }
}

const errorCode = (error: unknown) =>
  typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : ''

/** Firebase's error codes as the reasons the app words (src/locales/<l>/account.json, signIn.failure). */
const FAILURES: Record<string, AuthFailure> = {
  'auth/email-already-in-use': 'emailInUse',
  'auth/invalid-email': 'invalidEmail',
  'auth/missing-email': 'invalidEmail',
  'auth/weak-password': 'weakPassword',
  'auth/invalid-credential': 'wrongCredentials',
  'auth/wrong-password': 'wrongCredentials',
  'auth/user-not-found': 'wrongCredentials',
  'auth/too-many-requests': 'tooManyRequests',
  'auth/network-request-failed': 'offline',
  'auth/expired-action-code': 'linkExpired',
  'auth/invalid-action-code': 'linkExpired',
}

async function wrap<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const code = errorCode(error)
    throw new AuthError(FAILURES[code] ?? 'other', code || (error instanceof Error ? error.message : 'unknown'), { cause: error })
  }
}

/**
 * Errors with which Firebase refuses a session for good: the account was deleted (a token refresh
 * says `user-token-expired` — `invalid-refresh-token` on the Auth emulator — and a reload
 * `user-not-found`), disabled, or its sessions revoked. Firebase signs the user out itself on
 * `user-token-expired` and `user-disabled` only; the app signs out on the others and, on all of
 * them, forgets the account's data.
 */
const ENDED = new Set(['auth/user-token-expired', 'auth/user-disabled', 'auth/user-not-found', 'auth/invalid-refresh-token'])

export function sessionEndedByServer(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && ENDED.has(String((error as { code: unknown }).code))
}

export function createFirebaseAuth(instance?: string): AuthPort {
  const { auth, functions } = firebase(instance)
  const listeners = new Set<(session: Session | null, ended?: boolean) => void>()
  /** The user last seen (to ask why it went away), and the last one signed out here. */
  let last: User | null = null
  let signedOutHere: User | null = null
  let ended = false

  /** The server ended the session: sign out here too (if Firebase has not) and tell the app once. */
  async function end(): Promise<null> {
    if (!ended) {
      ended = true
      signedOutHere = auth.currentUser ?? last
      if (auth.currentUser) await signOut(auth).catch(() => undefined)
      for (const l of listeners) l(null, true)
    }
    return null
  }

  /** toSession, but a session the server refuses ends (null) instead of throwing. */
  async function session(user: User | null, forceRefresh = false): Promise<Session | null> {
    try {
      return await toSession(user, forceRefresh)
    } catch (error) {
      if (sessionEndedByServer(error)) return end()
      throw error
    }
  }

  onIdTokenChanged(auth, (user) => {
    const previous = last
    last = user
    if (user) ended = false
    void (async () => {
      if (!user && previous && previous !== signedOutHere) {
        // Signed out without this device asking: Firebase does that when a token refresh is
        // refused. Ask once more with the old user's refresh token to learn whether the server
        // ended the session (another tab's sign-out leaves the token valid).
        try {
          await previous.getIdToken(true)
        } catch (error) {
          if (sessionEndedByServer(error)) return void (await end())
        }
      }
      const next = await session(user).catch(() => null)
      if (user && !next) return // ended (already told) or unreadable
      for (const l of listeners) l(next)
    })()
  })

  return {
    async current() {
      await auth.authStateReady()
      return session(auth.currentUser)
    },
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    signUp: (email, password, displayName) =>
      wrap(async () => {
        const cred = await createUserWithEmailAndPassword(auth, email, password)
        await updateProfile(cred.user, { displayName })
        await sendEmailVerification(cred.user).catch(() => undefined)
        return (await toSession(cred.user, true)) as Session
      }),
    signIn: (email, password) =>
      wrap(async () => (await toSession((await signInWithEmailAndPassword(auth, email, password)).user)) as Session),
    sendSignInLink: (email, url) => wrap(() => sendSignInLinkToEmail(auth, email, { url, handleCodeInApp: true })),
    completeSignInLink: (url, email) =>
      wrap(async () => (isSignInWithEmailLink(auth, url) ? toSession((await signInWithEmailLink(auth, email, url)).user) : null)),
    sendPasswordReset: (email, url) =>
      wrap(async () => {
        try {
          await sendPasswordResetEmail(auth, email, { url })
        } catch (error) {
          // Whether an account exists is nobody's business: an unknown address is answered alike.
          if (errorCode(error) !== 'auth/user-not-found') throw error
        }
      }),
    checkPasswordReset: (code) => wrap(() => verifyPasswordResetCode(auth, code)),
    confirmPasswordReset: (code, newPassword) => wrap(() => confirmPasswordReset(auth, code, newPassword)),
    sendVerification: () => wrap(async () => (auth.currentUser ? sendEmailVerification(auth.currentUser) : undefined)),
    // A forced refresh is how a deleted or disabled account is noticed between token expiries.
    refresh: () => session(auth.currentUser, true),
    async signOut() {
      signedOutHere = auth.currentUser
      await signOut(auth)
    },
    async joinInstitution(input): Promise<JoinResult> {
      try {
        const call = httpsCallable<typeof input, { institutionId: string; role: Role }>(functions, 'joinInstitution')
        const { data } = await call(input)
        await auth.currentUser?.getIdToken(true)
        return { ok: true, ...data }
      } catch (error) {
        const details = (error as { details?: { code?: string; problem?: unknown; reason?: unknown } }).details
        const code = (details?.code ?? 'invalid') as Extract<JoinResult, { ok: false }>['code']
        const message = error instanceof Error ? error.message : 'Could not join'
        return {
          ok: false,
          code,
          message,
          ...(typeof details?.problem === 'string' ? { problem: details.problem } : {}),
          ...(typeof details?.reason === 'string' ? { reason: details.reason } : {}),
        }
      }
    },
  }
}

/** AuthPort over Firebase Auth, plus the `joinInstitution` callable. */
import {
  createUserWithEmailAndPassword, isSignInWithEmailLink, onIdTokenChanged, sendEmailVerification, sendSignInLinkToEmail,
  signInWithEmailAndPassword, signInWithEmailLink, signOut, updateProfile, type User,
} from 'firebase/auth'
import { httpsCallable } from 'firebase/functions'
import { ROLES, type Role } from '@/domain/common'
import type { AuthPort, JoinResult, Session } from '@/sync/ports'
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

function authErrorMessage(error: unknown): string {
  const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : ''
  const messages: Record<string, string> = {
    'auth/email-already-in-use': 'An account with this email already exists. Sign in instead.',
    'auth/invalid-email': 'Enter a valid email address.',
    'auth/weak-password': 'Use a password of at least 8 characters.',
    'auth/invalid-credential': 'Email or password is incorrect.',
    'auth/wrong-password': 'Email or password is incorrect.',
    'auth/user-not-found': 'Email or password is incorrect.',
    'auth/too-many-requests': 'Too many attempts. Wait a minute and try again.',
    'auth/network-request-failed': 'You appear to be offline. Connect and try again.',
  }
  return messages[code] ?? (error instanceof Error ? error.message : 'Something went wrong')
}

async function wrap<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw new Error(authErrorMessage(error), { cause: error })
  }
}

export function createFirebaseAuth(instance?: string): AuthPort {
  const { auth, functions } = firebase(instance)
  return {
    async current() {
      await auth.authStateReady()
      return toSession(auth.currentUser)
    },
    onChange(listener) {
      return onIdTokenChanged(auth, (user) => void toSession(user).then(listener))
    },
    signUp: (email, password, displayName) =>
      wrap(async () => {
        const cred = await createUserWithEmailAndPassword(auth, email, password)
        await updateProfile(cred.user, { displayName })
        await sendEmailVerification(cred.user).catch(() => undefined)
        return (await toSession(cred.user, true)) as Session
      }),
    signIn: (email, password) => wrap(async () => (await toSession((await signInWithEmailAndPassword(auth, email, password)).user)) as Session),
    sendSignInLink: (email, url) => wrap(() => sendSignInLinkToEmail(auth, email, { url, handleCodeInApp: true })),
    completeSignInLink: (url, email) =>
      wrap(async () => (isSignInWithEmailLink(auth, url) ? toSession((await signInWithEmailLink(auth, email, url)).user) : null)),
    sendVerification: () => wrap(async () => (auth.currentUser ? sendEmailVerification(auth.currentUser) : undefined)),
    refresh: () => toSession(auth.currentUser, true),
    signOut: () => signOut(auth),
    async joinInstitution(input): Promise<JoinResult> {
      try {
        const call = httpsCallable<typeof input, { institutionId: string; role: Role }>(functions, 'joinInstitution')
        const { data } = await call(input)
        await auth.currentUser?.getIdToken(true)
        return { ok: true, ...data }
      } catch (error) {
        const details = (error as { details?: { code?: string } }).details
        const code = (details?.code ?? 'invalid') as Extract<JoinResult, { ok: false }>['code']
        return { ok: false, code, message: error instanceof Error ? error.message : 'Could not join' }
      }
    },
  }
}

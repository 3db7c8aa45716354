/** Users in the Auth emulator, with claims and a fresh ID token (as a signed-in client has). */
import type { Auth } from 'firebase-admin/auth'
import type { Role } from '@/domain/common'
import { AUTH_HOST, RUN } from './env'

export interface TestUser {
  uid: string
  email: string
  password: string
  idToken: string
}

let seq = 0

/** A unique address at `domain`. */
export function emailAt(domain: string, name = 'user'): string {
  return `${name}-${RUN}-${seq++}@${domain}`
}

/** POST to the Auth emulator's REST API (`accounts:<method>`); the new session's uid and ID token. */
async function accounts(
  method: 'signInWithPassword' | 'signUp',
  email: string,
  password: string,
): Promise<{ uid: string; idToken: string }> {
  const res = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=fake-api-key`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  })
  const body = (await res.json()) as { localId?: string; idToken?: string; error?: { message: string } }
  if (!res.ok || !body.idToken || !body.localId)
    throw new Error(`${method === 'signUp' ? 'sign-up' : 'sign-in'} failed: ${body.error?.message ?? res.status}`)
  return { uid: body.localId, idToken: body.idToken }
}

/** Sign in with email + password against the Auth emulator's REST API. */
export function signIn(email: string, password: string): Promise<{ uid: string; idToken: string }> {
  return accounts('signInWithPassword', email, password)
}

/** Self sign-up through the REST API, as the app does (the email starts unverified). */
export async function signUp(email: string, password = 'password-123'): Promise<TestUser> {
  return { ...(await accounts('signUp', email, password)), email, password }
}

export interface UserSpec {
  email: string
  verified?: boolean
  claims?: { institutionId: string; role: Role } | null
}

/** Create a user with the admin SDK, set claims, and sign in to get a token carrying them. */
export async function createUser(auth: Auth, spec: UserSpec): Promise<TestUser> {
  const password = 'password-123'
  const rec = await auth.createUser({ email: spec.email, password, emailVerified: spec.verified ?? true })
  if (spec.claims) await auth.setCustomUserClaims(rec.uid, spec.claims)
  const { idToken } = await signIn(spec.email, password)
  return { uid: rec.uid, email: spec.email, password, idToken }
}

/** A new token after claims changed (what `getIdToken(true)` does in the app). */
export async function refreshToken(user: TestUser): Promise<TestUser> {
  const { idToken } = await signIn(user.email, user.password)
  return { ...user, idToken }
}

/**
 * Typed callable errors. Every error a callable throws on purpose is an HttpsError whose
 * `details.code` is a stable, machine-readable reason the client maps to a message.
 */
import type { Auth } from 'firebase-admin/auth'
import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https'
import { parseProblem } from '@/domain/problems'

export type JoinErrorCode = 'unknown-domain' | 'bad-code' | 'already-member' | 'rate-limited' | 'invalid'
export type SurveyErrorCode = 'invalid' | 'not-found' | 'closed' | 'already-submitted' | 'forbidden' | 'too-large' | 'mode-changed'
export type EndorseErrorCode = 'not-found' | 'not-learner' | 'not-completed' | 'already-endorsed'
export type ErrorCode = JoinErrorCode | SurveyErrorCode | EndorseErrorCode | 'unauthenticated' | 'domain-taken'

const HTTP_CODE: Record<ErrorCode, FunctionsErrorCode> = {
  'unknown-domain': 'not-found',
  'bad-code': 'permission-denied',
  'already-member': 'already-exists',
  'rate-limited': 'resource-exhausted',
  invalid: 'invalid-argument',
  'not-found': 'not-found',
  closed: 'failed-precondition',
  'mode-changed': 'failed-precondition',
  'already-submitted': 'already-exists',
  forbidden: 'permission-denied',
  'too-large': 'invalid-argument',
  unauthenticated: 'unauthenticated',
  'domain-taken': 'already-exists',
  'not-learner': 'permission-denied',
  'not-completed': 'failed-precondition',
  'already-endorsed': 'already-exists',
}

/**
 * An HttpsError carrying `details.code` (plus optional extra details such as `field`). When
 * `message` is a problem (`problem()` from src/domain/problems: a code and its parameters, e.g. a
 * schema issue) it is also `details.problem`, which the client words; any other message is for
 * logs only (the client words `details.code`).
 */
export function typedError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): HttpsError {
  return new HttpsError(HTTP_CODE[code], message, parseProblem(message) ? { ...extra, code, problem: message } : { ...extra, code })
}

/** The signed-in caller's uid, or a typed `unauthenticated` error. */
export function requireAuth(auth: { uid: string } | undefined): string {
  if (!auth?.uid) throw typedError('unauthenticated', 'Sign in first')
  return auth.uid
}

/**
 * Refuses a caller whose account was deleted or disabled. Their devices keep a valid ID token for
 * up to an hour; without this, a second device could push the deleted account's data back (and
 * would not learn that its session ended until the token expired).
 */
export async function requireLiveAccount(auth: Pick<Auth, 'getUser'>, uid: string, authTime?: unknown): Promise<void> {
  let user: Awaited<ReturnType<Auth['getUser']>>
  try {
    user = await auth.getUser(uid)
  } catch (error) {
    if ((error as { code?: string }).code === 'auth/user-not-found')
      throw typedError('unauthenticated', 'This account no longer exists', { reason: 'account-deleted' })
    throw error
  }
  if (user.disabled) throw typedError('unauthenticated', 'This account is disabled', { reason: 'account-disabled' })
  // A session signed in before its refresh tokens were revoked (a member removed by a lead) is
  // over, though its ID token has not expired yet (as verifyIdToken's checkRevoked decides).
  const validSince = user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : Number.NaN
  if (typeof authTime === 'number' && Number.isFinite(validSince) && authTime * 1000 < validSince) {
    throw typedError('unauthenticated', 'This session was ended: sign in again', { reason: 'session-revoked' })
  }
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype
}

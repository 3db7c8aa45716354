/**
 * The member's account: `deleteAccount` (My data) deletes the signed-in member's account and data;
 * `removeMember` is a lead taking someone out of their institution.
 */
import { httpsCallable } from 'firebase/functions'
import { firebase } from './app'

/** The words the server needs to see before it deletes anything. */
export const DELETE_CONFIRMATION = 'delete my account'

/** A refusal: `code` is details.code and `problem` details.problem, for the view to word; `message` is for logs only. */
export type DeleteAccountResult = { ok: true } | { ok: false; offline: boolean; code: string; problem?: string; message: string }
/** The server's refusal, typed: `code` is its details.code (forbidden, not-found, invalid …). */
export type RemoveMemberResult = { ok: true } | { ok: false; offline: boolean; code: string; message: string }

/** An endorsement's outcome: the teacher's new count, or the server's refusal code (not-completed, already-endorsed …) or offline. */
export type EndorseResult = { ok: true; count: number } | { ok: false; offline: boolean; code: string }

export interface AccountPort {
  /** Deletes the signed-in member's account and data on the server. */
  deleteAccount(): Promise<DeleteAccountResult>
  /** A lead takes `uid` out of their institution (the callable checks who may). */
  removeMember(uid: string): Promise<RemoveMemberResult>
  /** The learner of a completed skill-share session endorses its teacher's skill ("taught me this"), once. */
  endorseSkill(requestId: string): Promise<EndorseResult>
}

export function createFirebaseAccount(instance?: string): AccountPort {
  return {
    async deleteAccount() {
      try {
        await httpsCallable<{ confirm: string }, unknown>(firebase(instance).functions, 'deleteAccount', { timeout: 300_000 })({
          confirm: DELETE_CONFIRMATION,
        })
        return { ok: true }
      } catch (error) {
        const { offline } = failure(error)
        const details =
          typeof error === 'object' && error && 'details' in error
            ? (error as { details?: { code?: unknown; problem?: unknown } }).details
            : undefined
        return {
          ok: false,
          offline,
          code: typeof details?.code === 'string' ? details.code : offline ? 'offline' : 'server',
          ...(typeof details?.problem === 'string' ? { problem: details.problem } : {}),
          message: error instanceof Error ? error.message : 'The account could not be deleted',
        }
      }
    },
    async endorseSkill(requestId) {
      try {
        const out = await httpsCallable<{ requestId: string }, { count: number }>(firebase(instance).functions, 'endorseSkill', {
          timeout: 60_000,
        })({ requestId })
        return { ok: true, count: out.data.count }
      } catch (error) {
        const { offline } = failure(error)
        const details =
          typeof error === 'object' && error && 'details' in error ? (error as { details?: { code?: unknown } }).details : undefined
        return { ok: false, offline, code: typeof details?.code === 'string' ? details.code : offline ? 'offline' : 'unknown' }
      }
    },
    async removeMember(uid) {
      try {
        await httpsCallable<{ uid: string }, unknown>(firebase(instance).functions, 'removeMember', { timeout: 60_000 })({ uid })
        return { ok: true }
      } catch (error) {
        const { offline } = failure(error)
        const details =
          typeof error === 'object' && error && 'details' in error ? (error as { details?: { code?: unknown } }).details : undefined
        return {
          ok: false,
          offline,
          code: typeof details?.code === 'string' ? details.code : offline ? 'offline' : 'unknown',
          message: error instanceof Error ? error.message : '',
        }
      }
    },
  }
}

/** Whether a failed call failed for want of a connection (the device is offline, or the call never reached the server). */
function failure(error: unknown): { offline: boolean } {
  const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : ''
  return { offline: (typeof navigator !== 'undefined' && navigator.onLine === false) || /unavailable|deadline-exceeded|network/.test(code) }
}

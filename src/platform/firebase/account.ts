/**
 * The `deleteAccount` callable (My data): deletes the signed-in member's account and data.
 * Firebase is imported inside the call, and reached through the app the platform already set up
 * (same Functions instance, emulator settings included), so this module's chunk never pulls
 * Firebase or the platform's internals in statically (the size budget's rule).
 */
import { loadPlatform } from '../load'
import { readConfig } from './config'

/** The words the server needs to see before it deletes anything. */
export const DELETE_CONFIRMATION = 'delete my account'

export type DeleteAccountResult = { ok: true } | { ok: false; offline: boolean; message: string }

export async function deleteAccountOnServer(): Promise<DeleteAccountResult> {
  try {
    await loadPlatform()
    const [{ getApp }, { getFunctions, httpsCallable }] = await Promise.all([import('firebase/app'), import('firebase/functions')])
    const functions = getFunctions(getApp(), readConfig().region)
    await httpsCallable<{ confirm: string }, unknown>(functions, 'deleteAccount', { timeout: 300_000 })({ confirm: DELETE_CONFIRMATION })
    return { ok: true }
  } catch (error) {
    const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : ''
    const offline = (typeof navigator !== 'undefined' && navigator.onLine === false) || /unavailable|deadline-exceeded|network/.test(code)
    return { ok: false, offline, message: offline ? 'You appear to be offline. Connect and try again.' : error instanceof Error ? error.message : 'The account could not be deleted' }
  }
}

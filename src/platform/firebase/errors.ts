import { TransportError } from '@/sync/ports'

/** Maps Firebase errors to the transport's three kinds: retry, wait for sign-in, or surface. */
export function toTransportError(error: unknown): TransportError {
  const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : ''
  const message = error instanceof Error ? error.message : String(error)
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false
  if (offline || /unavailable|deadline-exceeded|network-request-failed/.test(code) || /fetch|network/i.test(message)) {
    return new TransportError(message || 'Offline', 'offline')
  }
  // A refused token (deleted, disabled or revoked account) too: the app then checks its session.
  if (/unauthenticated|permission-denied|user-token-expired|user-disabled|user-not-found|invalid-refresh-token/.test(code))
    return new TransportError(message, 'unauthenticated')
  return new TransportError(message || 'Server error', 'server')
}

/**
 * A failed callable, typed: `code` is the server's `details.code` (forbidden, not-found …), else
 * `offline` when the call never reached the server, else `unknown`.
 */
export function callFailure(error: unknown): { offline: boolean; code: string } {
  const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : ''
  const offline = (typeof navigator !== 'undefined' && navigator.onLine === false) || /unavailable|deadline-exceeded|network/.test(code)
  const details = typeof error === 'object' && error && 'details' in error ? (error as { details?: { code?: unknown } }).details : undefined
  return { offline, code: typeof details?.code === 'string' ? details.code : offline ? 'offline' : 'unknown' }
}

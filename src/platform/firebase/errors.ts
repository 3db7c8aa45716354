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

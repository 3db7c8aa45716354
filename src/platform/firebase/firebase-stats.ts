/** The leads' aggregate figures: the `institutionStats` callable (suppressed counts only). */
import { httpsCallable } from 'firebase/functions'
import { firebase } from './app'
import { toTransportError } from './errors'

export interface StatsPort {
  /** The raw reply of institutionStats, for the caller to validate. Throws a TransportError. */
  institutionStats(): Promise<unknown>
}

export function createFirebaseStats(instance?: string): StatsPort {
  return {
    async institutionStats() {
      try {
        const call = httpsCallable<Record<string, never>, unknown>(firebase(instance).functions, 'institutionStats', { timeout: 60_000 })
        return (await call({})).data
      } catch (error) {
        throw toTransportError(error)
      }
    },
  }
}

/** The CPD feature's backend: evidence files (./blob-store.ts) and the leads' `cpdStats` callable. */
import { httpsCallable } from 'firebase/functions'
import type { CpdPort } from '@/evidence-engine/ports'
import type { CpdStats } from '@/domain/rules/cpd-stats'
import { firebase } from './app'
import { createFirestoreBlobStore, toBlobStoreError } from './blob-store'

export function createFirebaseCpd(instance?: string): CpdPort {
  return {
    evidence: createFirestoreBlobStore(instance),
    async stats() {
      try {
        return (await httpsCallable<object, CpdStats>(firebase(instance).functions, 'cpdStats', { timeout: 120_000 })({})).data
      } catch (error) {
        throw toBlobStoreError(error)
      }
    },
  }
}

/** The Firebase platform: the only entry point the rest of the app loads (lazily). */
import type { AuthPort, SyncTransport } from '@/sync/ports'
import { createFirebaseAuth } from './auth'
import { createFirebaseTransport, type TransportIds } from './transport'

export interface Platform {
  auth: AuthPort
  transport(ids: () => TransportIds): SyncTransport
}

export function createPlatform(): Platform {
  return { auth: createFirebaseAuth(), transport: createFirebaseTransport }
}

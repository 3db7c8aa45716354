/** The Firebase platform: the only entry point the rest of the app loads (lazily). */
import type { AuthPort, SyncTransport } from '@/sync/ports'
import { createFirebaseAuth } from './auth'
import { createFirebaseTransport, type TransportIds } from './transport'

export interface Platform {
  auth: AuthPort
  transport(ids: () => TransportIds): SyncTransport
}

/** `instance` names a separate Firebase app (tests simulate several devices in one process). */
export function createPlatform(instance?: string): Platform {
  return { auth: createFirebaseAuth(instance), transport: (ids) => createFirebaseTransport(ids, instance) }
}

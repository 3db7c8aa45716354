/**
 * A member's device on the real stack: the app's own Firebase platform (src/platform/firebase —
 * auth port, transport: Firestore Lite reads and the syncPush callable) pointed at this run's
 * emulators and signed in, for suites that drive the app's sync engine against the emulators.
 */
import { vi } from 'vitest'
import type { Platform } from '@/platform/firebase'
import type { Session, SyncTransport } from '@/sync/ports'
import { AUTH_HOST, FIRESTORE_HOST, FUNCTIONS_ORIGIN, hostPort } from './env'
import type { TestUser } from './users'

/** The app's Firebase config, pointed at this run's emulators (in beforeAll; `vi.unstubAllEnvs()` in afterAll). */
export function useEmulatorsInApp(): void {
  vi.stubEnv('VITE_USE_EMULATORS', '1')
  vi.stubEnv('VITE_EMULATOR_HOST', hostPort(AUTH_HOST).host)
  vi.stubEnv('VITE_AUTH_EMULATOR_PORT', String(hostPort(AUTH_HOST).port))
  vi.stubEnv('VITE_FIRESTORE_EMULATOR_PORT', String(hostPort(FIRESTORE_HOST).port))
  vi.stubEnv('VITE_FUNCTIONS_EMULATOR_PORT', new URL(FUNCTIONS_ORIGIN).port)
}

export interface AppDevice {
  platform: Platform
  /** The Firebase app instance name (one per device, so devices do not share a session). */
  instance: string
  session: Session
  /** The device's transport, syncing `institutionId` as `user`. */
  transport: SyncTransport
}

/** `user` signed in on a new device (Firebase app `instance`) through the app's auth port. */
export async function signInDevice(user: TestUser, instance: string, institutionId: string): Promise<AppDevice> {
  const { createPlatform } = await import('@/platform/firebase')
  const platform = createPlatform(instance)
  const session = await platform.auth.signIn(user.email, user.password)
  return { platform, instance, session, transport: platform.transport(() => ({ uid: user.uid, institutionId })) }
}

/**
 * Firebase configuration from the build environment. Local mode (`VITE_USE_EMULATORS=1`) talks to
 * the Emulator Suite under the `demo-` project, which needs no credentials.
 */
import type { FirebaseOptions } from 'firebase/app'
import { FUNCTIONS_REGION } from '@/domain/deployment'

export interface HubFirebaseConfig {
  options: FirebaseOptions
  emulators: { host: string; authPort: number; firestorePort: number; functionsPort: number } | null
  region: string
}

export function readConfig(env: Record<string, string | boolean | undefined> = import.meta.env): HubFirebaseConfig {
  const useEmulators = env.VITE_USE_EMULATORS === '1' || env.VITE_USE_EMULATORS === 'true'
  const projectId = String(env.VITE_FIREBASE_PROJECT_ID ?? 'demo-technician-hub')
  return {
    options: {
      apiKey: String(env.VITE_FIREBASE_API_KEY ?? 'demo-api-key'),
      authDomain: String(env.VITE_FIREBASE_AUTH_DOMAIN ?? `${projectId}.firebaseapp.com`),
      projectId,
      appId: env.VITE_FIREBASE_APP_ID ? String(env.VITE_FIREBASE_APP_ID) : undefined,
    },
    emulators: useEmulators
      ? {
          host: String(env.VITE_EMULATOR_HOST ?? (typeof location === 'undefined' ? '127.0.0.1' : location.hostname)),
          authPort: Number(env.VITE_AUTH_EMULATOR_PORT ?? 9099),
          firestorePort: Number(env.VITE_FIRESTORE_EMULATOR_PORT ?? 8080),
          functionsPort: Number(env.VITE_FUNCTIONS_EMULATOR_PORT ?? 5001),
        }
      : null,
    // Not a build variable: the functions export the same constant (src/domain/deployment.ts).
    region: FUNCTIONS_REGION,
  }
}

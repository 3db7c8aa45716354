/**
 * Where the emulators are. Defaults are the standard ports of firebase.json; the test runner
 * (scripts/with-emulators.mjs) exports the same variables, and a developer can point the suites
 * at other instances by exporting them.
 */
export const PROJECT_ID = process.env.GCLOUD_PROJECT || process.env.FIREBASE_PROJECT || 'demo-technician-hub'
export const FIRESTORE_HOST = process.env.FIRESTORE_EMULATOR_HOST || '127.0.0.1:8080'
export const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST || '127.0.0.1:9099'
export const FUNCTIONS_ORIGIN = (process.env.FUNCTIONS_EMULATOR_ORIGIN || 'http://127.0.0.1:5001').replace(/\/$/, '')
export { FUNCTIONS_REGION as REGION } from '@/domain/deployment'

/** host:port → { host, port } */
export function hostPort(hp: string): { host: string; port: number } {
  const i = hp.lastIndexOf(':')
  return { host: hp.slice(0, i), port: Number(hp.slice(i + 1)) }
}

// firebase-admin reads these when it initialises.
process.env.FIRESTORE_EMULATOR_HOST = FIRESTORE_HOST
process.env.FIREBASE_AUTH_EMULATOR_HOST = AUTH_HOST
// No Google Cloud metadata server here: do not let client libraries probe for one.
process.env.METADATA_SERVER_DETECTION ??= 'none'

/** A short id unique to this test run, so suites never collide with data of earlier runs. */
export const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`

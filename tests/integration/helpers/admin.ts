/** firebase-admin against the emulators, for seeding and for reading what the callables wrote. */
import { deleteApp, initializeApp, type App } from 'firebase-admin/app'
import { getAuth, type Auth } from 'firebase-admin/auth'
import { getFirestore, type Firestore } from 'firebase-admin/firestore'
import { PROJECT_ID } from './env'

export interface Admin {
  app: App
  db: Firestore
  auth: Auth
  close(): Promise<void>
}

let n = 0

export function adminApp(): Admin {
  const app = initializeApp({ projectId: PROJECT_ID }, `integration-${process.pid}-${n++}`)
  const db = getFirestore(app)
  db.settings({ ignoreUndefinedProperties: true })
  return { app, db, auth: getAuth(app), close: () => deleteApp(app) }
}

/** firebase-admin, initialised once per instance. The emulators are picked up from the env. */
import { getApps, initializeApp } from 'firebase-admin/app'
import { getAuth, type Auth } from 'firebase-admin/auth'
import { getFirestore, type Firestore } from 'firebase-admin/firestore'

let db: Firestore | null = null

function app() {
  return getApps()[0] ?? initializeApp()
}

/** The default Firestore; undefined fields are dropped rather than rejected. */
export function getDb(): Firestore {
  if (!db) {
    db = getFirestore(app())
    db.settings({ ignoreUndefinedProperties: true })
  }
  return db
}

export function getAdminAuth(): Auth {
  return getAuth(app())
}

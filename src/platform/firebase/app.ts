/** Lazy, single initialisation of the Firebase app, auth, Firestore Lite and Functions. */
import { initializeApp, type FirebaseApp } from 'firebase/app'
import { connectAuthEmulator, getAuth, indexedDBLocalPersistence, initializeAuth, type Auth } from 'firebase/auth'
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore/lite'
import { connectFunctionsEmulator, getFunctions, type Functions } from 'firebase/functions'
import { readConfig } from './config'

export interface FirebaseHandles {
  app: FirebaseApp
  auth: Auth
  firestore: Firestore
  functions: Functions
}

const instances = new Map<string, FirebaseHandles>()

/**
 * The Firebase handles of one app instance. The app uses the default one; tests run several
 * named instances side by side, one per simulated device.
 */
export function firebase(name = '[DEFAULT]'): FirebaseHandles {
  const existing = instances.get(name)
  if (existing) return existing
  const config = readConfig()
  const app = initializeApp(config.options, name)
  let auth: Auth
  try {
    // IndexedDB persistence keeps the session across restarts and works offline.
    auth = initializeAuth(app, { persistence: indexedDBLocalPersistence })
  } catch {
    auth = getAuth(app)
  }
  const firestore = getFirestore(app)
  const functions = getFunctions(app, config.region)
  if (config.emulators) {
    const { host, authPort, firestorePort, functionsPort } = config.emulators
    connectAuthEmulator(auth, `http://${host}:${authPort}`, { disableWarnings: true })
    connectFirestoreEmulator(firestore, host, firestorePort)
    connectFunctionsEmulator(functions, host, functionsPort)
  }
  const handles = { app, auth, firestore, functions }
  instances.set(name, handles)
  return handles
}

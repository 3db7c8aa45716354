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

let handles: FirebaseHandles | null = null

export function firebase(): FirebaseHandles {
  if (handles) return handles
  const config = readConfig()
  const app = initializeApp(config.options)
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
  handles = { app, auth, firestore, functions }
  return handles
}

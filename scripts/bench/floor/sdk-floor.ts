/**
 * The Firebase SDK floor: the entry points src/platform/firebase uses (app, auth with IndexedDB
 * persistence, Firestore Lite reads, callables), each referenced once so nothing is tree-shaken
 * away that the app needs. Its gzip size is the baseline of the app's Firebase chunk.
 */
import { initializeApp } from 'firebase/app'
import {
  connectAuthEmulator,
  createUserWithEmailAndPassword,
  indexedDBLocalPersistence,
  initializeAuth,
  isSignInWithEmailLink,
  onIdTokenChanged,
  sendEmailVerification,
  sendSignInLinkToEmail,
  signInWithEmailAndPassword,
  signInWithEmailLink,
  signOut,
  updateProfile,
} from 'firebase/auth'
import {
  collection,
  connectFirestoreEmulator,
  doc,
  documentId,
  getDoc,
  getDocs,
  getFirestore,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
} from 'firebase/firestore/lite'
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions'

export function connect(): unknown {
  const app = initializeApp({ apiKey: 'demo', projectId: 'demo-floor' })
  const auth = initializeAuth(app, { persistence: indexedDBLocalPersistence })
  const firestore = getFirestore(app)
  const functions = getFunctions(app)
  connectAuthEmulator(auth, 'http://127.0.0.1:9099')
  connectFirestoreEmulator(firestore, '127.0.0.1', 8080)
  connectFunctionsEmulator(functions, '127.0.0.1', 5001)
  return {
    auth: [
      createUserWithEmailAndPassword,
      isSignInWithEmailLink,
      onIdTokenChanged,
      sendEmailVerification,
      sendSignInLinkToEmail,
      signInWithEmailAndPassword,
      signInWithEmailLink,
      signOut,
      updateProfile,
    ],
    reads: [
      getDoc(doc(firestore, 'a/b')),
      getDocs(query(collection(firestore, 'a'), orderBy('updatedAt'), orderBy(documentId()), startAfter(Timestamp.now(), 'x'), limit(1))),
    ],
    call: httpsCallable(functions, 'syncPush'),
  }
}

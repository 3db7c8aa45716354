/** SyncTransport over Firestore Lite reads (REST) and the `syncPush` callable. */
import { collection, doc, documentId, getDoc, getDocs, limit, orderBy, query, startAfter } from 'firebase/firestore/lite'
import { httpsCallable } from 'firebase/functions'
import { collectionPath, COLLECTIONS, type CollectionName } from '@/domain/collections'
import type { Checkpoint, Mutation, PushResponse, SyncMeta } from '@/domain/sync'
import type { SyncTransport } from '@/sync/ports'
import { firebase } from './app'
import { toTransportError } from './errors'

export interface TransportIds {
  uid: string
  institutionId: string
}

/** Counts documents read, so the warm-open benchmark can report it. */
export const readCounter = { documents: 0 }

export function createFirebaseTransport(ids: () => TransportIds): SyncTransport {
  return {
    async push(mutations: Mutation[]): Promise<PushResponse> {
      try {
        const call = httpsCallable<{ mutations: Mutation[] }, PushResponse>(firebase().functions, 'syncPush', { timeout: 120_000 })
        return (await call({ mutations })).data
      } catch (error) {
        throw toTransportError(error)
      }
    },
    async pull(col: CollectionName, after: Checkpoint | null, max: number): Promise<SyncMeta[]> {
      const { firestore } = firebase()
      try {
        if (COLLECTIONS[col].scope === 'root') {
          // Only the member's own institution document is readable.
          const snap = await getDoc(doc(firestore, 'institutions', ids().institutionId))
          readCounter.documents++
          if (!snap.exists()) return []
          const data = { ...snap.data(), id: snap.id } as SyncMeta
          return !after || data.updatedAt > after.updatedAt || (data.updatedAt === after.updatedAt && data.id > after.id) ? [data] : []
        }
        const base = collection(firestore, collectionPath(col, ids()))
        const constraints = [orderBy('updatedAt'), orderBy(documentId())]
        const q = after ? query(base, ...constraints, startAfter(after.updatedAt, after.id), limit(max)) : query(base, ...constraints, limit(max))
        const snap = await getDocs(q)
        readCounter.documents += snap.size
        return snap.docs.map((d) => ({ ...d.data(), id: d.id }) as SyncMeta)
      } catch (error) {
        throw toTransportError(error)
      }
    },
  }
}

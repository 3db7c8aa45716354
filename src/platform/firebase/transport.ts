/** SyncTransport over Firestore Lite reads (REST) and the `syncPush` callable. */
import {
  collection,
  doc,
  documentId,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  type DocumentSnapshot,
  type QueryConstraint,
} from 'firebase/firestore/lite'
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

export function createFirebaseTransport(ids: () => TransportIds, instance?: string): SyncTransport {
  return {
    async push(mutations: Mutation[]): Promise<PushResponse> {
      try {
        const call = httpsCallable<{ mutations: Mutation[] }, PushResponse>(firebase(instance).functions, 'syncPush', { timeout: 120_000 })
        return (await call({ mutations })).data
      } catch (error) {
        throw toTransportError(error)
      }
    },
    async pull(col: CollectionName, after: Checkpoint | null, max: number): Promise<SyncMeta[]> {
      const { firestore } = firebase(instance)
      try {
        if (COLLECTIONS[col].scope === 'root') {
          // Only the member's own institution document is readable.
          const snap = await getDoc(doc(firestore, 'institutions', ids().institutionId))
          readCounter.documents++
          if (!snap.exists()) return []
          const data = fromSnapshot(snap)
          return !after || data.updatedAt > after.updatedAt || (data.updatedAt === after.updatedAt && data.id > after.id) ? [data] : []
        }
        const base = collection(firestore, collectionPath(col, ids()))
        // Rules are not filters: a collection only some members read (requests) is asked for only
        // the documents naming the caller (index: readers array-contains, updatedAt, __name__).
        const readers = COLLECTIONS[col].readersField
        const constraints: QueryConstraint[] = [
          ...(readers ? [where(readers, 'array-contains', ids().uid)] : []),
          orderBy('updatedAt'),
          orderBy(documentId()),
        ]
        // Resume from the checkpoint's millisecond: documents of that same millisecond may be read
        // again (harmless, they re-apply by version) but none is skipped.
        const cursor = after ? [startAfter(Timestamp.fromMillis(after.updatedAt), after.id)] : []
        const snap = await getDocs(query(base, ...constraints, ...cursor, limit(max)))
        readCounter.documents += snap.size
        return snap.docs.map(fromSnapshot)
      } catch (error) {
        throw toTransportError(error)
      }
    },
  }
}

/**
 * Documents store `updatedAt` as the commit's server timestamp; the client works in whole
 * milliseconds (rounded down, which keeps the checkpoint at or before the true time).
 */
function fromSnapshot(snap: DocumentSnapshot): SyncMeta {
  const data = snap.data() ?? {}
  const at = data.updatedAt
  const updatedAt = at instanceof Timestamp ? at.toMillis() : typeof at === 'number' ? at : 0
  return { ...data, id: snap.id, updatedAt } as SyncMeta
}

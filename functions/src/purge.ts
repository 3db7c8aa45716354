/**
 * Tombstone purge: hard-deletes synced documents deleted more than TOMBSTONE_TTL_MS ago, and the
 * idempotency ledger entries of the same age. Clients whose checkpoint is older than the TTL
 * resync fully, so a purged tombstone is never needed again.
 */
import { Timestamp, type Firestore, type Query } from 'firebase-admin/firestore'
import { COLLECTIONS, COLLECTION_NAMES } from '@/domain/collections'
import { TOMBSTONE_TTL_MS } from '@/domain/sync'
import { purgeStaleUploads } from './evidence/evidence'

export interface PurgeReport {
  cutoff: number
  tombstones: number
  ledgerEntries: number
  /** Evidence uploads begun over a day ago and never finished, removed with their chunks. */
  staleUploads: number
}

const PAGE = 400

/** Delete what a query returns, page by page, until it returns nothing. */
async function drain(db: Firestore, query: Query): Promise<number> {
  let total = 0
  for (;;) {
    const snap = await query.limit(PAGE).get()
    if (snap.empty) return total
    const batch = db.batch()
    for (const d of snap.docs) batch.delete(d.ref)
    await batch.commit()
    total += snap.size
    if (snap.size < PAGE) return total
  }
}

/** The core of the scheduled job, callable directly (tests, admin scripts). */
export async function purgeTombstonesCore(db: Firestore, now = Date.now()): Promise<PurgeReport> {
  const cutoff = now - TOMBSTONE_TTL_MS
  let tombstones = 0
  const cutoffTs = Timestamp.fromMillis(cutoff)
  for (const name of COLLECTION_NAMES) {
    // Collection groups catch every institution's and every user's copy of the collection;
    // root-scope documents (institutions) are matched by the same query on their collection.
    const base = COLLECTIONS[name].scope === 'root' ? db.collection(name) : db.collectionGroup(name)
    const dead = base.where('deleted', '==', true)
    // updatedAt is the commit timestamp; a number (legacy or hand-seeded data) is matched too.
    tombstones += await drain(db, dead.where('updatedAt', '<', cutoffTs))
    tombstones += await drain(db, dead.where('updatedAt', '<', cutoff))
  }
  const ledgerEntries = await drain(db, db.collectionGroup('mutations').where('at', '<', cutoffTs))
  const staleUploads = await purgeStaleUploads(db, now)
  return { cutoff, tombstones, ledgerEntries, staleUploads }
}

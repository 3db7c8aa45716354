/** The outbox (local changes not yet accepted by the server), read by features through these. */
import { db as defaultDb, type HubDb } from './database'

/** How many local changes wait to sync. */
export function countOutbox(database: HubDb = defaultDb): Promise<number> {
  return database.outbox.count()
}

/**
 * Ids of a collection's documents that the server has not accepted yet: changes waiting in the
 * outbox, and documents made on this device and never synced (version 0).
 */
export async function unsentIds(collection: 'cpd' | 'requests', database: HubDb = defaultDb): Promise<Set<string>> {
  const [pending, local] = await Promise.all([
    database.outbox.where('collection').equals(collection).toArray(),
    database
      .table<{ id: string; version: number }, string>(collection)
      .filter((d) => d.version === 0)
      .primaryKeys(),
  ])
  return new Set([...pending.map((m) => m.docId), ...local])
}

export interface DocSyncState {
  /** The server's version of the document (0: never synced). */
  version: number
  /** Its changes waiting in the outbox. */
  pending: number
  /** Its changes the server refused (until dismissed). */
  refused: number
}

/** One document's sync state, as a card shows it. */
export async function docSyncState(collection: 'cpd' | 'requests', docId: string, database: HubDb = defaultDb): Promise<DocSyncState> {
  const [doc, pending, refused] = await Promise.all([
    database.table<{ version: number }, string>(collection).get(docId),
    database.outbox.where('[collection+docId]').equals([collection, docId]).count(),
    database.rejections
      .where('docId')
      .equals(docId)
      .filter((r) => r.collection === collection)
      .count(),
  ])
  return { version: doc?.version ?? 0, pending, refused }
}

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

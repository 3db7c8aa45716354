/** The outbox (local changes not yet accepted by the server), read by features through these. */
import { db as defaultDb, type HubDb } from './database'

/** How many local changes wait to sync. */
export function countOutbox(database: HubDb = defaultDb): Promise<number> {
  return database.outbox.count()
}

import type { HubDb } from './database'
import { clearLastSeen } from './last-seen'

/** Empties every table of this device's database (documents, outbox, drafts, checkpoints…). */
export async function wipeLocalData(db: HubDb): Promise<void> {
  clearLastSeen()
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())))
}

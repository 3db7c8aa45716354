/**
 * Autosaved drafts (`drafts`): what a form held when the person left it, on this device only and
 * never synced. Features read and write them through these, not through the table.
 */
import { db as defaultDb, type HubDb } from './database'

export interface SavedDraft<T> {
  value: T
  savedAt: number
}

/** The draft kept under `key`, if any. */
export async function readDraft<T>(key: string, database: HubDb = defaultDb): Promise<SavedDraft<T> | undefined> {
  const row = await database.drafts.get(key)
  return row && { value: row.value as T, savedAt: row.savedAt }
}

/** Keeps `value` (plain, structured-cloneable data) as the draft under `key`. */
export async function writeDraft(key: string, value: object, database: HubDb = defaultDb, now = Date.now()): Promise<void> {
  await database.drafts.put({ key, value: value as Record<string, unknown>, savedAt: now })
}

export async function deleteDraft(key: string, database: HubDb = defaultDb): Promise<void> {
  await database.drafts.delete(key)
}

/**
 * Deletes a draft and, in the same transaction, the evidence files held for it (`dropHeldFiles`,
 * the evidence engine's own step), so neither outlives the other.
 */
export async function discardDraftAndFiles(
  key: string,
  dropHeldFiles: (database: HubDb, key: string) => Promise<void>,
  database: HubDb = defaultDb,
): Promise<void> {
  await database.transaction('rw', database.drafts, database.evidenceBlobs, async () => {
    await database.drafts.delete(key)
    await dropHeldFiles(database, key)
  })
}

/**
 * Saving a CPD entry with its evidence as one change: the entry (and its outbox row), the files
 * held for its draft becoming queued uploads, removals of files taken off it, and the draft's
 * deletion all commit in one Dexie transaction, or none of it does.
 */
import { commitDraftEvidence, removeEvidence } from '@/evidence-engine/queue'
import { db as defaultDb, type HubDb } from '@/db/database'
import { repos as defaultRepos, type Repos } from '@/db/repos'
import type { CpdEntry } from '@/domain/entities'
import { newId } from '@/domain/ids'
import type { CpdEntryFields } from './cpd-form'

export interface SaveEntryInput {
  /** Null for a new entry. */
  id: string | null
  fields: CpdEntryFields
  draftKey: string
  /** The entry's files in order: kept ones it had, then new ones held for the draft. */
  evidenceIds: readonly string[]
  /** Files it had that were taken off. */
  removedIds: readonly string[]
  /**
   * The entry as the editor loaded it: only the fields changed since then are sent, so an edit
   * made meanwhile on another device (another field, another linked skill) is kept.
   */
  loaded?: CpdEntry | null
}

export async function saveCpdEntry(input: SaveEntryInput, options: { db?: HubDb; repos?: Repos } = {}): Promise<CpdEntry> {
  const db = options.db ?? defaultDb
  const repos = options.repos ?? defaultRepos
  return db.transaction('rw', [db.cpd, db.outbox, db.bases, db.evidenceBlobs, db.evidence, db.drafts], async () => {
    const id = input.id ?? newId()
    const fields = { ...input.fields, evidenceIds: [...input.evidenceIds] }
    const entry = !input.id
      ? await repos.cpd.create(fields, id)
      : input.loaded
        ? ((await repos.cpd.patchFrom(id, input.loaded, fields)) ?? (await repos.cpd.get(id)) ?? (await repos.cpd.put(id, fields)))
        : await repos.cpd.put(id, fields)
    await commitDraftEvidence(db, input.draftKey, entry.id, input.evidenceIds)
    for (const removed of input.removedIds) await removeEvidence(db, removed, Boolean(await db.evidence.get(removed)))
    await db.drafts.delete(input.draftKey)
    return entry
  })
}

/** Saves a new entry from the quick form: no evidence yet (it can be added in the editor later). */
export async function createCpdEntry(fields: CpdEntryFields, options: { repos?: Repos } = {}): Promise<CpdEntry> {
  return (options.repos ?? defaultRepos).cpd.create({ ...fields, evidenceIds: [] })
}

/** Deletes an entry, queues removal of its files, and drops its draft: one transaction. */
export async function deleteCpdEntry(id: string, options: { db?: HubDb; repos?: Repos } = {}): Promise<void> {
  const db = options.db ?? defaultDb
  const repos = options.repos ?? defaultRepos
  await db.transaction('rw', [db.cpd, db.outbox, db.bases, db.evidenceBlobs, db.evidence, db.drafts], async () => {
    const entry = await db.cpd.get(id)
    await repos.cpd.remove(id)
    for (const evidenceId of entry?.evidenceIds ?? []) await removeEvidence(db, evidenceId, Boolean(await db.evidence.get(evidenceId)))
    await db.evidenceBlobs.where('draftKey').equals(`cpd:${id}`).delete()
    await db.drafts.delete(`cpd:${id}`)
  })
}

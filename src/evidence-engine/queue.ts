/**
 * The local evidence queue (Dexie `evidenceBlobs`): files are kept on the device the moment they
 * are attached, survive reloads, and wait there until a BlobStore takes them. The only module that
 * writes the table.
 */
import type { EvidenceBlobRow, HubDb } from '@/db/database'
import type { EvidenceContentType } from '@/domain/entities'
import { newId } from '@/domain/ids'

/** A file ready to keep: checked, compressed where sensible, hashed. */
export interface PreparedEvidence {
  name: string
  contentType: EvidenceContentType
  size: number
  sha256: string
  bytes: Uint8Array
}

/**
 * Where a kept file belongs: an unsaved draft (held back), a saved CPD entry, or a registration's
 * competence (both queued for upload).
 */
export type EvidenceOwner = { draftKey: string } | { cpdId: string } | { registrationId: string; competenceId: string }

/** Keeps a file on this device; returns its new evidence id. */
export async function keepEvidence(db: HubDb, file: PreparedEvidence, owner: EvidenceOwner, now = Date.now()): Promise<string> {
  const id = newId()
  const draft = 'draftKey' in owner
  await db.evidenceBlobs.add({
    id,
    ...file,
    cpdId: 'cpdId' in owner ? owner.cpdId : null,
    ...('registrationId' in owner ? { registrationId: owner.registrationId, competenceId: owner.competenceId } : {}),
    draftKey: draft ? owner.draftKey : null,
    state: draft ? 'draft' : 'pending',
    attempts: 0,
    createdAt: now,
    nextAttemptAt: 0,
  })
  return id
}

/**
 * Files held for a draft become queued for upload, belonging to the saved entry. Call inside the
 * transaction that saves the entry, so both happen or neither.
 */
export async function commitDraftEvidence(db: HubDb, draftKey: string, cpdId: string, keepIds: readonly string[]): Promise<void> {
  const held = await db.evidenceBlobs.where('draftKey').equals(draftKey).toArray()
  for (const row of held) {
    if (keepIds.includes(row.id)) await db.evidenceBlobs.update(row.id, { state: 'pending', cpdId, draftKey: null, nextAttemptAt: 0 })
    else await db.evidenceBlobs.delete(row.id)
  }
}

/** Drops the files held for a discarded draft (never uploaded, so nothing else to do). */
export async function discardDraftEvidence(db: HubDb, draftKey: string): Promise<void> {
  await db.evidenceBlobs.where('draftKey').equals(draftKey).delete()
}

/**
 * Removes a file from an entry: one never uploaded is simply dropped; one the server may hold is
 * queued for removal there. `onServer`: the synced description exists.
 */
export async function removeEvidence(db: HubDb, id: string, onServer: boolean, now = Date.now()): Promise<void> {
  const row = await db.evidenceBlobs.get(id)
  const uploaded = onServer || row?.state === 'uploaded' || row?.state === 'uploading' || row?.state === 'deleting'
  if (!uploaded) {
    await db.evidenceBlobs.delete(id)
    return
  }
  const base: EvidenceBlobRow = row ?? {
    id,
    cpdId: null,
    draftKey: null,
    name: 'evidence',
    contentType: 'application/pdf',
    size: 1,
    sha256: '',
    bytes: null,
    state: 'deleting',
    attempts: 0,
    createdAt: now,
    nextAttemptAt: 0,
  }
  await db.evidenceBlobs.put({ ...base, bytes: null, state: 'deleting', attempts: 0, nextAttemptAt: 0, lastError: undefined })
}

/** Asks for a failed upload to be tried again at the next pass. */
export async function retryEvidence(db: HubDb, id: string): Promise<void> {
  await db.evidenceBlobs
    .where('id')
    .equals(id)
    .and((r) => r.state === 'failed')
    .modify({ state: 'pending', nextAttemptAt: 0 })
}

/** An upload cut short by a reload or a crash starts again (the server takes a repeat safely). */
export async function resumeInterrupted(db: HubDb): Promise<number> {
  return db.evidenceBlobs.where('state').equals('uploading').modify({ state: 'pending' })
}

/** Rows due for work at `now`: uploads waiting or to retry, and removals, oldest first. */
export async function dueWork(db: HubDb, now: number): Promise<EvidenceBlobRow[]> {
  const rows = await db.evidenceBlobs.where('state').anyOf('pending', 'failed', 'deleting').toArray()
  return rows.filter((r) => r.nextAttemptAt <= now).sort((a, b) => a.createdAt - b.createdAt)
}

/** When the next retry falls due (null: nothing waits). */
export async function nextDue(db: HubDb): Promise<number | null> {
  const rows = await db.evidenceBlobs.where('state').anyOf('pending', 'failed', 'deleting').toArray()
  return rows.length === 0 ? null : Math.min(...rows.map((r) => r.nextAttemptAt))
}

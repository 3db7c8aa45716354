/**
 * CPD evidence files behind the app's BlobStore port, stored in Firestore for the emulators and
 * tests (the Cloud Storage emulator cannot run on this machine kind):
 *
 * - `users/{uid}/evidence/{id}/chunks/{n}`: the bytes, ≤ 512 KB a chunk, as Firestore bytes.
 * - `users/{uid}/evidence/{id}`: the file's description (a synced `evidence` document the app
 *   pulls), written only when every chunk is stored and the SHA-256 of the whole matches.
 *
 * Every path is built from the caller's own uid, so a member can only ever write, read or remove
 * their own files; security rules let only the owner read them directly too. Uploading the same
 * file again once it is complete writes nothing ("uploaded once").
 *
 * - `users/{uid}/uploads/{id}`: an upload begun and not finished (`startedAt`, server time). It
 *   counts against the member's {@link MAX_FILES_PER_MEMBER} like a finished file, so starting
 *   uploads and never finishing them cannot fill the database; the daily purge removes one (and
 *   its chunks) a day after it began ({@link purgeStaleUploads}).
 */
import { createHash } from 'node:crypto'
import * as v from 'valibot'
import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { EvidenceSchema } from '@/domain/entities'
import { problem } from '@/domain/problems'
import { typedError } from '../errors'
import { fromStored } from '../push/apply'
import { firstIssue } from '../push/validate'
import { checkChunk, DeleteEvidenceSchema, ReadChunkSchema } from './chunk'

/** Most evidence files one member may keep, finished or being uploaded (a CPD entry holds up to 20). */
export const MAX_FILES_PER_MEMBER = 500
/** An upload not finished within this is abandoned: its chunks are purged. */
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000

export type UploadOutcome =
  | { status: 'stored'; index: number }
  | { status: 'complete'; evidenceId: string; version: number }
  /** The last chunk arrived but others are missing: send them, then the last one again. */
  | { status: 'incomplete'; missing: number[] }

export interface ChunkData {
  evidenceId: string
  index: number
  chunkCount: number
  name: string
  contentType: string
  size: number
  sha256: string
  /** The chunk's bytes, base64. */
  data: string
}

const evidencePath = (uid: string, id: string) => `users/${uid}/evidence/${id}`
const chunkPath = (uid: string, id: string, index: number) => `${evidencePath(uid, id)}/chunks/${index}`
const uploadPath = (uid: string, id: string) => `users/${uid}/uploads/${id}`
const quotaMessage = problem('evidenceQuota', { max: MAX_FILES_PER_MEMBER })

/** Finished files plus uploads begun and not finished: what the quota counts. */
async function filesHeld(db: Firestore, uid: string): Promise<number> {
  const [live, pending] = await Promise.all([
    db.collection(`users/${uid}/evidence`).where('deleted', '==', false).count().get(),
    db.collection(`users/${uid}/uploads`).count().get(),
  ])
  return live.data().count + pending.data().count
}

/** Stores one chunk; on the last one, checks the whole file and publishes its description. */
export async function uploadEvidenceChunkCore(db: Firestore, caller: Caller, data: unknown, now = Date.now): Promise<UploadOutcome> {
  const checked = checkChunk(data)
  if (!checked.ok) throw typedError(checked.code, checked.message, checked.field ? { field: checked.field } : {})
  const { input, bytes, count } = checked
  const metaRef = db.doc(evidencePath(caller.uid, input.evidenceId))
  const existing = await metaRef.get()
  const done = completed(existing, input.sha256)
  if (done) return done

  // A new upload takes a place in the quota before its first byte is stored.
  const pendingRef = db.doc(uploadPath(caller.uid, input.evidenceId))
  if (!(await pendingRef.get()).exists) {
    if ((await filesHeld(db, caller.uid)) >= MAX_FILES_PER_MEMBER) throw typedError('too-large', quotaMessage)
    await pendingRef.set({ startedAt: FieldValue.serverTimestamp(), size: input.size })
  }
  await db.doc(chunkPath(caller.uid, input.evidenceId, input.index)).set({ index: input.index, sha256: input.sha256, data: bytes })
  if (input.index < count - 1) return { status: 'stored', index: input.index }

  // The last chunk: every chunk must be here, of this file, adding up to its checksum.
  const snaps = await db.getAll(...Array.from({ length: count }, (_, i) => db.doc(chunkPath(caller.uid, input.evidenceId, i))))
  const missing = snaps.flatMap((s, i) => (s.exists && s.get('sha256') === input.sha256 ? [] : [i]))
  if (missing.length > 0) return { status: 'incomplete', missing }
  const hash = createHash('sha256')
  let total = 0
  for (const s of snaps) {
    const chunk = s.get('data') as Buffer
    hash.update(chunk)
    total += chunk.length
  }
  if (total !== input.size || hash.digest('hex') !== input.sha256) {
    await Promise.all(snaps.map((s) => s.ref.delete()))
    throw typedError('invalid', problem('evidenceDamaged'), {
      field: 'sha256',
    })
  }

  // This upload's own place (its pending marker) is among those counted.
  if ((await filesHeld(db, caller.uid)) > MAX_FILES_PER_MEMBER) throw typedError('too-large', quotaMessage)

  return db.runTransaction(async (tx) => {
    const current = await tx.get(metaRef)
    const again = completed(current, input.sha256)
    if (again) return again
    const version = ((current.exists ? current.get('version') : 0) as number) + 1
    const doc = {
      id: input.evidenceId,
      name: input.name,
      contentType: input.contentType,
      size: input.size,
      sha256: input.sha256,
      chunkCount: count,
      uploadedAt: now(),
      ...(input.cpdId ? { cpdId: input.cpdId } : {}),
      ...(input.registrationId ? { registrationId: input.registrationId } : {}),
      ...(input.competenceId ? { competenceId: input.competenceId } : {}),
      version,
      deleted: false,
      lastMutationId: null,
      _clock: {},
    }
    // The same schema the app validates a pulled document with.
    const valid = v.safeParse(EvidenceSchema, { ...doc, updatedAt: 0 })
    if (!valid.success) {
      const issue = firstIssue(valid.issues)
      throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
    }
    tx.set(metaRef, { ...doc, updatedAt: FieldValue.serverTimestamp() })
    tx.delete(db.doc(uploadPath(caller.uid, input.evidenceId)))
    return { status: 'complete' as const, evidenceId: input.evidenceId, version }
  })
}

/** One chunk of the caller's own file, with the file's description. */
export async function readEvidenceChunkCore(db: Firestore, caller: Caller, data: unknown): Promise<ChunkData> {
  const parsed = v.safeParse(ReadChunkSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  const { evidenceId, index } = parsed.output
  const meta = await db.doc(evidencePath(caller.uid, evidenceId)).get()
  if (!meta.exists || meta.get('deleted') === true) throw typedError('not-found', 'This file is not stored on the server')
  const file = v.safeParse(EvidenceSchema, fromStored(meta.data()!))
  if (!file.success) throw typedError('not-found', 'This file cannot be read')
  const { chunkCount, name, contentType, size, sha256 } = file.output
  if (index >= chunkCount) throw typedError('invalid', `This file has ${chunkCount} chunks`, { field: 'index' })
  const chunk = await db.doc(chunkPath(caller.uid, evidenceId, index)).get()
  if (!chunk.exists) throw typedError('not-found', 'Part of this file is missing on the server')
  return { evidenceId, index, chunkCount, name, contentType, size, sha256, data: (chunk.get('data') as Buffer).toString('base64') }
}

/** Removes the caller's file: its chunks, and its description becomes a tombstone. */
export async function deleteEvidenceCore(db: Firestore, caller: Caller, data: unknown): Promise<{ status: 'deleted' }> {
  const parsed = v.safeParse(DeleteEvidenceSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  const { evidenceId } = parsed.output
  const metaRef = db.doc(evidencePath(caller.uid, evidenceId))
  const chunks = await db.collection(`${evidencePath(caller.uid, evidenceId)}/chunks`).listDocuments()
  const batch = db.batch()
  for (const ref of chunks) batch.delete(ref)
  batch.delete(db.doc(uploadPath(caller.uid, evidenceId)))
  await batch.commit()
  await db.runTransaction(async (tx) => {
    const current = await tx.get(metaRef)
    if (!current.exists || current.get('deleted') === true) return
    const version = (current.get('version') as number) + 1
    tx.set(metaRef, {
      id: evidenceId,
      deleted: true,
      version,
      lastMutationId: null,
      _deletedAt: Date.now(),
      updatedAt: FieldValue.serverTimestamp(),
    })
  })
  return { status: 'deleted' }
}

/** The outcome for a file already complete on the server; throws when the id is taken or removed. */
function completed(snap: DocumentSnapshot, sha256: string): UploadOutcome | null {
  if (!snap.exists) return null
  if (snap.get('deleted') === true) throw typedError('not-found', 'This file was removed; attach it again to keep it')
  if (snap.get('sha256') !== sha256) throw typedError('invalid', 'Another file is already stored under this id', { field: 'evidenceId' })
  return { status: 'complete', evidenceId: snap.id, version: snap.get('version') as number }
}

/**
 * Removes uploads begun more than {@link STALE_UPLOAD_MS} before `now` and never finished: their
 * chunks and their place in the quota. A file that did finish keeps its chunks. Run daily.
 */
export async function purgeStaleUploads(db: Firestore, now = Date.now()): Promise<number> {
  let purged = 0
  for (;;) {
    const stale = await db
      .collectionGroup('uploads')
      .where('startedAt', '<', Timestamp.fromMillis(now - STALE_UPLOAD_MS))
      .limit(100)
      .get()
    await Promise.all(
      stale.docs.map(async (marker) => {
        const evidenceRef = marker.ref.parent.parent!.collection('evidence').doc(marker.id)
        const finished = (await evidenceRef.get()).exists
        // At most 10 chunks a file (5 MB in 512 KB chunks): one batch with the marker.
        const chunks = finished ? [] : await evidenceRef.collection('chunks').listDocuments()
        const batch = db.batch()
        for (const ref of chunks) batch.delete(ref)
        batch.delete(marker.ref)
        await batch.commit()
      }),
    )
    purged += stale.size
    if (stale.size < 100) return purged
  }
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { BlobStoreError, type BlobStore, type EvidenceFile } from './ports'
import {
  commitDraftEvidence,
  discardDraftEvidence,
  keepEvidence,
  nextDue,
  removeEvidence,
  retryEvidence,
  type PreparedEvidence,
} from './queue'
import { createEvidenceUploader } from './uploader'

let db: HubDb
let n = 0
let clock = 1_000_000

beforeEach(async () => {
  db = createDb(`blob-test-${n++}`)
  await db.open()
  clock = 1_000_000
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const photo = (name = 'bench.jpg'): PreparedEvidence => ({
  name,
  contentType: 'image/jpeg',
  size: 3,
  sha256: 'a'.repeat(64),
  bytes: new Uint8Array([0xff, 0xd8, 0xff]),
})

/** An in-memory server; `failures` are thrown by the next uploads, in order. */
function memoryStore(failures: Error[] = []) {
  const files = new Map<string, EvidenceFile>()
  const calls = { upload: 0, remove: 0 }
  const store: BlobStore = {
    async upload(file, onProgress) {
      calls.upload++
      const failure = failures.shift()
      if (failure) throw failure
      files.set(file.id, file)
      onProgress?.(file.size, file.size)
    },
    async download(id) {
      const f = files.get(id)
      if (!f) throw new BlobStoreError('not stored', 'not-found')
      return { name: f.name, contentType: f.contentType, bytes: f.bytes }
    },
    async remove(id) {
      calls.remove++
      files.delete(id)
    },
  }
  return { store, files, calls }
}

const uploader = (store: BlobStore) => createEvidenceUploader({ db, store, now: () => clock, random: () => 1 })

describe('the evidence queue', () => {
  it('holds files of a draft back, then queues exactly the kept ones when the entry is saved', async () => {
    const a = await keepEvidence(db, photo('a.jpg'), { draftKey: 'cpd:new' })
    const b = await keepEvidence(db, photo('b.jpg'), { draftKey: 'cpd:new' })
    const server = memoryStore()
    expect((await uploader(server.store).runOnce()).uploaded).toBe(0)

    await commitDraftEvidence(db, 'cpd:new', 'cpd-1', [a])
    expect(await db.evidenceBlobs.get(b)).toBeUndefined()
    expect(await db.evidenceBlobs.get(a)).toMatchObject({ state: 'pending', cpdId: 'cpd-1', draftKey: null })
  })

  it('forgets the files of a discarded draft', async () => {
    await keepEvidence(db, photo(), { draftKey: 'cpd:new' })
    await keepEvidence(db, photo(), { cpdId: 'other' })
    await discardDraftEvidence(db, 'cpd:new')
    expect(await db.evidenceBlobs.count()).toBe(1)
  })
})

describe('the evidence uploader', () => {
  it('uploads a queued file once and keeps it on the device as uploaded', async () => {
    const id = await keepEvidence(db, photo(), { cpdId: 'cpd-1' })
    const server = memoryStore()
    const up = uploader(server.store)
    expect(await up.runOnce()).toEqual({ uploaded: 1, removed: 0, failed: 0, refused: 0, offline: false })
    expect(await up.runOnce()).toEqual({ uploaded: 0, removed: 0, failed: 0, refused: 0, offline: false })
    expect(server.calls.upload).toBe(1)
    expect(server.files.get(id)?.cpdId).toBe('cpd-1')
    expect(await db.evidenceBlobs.get(id)).toMatchObject({ state: 'uploaded', uploadedAt: clock, attempts: 1 })
  })

  it('keeps a failed upload visible with its reason and retries it after the backoff', async () => {
    const id = await keepEvidence(db, photo(), { cpdId: 'cpd-1' })
    const server = memoryStore([new BlobStoreError('The server is busy', 'server')])
    const up = uploader(server.store)
    expect((await up.runOnce()).failed).toBe(1)
    const failed = await db.evidenceBlobs.get(id)
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: 'The server is busy' })
    expect(await nextDue(db)).toBe(clock + 1000)

    // Not due yet: nothing is sent.
    expect((await up.runOnce()).uploaded).toBe(0)
    clock += 1000
    expect((await up.runOnce()).uploaded).toBe(1)
    expect(await db.evidenceBlobs.get(id)).toMatchObject({ state: 'uploaded', attempts: 2 })
    expect((await db.evidenceBlobs.get(id))?.lastError).toBeUndefined()
  })

  it('lets the user retry a failed upload at once', async () => {
    const id = await keepEvidence(db, photo(), { cpdId: 'cpd-1' })
    const server = memoryStore([new Error('boom')])
    const up = uploader(server.store)
    await up.runOnce()
    await retryEvidence(db, id)
    expect((await up.runOnce()).uploaded).toBe(1)
  })

  it('stops the pass when offline, without counting an attempt', async () => {
    await keepEvidence(db, photo('a.jpg'), { cpdId: 'cpd-1' })
    await keepEvidence(db, photo('b.jpg'), { cpdId: 'cpd-1' })
    const server = memoryStore([new BlobStoreError('Offline', 'offline')])
    const summary = await uploader(server.store).runOnce()
    expect(summary).toMatchObject({ offline: true, uploaded: 0, failed: 0 })
    expect(server.calls.upload).toBe(1)
    const rows = await db.evidenceBlobs.toArray()
    expect(rows.every((r) => r.state === 'pending' && r.attempts === 0)).toBe(true)
  })

  it('marks a file the server refuses for good, keeping the reason', async () => {
    const id = await keepEvidence(db, photo(), { cpdId: 'cpd-1' })
    const server = memoryStore([new BlobStoreError('Files can be at most 5 MB', 'refused')])
    const up = uploader(server.store)
    expect((await up.runOnce()).refused).toBe(1)
    expect(await db.evidenceBlobs.get(id)).toMatchObject({ state: 'refused', lastError: 'Files can be at most 5 MB' })
    expect(await nextDue(db)).toBeNull()
  })

  it('resumes an upload cut short by a reload', async () => {
    const id = await keepEvidence(db, photo(), { cpdId: 'cpd-1' })
    await db.evidenceBlobs.update(id, { state: 'uploading' })
    const server = memoryStore()
    expect((await uploader(server.store).runOnce()).uploaded).toBe(1)
  })

  it('removes an uploaded file from the server, and drops one that never left the device', async () => {
    const sent = await keepEvidence(db, photo('sent.jpg'), { cpdId: 'cpd-1' })
    const server = memoryStore()
    const up = uploader(server.store)
    await up.runOnce()
    const local = await keepEvidence(db, photo('local.jpg'), { cpdId: 'cpd-1' })
    await removeEvidence(db, local, false)
    await removeEvidence(db, sent, false)
    expect(await db.evidenceBlobs.get(local)).toBeUndefined()
    expect(await db.evidenceBlobs.get(sent)).toMatchObject({ state: 'deleting', bytes: null })
    expect((await up.runOnce()).removed).toBe(1)
    expect(server.files.has(sent)).toBe(false)
    expect(await db.evidenceBlobs.count()).toBe(0)
  })

  it('queues removal of a file known only from the server (uploaded from another device)', async () => {
    await removeEvidence(db, 'from-elsewhere', true)
    const server = memoryStore()
    expect((await uploader(server.store).runOnce()).removed).toBe(1)
    expect(server.calls.remove).toBe(1)
  })

  it('queues a file attached to a registration competence at once and uploads it with that owner', async () => {
    const { store, files } = memoryStore()
    const id = await keepEvidence(db, photo('statement-proof.jpg'), { registrationId: 'reg-1', competenceId: 'A' })
    expect(await db.evidenceBlobs.get(id)).toMatchObject({ state: 'pending', cpdId: null, registrationId: 'reg-1', competenceId: 'A' })
    expect((await uploader(store).runOnce()).uploaded).toBe(1)
    expect(files.get(id)).toMatchObject({ cpdId: null, registrationId: 'reg-1', competenceId: 'A' })
  })
})

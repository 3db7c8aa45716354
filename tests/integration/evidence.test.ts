/**
 * CPD evidence on the real emulators: the evidence callables store a file in chunks under the
 * owner's tree and publish its description only when the whole file checks out; a repeat upload
 * writes nothing; only the owner reads it back; bad files store nothing; removal deletes the
 * chunks. Then the app's own Firestore BlobStore adapter and upload queue against the emulators
 * (a failed upload is retried), and the leads' cpdStats callable (suppressed counts only).
 */
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '@/db/database'
import { EVIDENCE_CHUNK_BYTES } from '@/domain/entities'
import { BlobStoreError, type BlobStore } from '@/evidence-engine/ports'
import { keepEvidence } from '@/evidence-engine/queue'
import { createEvidenceUploader } from '@/evidence-engine/uploader'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { AUTH_HOST, FIRESTORE_HOST, FUNCTIONS_ORIGIN, hostPort, PROJECT_ID, RUN } from './helpers/env'
import { diff, fingerprint } from './helpers/fingerprint'
import { createMember, meta, seedInstitution, seedMember } from './helpers/seed'
import { createUser, emailAt, type TestUser } from './helpers/users'
import { wordsIn } from '../support/errors'

// Refusals are problems (codes); assertions read them in the English a person sees.
const en = await wordsIn('en')

const INST = `evidence-${RUN}`
const DOMAIN = `evidence${RUN}.example.ac.uk`
let admin: Admin
let owner: TestUser
let colleague: TestUser
let lead: TestUser
let seq = 0

/** A PNG-looking file of `size` bytes (the signature, then random bytes). */
function png(size: number): Buffer {
  const bytes = randomBytes(size)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes)
  return bytes
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const evidenceId = () => `ev-${RUN}-${seq++}`

function chunk(id: string, file: Buffer, index: number, extra: Record<string, unknown> = {}) {
  const start = index * EVIDENCE_CHUNK_BYTES
  return {
    evidenceId: id,
    index,
    name: 'bench.png',
    contentType: 'image/png',
    size: file.length,
    sha256: sha(file),
    cpdId: 'cpd-1',
    data: file.subarray(start, Math.min(file.length, start + EVIDENCE_CHUNK_BYTES)).toString('base64'),
    ...extra,
  }
}
const upload = (user: TestUser, data: unknown) =>
  call<{ status: string; missing?: number[]; version?: number }>('evidenceUpload', data, user.idToken)
const read = (user: TestUser, id: string, index: number) =>
  call<{ data: string; chunkCount: number; sha256: string; name: string }>('evidenceRead', { evidenceId: id, index }, user.idToken)

async function uploadAll(user: TestUser, id: string, file: Buffer): Promise<string[]> {
  const count = Math.ceil(file.length / EVIDENCE_CHUNK_BYTES)
  const statuses: string[] = []
  for (let i = 0; i < count; i++)
    statuses.push((await callOk<{ status: string }>('evidenceUpload', chunk(id, file, i), user.idToken)).status)
  return statuses
}

async function readAll(user: TestUser, id: string): Promise<Buffer> {
  const first = await callOk<{ data: string; chunkCount: number }>('evidenceRead', { evidenceId: id, index: 0 }, user.idToken)
  const parts = [Buffer.from(first.data, 'base64')]
  for (let i = 1; i < first.chunkCount; i++)
    parts.push(Buffer.from((await callOk<{ data: string }>('evidenceRead', { evidenceId: id, index: i }, user.idToken)).data, 'base64'))
  return Buffer.concat(parts)
}

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN], faculties: [{ id: 'f-sci', name: 'Science', departments: [] }] })
  const mk = (name: string, role: 'technician' | 'lead') => createMember(admin, INST, emailAt(DOMAIN, name), role, { facultyId: 'f-sci' })
  owner = await mk('owner', 'technician')
  colleague = await mk('colleague', 'technician')
  lead = await mk('lead', 'lead')
})

afterAll(async () => {
  await admin?.close()
})

describe('evidence callables', () => {
  it('store a photo in chunks, publish it once complete, and give the owner the same bytes back', async () => {
    const id = evidenceId()
    const file = png(2 * EVIDENCE_CHUNK_BYTES + 1234)
    expect(await uploadAll(owner, id, file)).toEqual(['stored', 'stored', 'complete'])
    const doc = await admin.db.doc(`users/${owner.uid}/evidence/${id}`).get()
    expect(doc.data()).toMatchObject({
      id,
      name: 'bench.png',
      contentType: 'image/png',
      size: file.length,
      sha256: sha(file),
      chunkCount: 3,
      cpdId: 'cpd-1',
      version: 1,
      deleted: false,
    })
    const chunks = await admin.db.collection(`users/${owner.uid}/evidence/${id}/chunks`).get()
    expect(chunks.size).toBe(3)
    expect((await readAll(owner, id)).equals(file)).toBe(true)
  })

  it('write nothing when a complete file is sent again (uploaded once)', async () => {
    const id = evidenceId()
    const file = png(5000)
    await uploadAll(owner, id, file)
    const before = await fingerprint()
    const again = await upload(owner, chunk(id, file, 0))
    expect(again.ok && again.data).toMatchObject({ status: 'complete', version: 1 })
    expect(diff(before, await fingerprint())).toEqual([])
  })

  it('let no one but the owner read a file back: a colleague or a lead asking for it finds nothing', async () => {
    const id = evidenceId()
    await uploadAll(owner, id, png(3000))
    for (const other of [colleague, lead]) {
      const out = await read(other, id, 0)
      expect(out.ok).toBe(false)
      if (!out.ok) expect(out.error.details?.code).toBe('not-found')
    }
    const anonymous = await call('evidenceRead', { evidenceId: id, index: 0 }, null)
    expect(anonymous.ok).toBe(false)
  })

  it('refuse oversized files, wrong types and damaged files with clear reasons, storing nothing', async () => {
    const before = await fingerprint()
    const id = evidenceId()
    const big = await upload(owner, { ...chunk(id, png(100), 0), size: 5 * 1024 * 1024 + 1 })
    expect(!big.ok && big.error).toMatchObject({ details: { code: 'too-large', field: 'size' } })
    expect(!big.ok && en(big.error.details?.problem as string)).toBe('Files can be at most 5 MB')
    const text = Buffer.from('%!PS-Adobe not a photo at all')
    const wrong = await upload(owner, chunk(id, text, 0))
    expect(!wrong.ok && wrong.error.details).toMatchObject({ code: 'invalid', field: 'contentType' })
    const zip = await upload(owner, { ...chunk(id, png(100), 0), contentType: 'application/zip' })
    expect(!zip.ok && zip.error.details?.field).toBe('contentType')
    expect(diff(before, await fingerprint())).toEqual([])

    const damaged = png(4000)
    const lying = await upload(owner, { ...chunk(id, damaged, 0), sha256: 'b'.repeat(64) })
    expect(!lying.ok && en(lying.error.details?.problem as string)).toMatch(/arrived damaged/)
    expect((await admin.db.doc(`users/${owner.uid}/evidence/${id}`).get()).exists).toBe(false)
    expect((await admin.db.collection(`users/${owner.uid}/evidence/${id}/chunks`).get()).size).toBe(0)
  })

  it('refuse a deleted account’s still-valid token (writing nothing) and a disabled account’s read', async () => {
    const gone = await createMember(admin, INST, emailAt(DOMAIN, 'gone'))
    await admin.auth.deleteUser(gone.uid)
    const before = await fingerprint()
    const out = await upload(gone, chunk(evidenceId(), png(3000), 0))
    expect(!out.ok && out.error).toMatchObject({
      status: 'UNAUTHENTICATED',
      details: { code: 'unauthenticated', reason: 'account-deleted' },
    })
    expect(diff(before, await fingerprint())).toEqual([])

    const id = evidenceId()
    const paused = await createUser(admin.auth, { email: emailAt(DOMAIN, 'paused'), claims: { institutionId: INST, role: 'technician' } })
    await uploadAll(paused, id, png(3000))
    await admin.auth.updateUser(paused.uid, { disabled: true })
    const refused = await read(paused, id, 0)
    expect(!refused.ok && refused.error.details).toMatchObject({ code: 'unauthenticated', reason: 'account-disabled' })
  })

  it('report a last chunk that arrives before the others as incomplete, then complete it', async () => {
    const id = evidenceId()
    const file = png(EVIDENCE_CHUNK_BYTES + 10)
    expect(await callOk('evidenceUpload', chunk(id, file, 1), owner.idToken)).toEqual({ status: 'incomplete', missing: [0] })
    expect((await callOk<{ status: string }>('evidenceUpload', chunk(id, file, 0), owner.idToken)).status).toBe('stored')
    expect((await callOk<{ status: string }>('evidenceUpload', chunk(id, file, 1), owner.idToken)).status).toBe('complete')
  })

  it('remove a file: chunks deleted, its description a tombstone the app pulls', async () => {
    const id = evidenceId()
    await uploadAll(owner, id, png(EVIDENCE_CHUNK_BYTES + 5))
    await callOk('evidenceDelete', { evidenceId: id }, owner.idToken)
    expect((await admin.db.collection(`users/${owner.uid}/evidence/${id}/chunks`).get()).size).toBe(0)
    expect((await admin.db.doc(`users/${owner.uid}/evidence/${id}`).get()).data()).toMatchObject({ deleted: true, version: 2 })
    const gone = await read(owner, id, 0)
    expect(!gone.ok && gone.error.details?.code).toBe('not-found')
    // Removing again, or a colleague "removing" it (their own tree), changes nothing.
    const before = await fingerprint()
    await callOk('evidenceDelete', { evidenceId: id }, owner.idToken)
    await callOk('evidenceDelete', { evidenceId: id }, colleague.idToken)
    expect(diff(before, await fingerprint())).toEqual([])
  })
})

describe('the app’s BlobStore adapter and upload queue against the emulators', () => {
  let store: BlobStore

  beforeAll(async () => {
    const fs = hostPort(FIRESTORE_HOST)
    const auth = hostPort(AUTH_HOST)
    const fn = new URL(FUNCTIONS_ORIGIN)
    Object.assign(process.env, {
      VITE_USE_EMULATORS: '1',
      VITE_FIREBASE_PROJECT_ID: PROJECT_ID,
      VITE_EMULATOR_HOST: fs.host,
      VITE_FIRESTORE_EMULATOR_PORT: String(fs.port),
      VITE_AUTH_EMULATOR_PORT: String(auth.port),
      VITE_FUNCTIONS_EMULATOR_PORT: fn.port,
    })
    const { firebase } = await import('@/platform/firebase/app')
    const { signInWithEmailAndPassword } = await import('firebase/auth')
    const { createFirestoreBlobStore } = await import('@/platform/firebase/blob-store')
    await signInWithEmailAndPassword(firebase(`evidence-${RUN}`).auth, owner.email, owner.password)
    store = createFirestoreBlobStore(`evidence-${RUN}`)
  })

  it('uploads a file and downloads the same bytes', async () => {
    const bytes = new Uint8Array(png(EVIDENCE_CHUNK_BYTES * 2 + 77))
    const id = evidenceId()
    const progress: number[] = []
    await store.upload(
      { id, name: 'bench.png', contentType: 'image/png', size: bytes.length, sha256: sha(Buffer.from(bytes)), cpdId: null, bytes },
      (sent) => progress.push(sent),
    )
    expect(progress.at(-1)).toBe(bytes.length)
    const back = await store.download(id)
    expect(back).toMatchObject({ name: 'bench.png', contentType: 'image/png' })
    expect(Buffer.from(back.bytes).equals(Buffer.from(bytes))).toBe(true)
    await store.remove(id)
    await expect(store.download(id)).rejects.toMatchObject({ kind: 'not-found' })
  })

  it('surfaces a refused file as refused, with the server’s reason', async () => {
    const bytes = new TextEncoder().encode('not a photo')
    const file = {
      id: evidenceId(),
      name: 'x.png',
      contentType: 'image/png' as const,
      size: bytes.length,
      sha256: sha(Buffer.from(bytes)),
      cpdId: null,
      bytes,
    }
    const refused = await store.upload(file).then(
      () => null,
      (e: Error & { kind?: string }) => e,
    )
    expect(refused?.kind).toBe('refused')
    expect(en(refused?.message)).toMatch(/do not match its type/)
  })

  it('retries a failed upload from the queue, and the server holds it once', async () => {
    const db = createDb(`evidence-queue-${RUN}`)
    await db.open()
    let clock = 1_000_000
    let failNext = true
    const flaky: BlobStore = {
      upload: async (file, onProgress) => {
        if (failNext) {
          failNext = false
          throw new BlobStoreError('The server is busy', 'server')
        }
        await store.upload(file, onProgress)
      },
      download: (id) => store.download(id),
      remove: (id) => store.remove(id),
    }
    const uploader = createEvidenceUploader({ db, store: flaky, now: () => clock, random: () => 1 })
    const bytes = new Uint8Array(png(2048))
    const id = await keepEvidence(
      db,
      { name: 'gel.png', contentType: 'image/png', size: bytes.length, sha256: sha(Buffer.from(bytes)), bytes },
      { cpdId: 'cpd-9' },
    )
    expect((await uploader.runOnce()).failed).toBe(1)
    expect(await db.evidenceBlobs.get(id)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'The server is busy' })
    clock += 60_000
    expect((await uploader.runOnce()).uploaded).toBe(1)
    expect(await db.evidenceBlobs.get(id)).toMatchObject({ state: 'uploaded', attempts: 2 })
    // A second pass (or a reload) sends nothing more.
    const before = await fingerprint()
    expect((await uploader.runOnce()).uploaded).toBe(0)
    expect(diff(before, await fingerprint())).toEqual([])
    expect((await admin.db.doc(`users/${owner.uid}/evidence/${id}`).get()).data()).toMatchObject({
      version: 1,
      cpdId: 'cpd-9',
      name: 'gel.png',
    })
    db.close()
    await db.delete()
  })
})

describe('cpdStats for leads', () => {
  const STATS_INST = `cpdstats-${RUN}`
  let statsLead: TestUser
  let statsTech: TestUser

  beforeAll(async () => {
    await seedInstitution(admin.db, {
      id: STATS_INST,
      faculties: [
        { id: 'f-sci', name: 'Science', departments: [] },
        { id: 'f-eng', name: 'Engineering', departments: [] },
      ],
    })
    const today = new Date().toISOString().slice(0, 10)
    // Science: 11 members, 6 with CPD. Engineering: 10 members, 5 with CPD.
    // Registered: 6 EngTech (Science), 5 RSciTech (Engineering).
    for (let i = 0; i < 21; i++) {
      const uid = `cpdstats-${RUN}-m${i}`
      await seedMember(admin.db, STATS_INST, uid, { facultyId: i < 11 ? 'f-sci' : 'f-eng' })
      if (i < 6 || (i >= 11 && i < 16))
        await admin.db
          .doc(`users/${uid}/cpd/c1`)
          .set({ ...meta('c1'), title: `Secret training ${i}`, startDate: today, hours: 2, type: 'formal', skillIds: [], evidenceIds: [] })
      const target = i < 6 ? 'EngTech' : i >= 11 && i < 16 ? 'RSciTech' : null
      if (target)
        await admin.db.doc(`users/${uid}/registrations/r1`).set({
          ...meta('r1'),
          target,
          steps: { outcome: 'done' },
          competences: { A: { statement: 'Private statement', cpdIds: [] } },
          feeSupportRequested: false,
        })
    }
    statsLead = await createUser(admin.auth, { email: emailAt(DOMAIN, 'statslead'), claims: { institutionId: STATS_INST, role: 'lead' } })
    statsTech = await createUser(admin.auth, {
      email: emailAt(DOMAIN, 'statstech'),
      claims: { institutionId: STATS_INST, role: 'technician' },
    })
  })

  it('gives a lead suppressed counts and nothing of anyone’s records', async () => {
    const stats = await callOk<
      Record<string, unknown> & {
        members: number
        registeredByLevel: { counts: Record<string, number | null> }
        cpdByFaculty: { rows: { label: string; counts: Record<string, number | null> }[] }
      }
    >('cpdStats', {}, statsLead.idToken)
    expect(stats.members).toBe(21)
    expect(stats.registeredByLevel.counts.EngTech).toBe(6)
    // Beside zeros that are withheld, the smallest level is withheld too, or the zeros would show.
    expect(stats.registeredByLevel.counts.RSciTech).toBeNull()
    const rows = Object.fromEntries(stats.cpdByFaculty.rows.map((r) => [r.label, r.counts]))
    expect(rows).toEqual({ Science: { logged: 6, notYet: 5 }, Engineering: { logged: 5, notYet: 5 } })
    const text = JSON.stringify(stats)
    expect(text).not.toMatch(/Secret training|Private statement|cpdstats-/)
  })

  it('refuses technicians', async () => {
    const out = await call('cpdStats', {}, statsTech.idToken)
    expect(!out.ok && out.error.details?.code).toBe('forbidden')
  })
})

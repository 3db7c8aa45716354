/**
 * Evidence attached directly to a professional registration's competence (no CPD entry): the real
 * evidenceUpload callable takes the registration and competence as the file's owner reference and
 * publishes them in the owner's own evidence description; a malformed reference stores nothing.
 */
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `evreg-${RUN}`
let admin: Admin
let owner: TestUser

function png(size: number): Buffer {
  const bytes = randomBytes(size)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes)
  return bytes
}
const upload = (file: Buffer, id: string, extra: Record<string, unknown>) => ({
  evidenceId: id,
  index: 0,
  name: 'competence-a.png',
  contentType: 'image/png',
  size: file.length,
  sha256: createHash('sha256').update(file).digest('hex'),
  data: file.toString('base64'),
  ...extra,
})

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST })
  owner = await createMember(admin, INST, emailAt('example.ac.uk', 'evreg'))
})

afterAll(async () => {
  await admin?.close()
})

describe('evidence for a registration competence', () => {
  it('is stored with its registration and competence, in the owner’s own tree', async () => {
    const id = `ev-reg-${RUN}`
    const result = await callOk<{ status: string }>(
      'evidenceUpload',
      upload(png(4096), id, { registrationId: 'reg-1', competenceId: 'A' }),
      owner.idToken,
    )
    expect(result.status).toBe('complete')
    const stored = (await admin.db.doc(`users/${owner.uid}/evidence/${id}`).get()).data()
    expect(stored).toMatchObject({ name: 'competence-a.png', registrationId: 'reg-1', competenceId: 'A', version: 1 })
    expect(stored?.cpdId).toBeUndefined()
  })

  it('refuses a malformed competence reference and stores nothing', async () => {
    const id = `ev-reg-bad-${RUN}`
    const refused = await call(
      'evidenceUpload',
      upload(png(2048), id, { registrationId: 'reg-1', competenceId: 'x'.repeat(41) }),
      owner.idToken,
    )
    expect(refused).toMatchObject({ ok: false })
    expect((await admin.db.doc(`users/${owner.uid}/evidence/${id}`).get()).exists).toBe(false)
  })
})

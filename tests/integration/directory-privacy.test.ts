/**
 * The directory's privacy on the real stack: what a member's device pulls (the app's Firebase
 * transport and sync engine, security rules on the emulator) and then searches offline never holds
 * hidden members, other institutions' members, or anyone's private fields (grade band, contract) —
 * and a colleague who hides disappears from every device's search at its next pull.
 */
import { setLogLevel } from 'firebase/firestore/lite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { createDirectoryIndex, search } from '@/search'
import { createDirectorySearch, type SearchAnswer } from '@/search/client'
import { SyncEngine } from '@/sync/engine'
import type { SyncTransport } from '@/sync/ports'
import { adminApp, type Admin } from './helpers/admin'
import { signInDevice, useEmulatorsInApp } from './helpers/device'
import { RUN } from './helpers/env'
import { mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const A = `dirA-${RUN}`
const B = `dirB-${RUN}`
const SKILL = {
  skillId: 'confocal-microscope',
  name: 'Confocal microscope',
  category: 'equipment',
  level: 'expert',
  canTeach: true,
  wantsToLearn: false,
}

let admin: Admin
let viewer: TestUser
let visible: TestUser
let hider: TestUser
let hidden: TestUser
let outsider: TestUser
let transport: SyncTransport
let viewerB: SyncTransport
let db: HubDb

/** A member with a searchable skill and private fields, written as joinInstitution + a profile edit would. */
async function member(inst: string, name: string, visibility: 'institution' | 'hidden'): Promise<TestUser> {
  const user = await createMember(admin, inst, emailAt('example.ac.uk', name.toLowerCase().replace(/\W+/g, '-')), 'technician', {
    displayName: name,
    visibility,
  })
  const result = await pushOne(
    user,
    mutation('profiles', user.uid, 'patch', {
      skills: [SKILL],
      gradeBand: 'Grade 6',
      contract: 'fixed-term',
      jobTitle: 'Imaging Technician',
    }),
  )
  expect(result.status, JSON.stringify(result)).toBe('applied')
  return user
}

async function pull(): Promise<void> {
  const engine = new SyncEngine({ db, transport, collections: () => ['institutions', 'members'] })
  await engine.pull()
}

beforeAll(async () => {
  useEmulatorsInApp()
  setLogLevel('silent') // the refused read of another institution is expected; keep it out of the report
  admin = adminApp()
  for (const inst of [A, B])
    await seedInstitution(admin.db, { id: inst, faculties: [{ id: 'fac-sci', name: 'Faculty of Science', departments: ['Biosciences'] }] })
  viewer = await createMember(admin, A, emailAt('example.ac.uk', 'viewer'), 'technician', { displayName: 'Viewer Vee' })
  visible = await member(A, 'Visible Val', 'institution')
  hider = await member(A, 'Later Hider', 'institution')
  hidden = await member(A, 'Hidden Hal', 'hidden')
  outsider = await member(B, 'Outside Olu', 'institution')

  const device = await signInDevice(viewer, `dir-viewer-${RUN}`, A)
  transport = device.transport
  // The same signed-in viewer pointed at another institution's directory (a tampered client).
  viewerB = device.platform.transport(() => ({ uid: viewer.uid, institutionId: B }))
  db = createDb(`directory-privacy-${RUN}`)
}, 120_000)

afterAll(async () => {
  vi.unstubAllEnvs()
  db?.close()
  await admin?.close()
})

describe('the directory on a member’s device', () => {
  it('holds only listed members of the member’s own institution, without private fields', async () => {
    await pull()
    const local = await db.members.toArray()
    const ids = local.map((m) => m.id)
    expect(ids).toEqual(expect.arrayContaining([viewer.uid, visible.uid, hider.uid]))
    expect(ids).not.toContain(hidden.uid)
    expect(ids).not.toContain(outsider.uid)
    for (const m of local) {
      expect(m).not.toHaveProperty('gradeBand')
      expect(m).not.toHaveProperty('contract')
    }
  })

  it('searches offline, and no search finds a hidden or outside member', async () => {
    const index = createDirectoryIndex(await db.members.toArray(), { institutionId: A })
    const found = search(index, 'confocal', {}, 100).hits.map((h) => h.id)
    expect(found.sort()).toEqual([visible.uid, hider.uid].sort())
    for (const q of ['hidden hal', 'hal', 'outside', 'olu', 'confocl', '']) {
      const ids = search(index, q, {}, 100).hits.map((h) => h.id)
      expect(ids).not.toContain(hidden.uid)
      expect(ids).not.toContain(outsider.uid)
    }
  })

  it('cannot read another institution’s directory at all', async () => {
    await expect(viewerB.pull('members', null, 50)).rejects.toThrow()
  })

  it('drops a colleague who hides at the next pull, from the table and the live search index', async () => {
    const answers: SearchAnswer[] = []
    const sizes: number[] = []
    const client = createDirectorySearch({
      institutionId: A,
      db,
      inline: true,
      onAnswer: (a) => answers.push(a),
      onIndexed: (i) => sizes.push(i.size),
    })
    await expect.poll(() => sizes.at(-1)).toBeGreaterThanOrEqual(3)
    const before = sizes.at(-1)!

    const result = await pushOne(hider, mutation('profiles', hider.uid, 'patch', { visibility: 'hidden' }))
    expect(result.status).toBe('applied')
    const stored = (await admin.db.doc(`institutions/${A}/members/${hider.uid}`).get()).data()!
    expect(Object.keys(stored).filter((k) => !['id', 'updatedAt', 'version', 'deleted', 'lastMutationId'].includes(k))).toEqual([])

    await pull()
    expect(await db.members.get(hider.uid)).toBeUndefined()
    await expect.poll(() => sizes.at(-1), { timeout: 5_000 }).toBe(before - 1)
    client.search(1, 'later hider', {}, 10)
    await expect.poll(() => answers.find((a) => a.seq === 1)).toBeDefined()
    expect(answers.find((a) => a.seq === 1)!.result.total).toBe(0)
    client.close()
  })
})

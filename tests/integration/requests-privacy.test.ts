/**
 * Skill-share requests are personal messages between a learner and a teacher. On the real stack
 * (the app's Firebase transport and sync engine, the rules on the emulator): only those two read
 * or pull a request — not colleagues, not leads — paging by (updatedAt, id) through exactly their
 * own; a deletion, an account deletion's tombstones included, still reaches the other party; a copy
 * pulled when the whole institution could read requests leaves the devices that may not; and a
 * request written before `parties` existed comes back to its two parties after the migration.
 */
import { doc, getDoc, setLogLevel } from 'firebase/firestore/lite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { firebase } from '@/platform/firebase/app'
import { SyncEngine } from '@/sync/engine'
import type { SyncTransport } from '@/sync/ports'
import { migrateCore } from '../../functions/src/migrate'
import { adminApp, type Admin } from './helpers/admin'
import { callOk } from './helpers/callable'
import { signInDevice, useEmulatorsInApp } from './helpers/device'
import { RUN } from './helpers/env'
import { docId, mutation, push, pushOne } from './helpers/push'
import { createMember, meta, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `reqP-${RUN}`
const OTHER = `reqQ-${RUN}`

interface Device {
  user: TestUser
  instance: string
  transport: SyncTransport
  db: HubDb
}

let admin: Admin
let learner: Device
let teacher: Device
let colleague: Device
let lead: Device
let leaver: Device
const devices: Device[] = []

const request = (from: TestUser, to: TestUser, skill = 'PCR') => ({
  learnerUid: from.uid,
  teacherUid: to.uid,
  skillId: skill.toLowerCase(),
  skillName: skill,
  message: `Could you show me ${skill}?`,
  format: 'demo',
  state: 'pending',
  history: { pending: 1 },
})

async function ask(from: Device, to: Device, skill = 'PCR'): Promise<string> {
  const id = docId('req')
  const r = await pushOne(from.user, mutation('requests', id, 'put', request(from.user, to.user, skill)))
  expect(r.status, JSON.stringify(r)).toBe('applied')
  return id
}

async function pull(d: Device, pageSize = 500): Promise<{ roundTrips: number }> {
  return new SyncEngine({ db: d.db, transport: d.transport, collections: () => ['requests'], pageSize }).pull()
}

const localIds = async (d: Device) => (await d.db.requests.toArray()).map((r) => r.id).sort()

async function device(name: string, role: 'technician' | 'lead', inst = INST): Promise<Device> {
  const user = await createMember(admin, inst, emailAt('example.ac.uk', name), role, { displayName: `Person ${name}` })
  const { instance, transport } = await signInDevice(user, `req-${name}-${RUN}`, inst)
  const d = { user, instance, transport, db: createDb(`requests-${name}-${RUN}`) }
  devices.push(d)
  return d
}

beforeAll(async () => {
  useEmulatorsInApp()
  setLogLevel('silent') // refused reads are expected; keep the SDK's errors out of the report
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST })
  await seedInstitution(admin.db, { id: OTHER })
  learner = await device('learner', 'technician')
  teacher = await device('teacher', 'technician')
  colleague = await device('colleague', 'technician')
  lead = await device('lead', 'lead')
  leaver = await device('leaver', 'technician')
}, 120_000)

afterAll(async () => {
  vi.unstubAllEnvs()
  for (const d of devices) d.db.close()
  await admin?.close()
})

describe('skill-share requests on members’ devices', () => {
  const ids: Record<string, string> = {}

  it('reach only their learner and teacher: a colleague and a lead neither pull nor read them', async () => {
    ids.first = await ask(learner, teacher)
    ids.ofLead = await ask(colleague, lead, 'Welding')
    for (const d of [learner, teacher, colleague, lead]) await pull(d)
    expect(await localIds(learner)).toEqual([ids.first])
    expect(await localIds(teacher)).toEqual([ids.first])
    expect(await localIds(colleague)).toEqual([ids.ofLead])
    expect(await localIds(lead)).toEqual([ids.ofLead])
    expect(await learner.db.requests.get(ids.first!)).toMatchObject({
      message: 'Could you show me PCR?',
      parties: [learner.user.uid, teacher.user.uid],
    })
    // A direct read (a tampered client) is refused by the rules, for a lead too.
    const read = (d: Device, id: string) => getDoc(doc(firebase(d.instance).firestore, `institutions/${INST}/requests/${id}`))
    expect((await read(teacher, ids.first)).data()).toMatchObject({ learnerUid: learner.user.uid })
    await expect(read(colleague, ids.first)).rejects.toThrow()
    await expect(read(lead, ids.first)).rejects.toThrow()
    // So is a pull of another member's requests (the query names someone else).
    const asLearner = (await import('@/platform/firebase'))
      .createPlatform(lead.instance)
      .transport(() => ({ uid: learner.user.uid, institutionId: INST }))
    await expect(asLearner.pull('requests', null, 50)).rejects.toThrow()
  })

  it('page by (updatedAt, id) through exactly the member’s own, ties and later arrivals included', async () => {
    const mine: string[] = [ids.first!]
    for (let i = 0; i < 3; i++) {
      mine.push(await ask(learner, teacher, `Skill${i}`))
      await ask(colleague, lead, `Other${i}`) // interleaved, never seen by the learner
    }
    // One commit, several requests: they share an updatedAt.
    const batch = [docId('req'), docId('req'), docId('req')]
    const results = await push(
      learner.user,
      batch.map((id, i) => mutation('requests', id, 'put', request(learner.user, teacher.user, `Tie${i}`))),
    )
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
    mine.push(...batch)
    const fresh: Device = { ...learner, db: createDb(`requests-learner-paged-${RUN}`) }
    devices.push(fresh)
    const summary = await pull(fresh, 2)
    expect(await localIds(fresh)).toEqual([...mine].sort())
    expect(summary.roundTrips).toBe(Math.floor(mine.length / 2) + 1)
    // Incremental: only what came after the checkpoint, and still only the member's own.
    const later = await ask(teacher, learner, 'Later')
    await ask(colleague, lead, 'NotMine')
    await pull(fresh, 2)
    expect(await localIds(fresh)).toEqual([...mine, later].sort())
    ids.later = later
  })

  it('a deletion reaches both parties', async () => {
    await pull(learner)
    await pull(teacher)
    expect(await teacher.db.requests.get(ids.later!)).toBeDefined()
    expect((await pushOne(teacher.user, mutation('requests', ids.later!, 'delete', {}))).status).toBe('applied')
    const tomb = (await admin.db.doc(`institutions/${INST}/requests/${ids.later}`).get()).data()!
    expect(tomb).toMatchObject({ deleted: true, parties: [teacher.user.uid, learner.user.uid] })
    expect(tomb).not.toHaveProperty('message')
    await pull(learner)
    await pull(teacher)
    expect(await learner.db.requests.get(ids.later!)).toBeUndefined()
    expect(await teacher.db.requests.get(ids.later!)).toBeUndefined()
  })

  it('an account deletion’s tombstones reach the other party of each request, and name only them', async () => {
    const asked = await ask(leaver, learner, 'Glassblowing')
    const askedOf = await ask(colleague, leaver, 'Soldering')
    await pull(learner)
    await pull(colleague)
    expect(await learner.db.requests.get(asked)).toBeDefined()
    expect(await colleague.db.requests.get(askedOf)).toBeDefined()
    await callOk('deleteAccount', { confirm: 'delete my account' }, leaver.user.idToken)
    expect((await admin.db.doc(`institutions/${INST}/requests/${asked}`).get()).data()).toMatchObject({
      deleted: true,
      parties: [learner.user.uid],
    })
    expect((await admin.db.doc(`institutions/${INST}/requests/${askedOf}`).get()).data()).toMatchObject({
      deleted: true,
      parties: [colleague.user.uid],
    })
    await pull(learner)
    await pull(colleague)
    expect(await learner.db.requests.get(asked)).toBeUndefined()
    expect(await colleague.db.requests.get(askedOf)).toBeUndefined()
  })

  it('a copy pulled when the whole institution could read requests leaves the devices that may not', async () => {
    // The colleague's device as an older app left it: the learner's request, and a checkpoint past it.
    const stale = (await learner.db.requests.get(ids.first!))!
    await colleague.db.requests.put({ ...stale, parties: undefined })
    const cp = (await colleague.db.checkpoints.get('requests'))!
    await colleague.db.checkpoints.put({ collection: 'requests', updatedAt: cp.updatedAt, id: cp.id, pulledAt: Date.now() })
    await pull(colleague)
    expect(await colleague.db.requests.get(ids.first!)).toBeUndefined()
    expect(await localIds(colleague)).toContain(ids.ofLead)
  })

  it('a request written before `parties` existed returns to its two parties after the migration', async () => {
    const id = docId('legacy')
    await admin.db.doc(`institutions/${INST}/requests/${id}`).set({ ...meta(id), ...request(learner.user, teacher.user, 'Legacy') })
    await pull(learner)
    expect(await learner.db.requests.get(id)).toBeUndefined() // no parties: nobody can read it
    await migrateCore(admin.db, { force: true })
    expect((await admin.db.doc(`institutions/${INST}/requests/${id}`).get()).data()).toMatchObject({
      parties: [learner.user.uid, teacher.user.uid],
      version: 2,
    })
    await pull(learner)
    await pull(teacher)
    await pull(colleague)
    expect(await learner.db.requests.get(id)).toMatchObject({ skillName: 'Legacy' })
    expect(await teacher.db.requests.get(id)).toBeDefined()
    expect(await colleague.db.requests.get(id)).toBeUndefined()
  })
})

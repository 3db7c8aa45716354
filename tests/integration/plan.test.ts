/**
 * Issue 5 on the emulators: the action plan's write rules through the real `syncPush` callable
 * (a technician cannot change RAG, plan content, another's comment or a lead's response to an
 * idea; one vote each, withdrawable), RAG history from two leads editing offline (real sync
 * engines, both changes kept, ordered by time), and the `institutionStats` callable (leads only,
 * suppressed counts only).
 */
import Dexie from 'dexie'
import { Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectionPath, type CollectionName } from '@/domain/collections'
import { currentRag, ragHistory } from '@/domain/rules/rag'
import type { Checkpoint, PushResponse, SyncMeta } from '@/domain/sync'
import { createDb, type HubDb } from '@/db/database'
import { createRepos } from '@/db/repos'
import { SyncEngine } from '@/sync/engine'
import { TransportError, type SyncTransport } from '@/sync/ports'
import type { InstitutionStats } from '@/domain/stats'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { applied, docId, mutation, pushOne, rejected } from './helpers/push'
import { createMember, meta, seedInstitution } from './helpers/seed'
import { createUser, emailAt, type TestUser } from './helpers/users'
import { wordsIn } from '../support/errors'

// Refusals are problems (codes); assertions read them in the English a person sees.
const en = await wordsIn('en')

const INST = `plan-${RUN}`
const DOMAIN = `plan${RUN}.example.ac.uk`
let admin: Admin
let tech: TestUser
let tech2: TestUser
let lead: TestUser
let lead2: TestUser
let outsider: TestUser
let planId: string
let actionId: string

const inst = (col: string, id: string) => `institutions/${INST}/${col}/${id}`
const get = async (path: string) => (await admin.db.doc(path).get()).data()

const planFields = () => ({
  title: 'Stage Two plan',
  stage: 'two',
  startDate: '2026-06-01',
  endDate: '2029-05-31',
  phases: { P1: 'Jun 2026 – May 2027' },
  owners: { SG: 'Steering group' },
  status: 'published',
})
const actionFields = (code = 'V1') => ({
  planId,
  code,
  themes: ['visibility', 'sustainability'],
  activity: 'Grow the technician network',
  measures: [],
  timeframe: 'P1',
  owner: 'SG',
})
const rag = (by: TestUser, status: string, at: number, rationale = 'Reviewed at steering group') => ({
  actionId,
  status,
  rationale,
  at,
  byUid: by.uid,
})
const idea = (author: TestUser, extra: Record<string, unknown> = {}) => ({
  authorUid: author.uid,
  title: 'Shadowing week',
  body: 'A day in another team',
  actionId,
  theme: 'visibility',
  status: 'open',
  createdAt: Date.now(),
  ...extra,
})
const comment = (author: TestUser, extra: Record<string, unknown> = {}) => ({
  authorUid: author.uid,
  authorName: 'A. Tech',
  targetType: 'action',
  targetId: actionId,
  body: 'Can we have a date?',
  createdAt: Date.now(),
  ...extra,
})

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN], faculties: [{ id: 'f-sci', name: 'Science', departments: [] }] })
  const mk = (name: string, role: 'technician' | 'lead') =>
    createMember(admin, INST, emailAt(DOMAIN, name), role, { facultyId: 'f-sci', roleFamily: 'laboratory' })
  ;[tech, tech2, lead, lead2] = await Promise.all([
    mk('tech', 'technician'),
    mk('tech2', 'technician'),
    mk('lead', 'lead'),
    mk('lead2', 'lead'),
  ])
  outsider = await createUser(admin.auth, {
    email: emailAt(`other${RUN}.example.ac.uk`, 'outsider'),
    claims: { institutionId: `other-${RUN}`, role: 'lead' },
  })
  planId = docId('plan')
  actionId = docId('action')
  applied(await pushOne(lead, mutation('plans', planId, 'put', planFields())))
  applied(await pushOne(lead, mutation('actions', actionId, 'put', actionFields())))
})

afterAll(async () => {
  await admin?.close()
})

describe('plan content and RAG are for leads', () => {
  it('refuses a technician’s plan, action and RAG changes, and keeps the documents as they were', async () => {
    rejected(await pushOne(tech, mutation('plans', docId('plan'), 'put', planFields())), 'forbidden')
    rejected(await pushOne(tech, mutation('plans', planId, 'patch', { title: 'Hijacked' })), 'forbidden')
    rejected(await pushOne(tech, mutation('actions', actionId, 'patch', { activity: 'Something else' })), 'forbidden')
    rejected(await pushOne(tech, mutation('actions', actionId, 'put', { ...actionFields(), owner: 'Me' })), 'forbidden')
    rejected(await pushOne(tech, mutation('actions', actionId, 'delete', {})), 'forbidden')
    const ragId = docId('rag')
    rejected(await pushOne(tech, mutation('ragChanges', ragId, 'put', rag(tech, 'green', Date.now()))), 'forbidden')
    expect(await get(inst('plans', planId))).toMatchObject({ title: 'Stage Two plan', version: 1 })
    expect(await get(inst('actions', actionId))).toMatchObject({ activity: 'Grow the technician network', owner: 'SG', version: 1 })
    expect(await get(inst('ragChanges', ragId))).toBeUndefined()
  })

  it('refuses a lead’s RAG change recorded in another lead’s name, and a Red without an explanation', async () => {
    rejected(await pushOne(lead, mutation('ragChanges', docId('rag'), 'put', rag(lead2, 'amber', Date.now()))), 'forbidden')
    const r = rejected(
      await pushOne(lead, mutation('ragChanges', docId('rag'), 'put', rag(lead, 'red', Date.now(), ' '))),
      'invalid',
      'rationale',
    )
    expect(en(r.message)).toBe('A Red status needs an explanation')
  })

  it('keeps RAG history append-only: a recorded change cannot be edited or deleted, even by a lead', async () => {
    const id = docId('rag')
    applied(await pushOne(lead, mutation('ragChanges', id, 'put', rag(lead, 'amber', 1_000))))
    rejected(await pushOne(lead, mutation('ragChanges', id, 'patch', { status: 'green' })), 'conflict')
    rejected(await pushOne(lead2, mutation('ragChanges', id, 'delete', {})), 'forbidden')
    expect(await get(inst('ragChanges', id))).toMatchObject({ status: 'amber', deleted: false })
  })

  it('keeps another institution’s lead out', async () => {
    // Their claims point at their own institution, where no such action exists.
    rejected(await pushOne(outsider, mutation('actions', actionId, 'patch', { activity: 'Elsewhere' })), 'not-found')
    expect(await get(inst('actions', actionId))).toMatchObject({ activity: 'Grow the technician network' })
  })
})

describe('comments, ideas and votes', () => {
  it('lets a member comment, but not edit, nor remove another’s comment, nor write in another’s name', async () => {
    const id = docId('comment')
    applied(await pushOne(tech, mutation('comments', id, 'put', comment(tech))))
    rejected(await pushOne(tech, mutation('comments', id, 'patch', { body: 'Edited' })), 'conflict')
    rejected(await pushOne(tech2, mutation('comments', id, 'delete', {})), 'forbidden')
    rejected(await pushOne(tech2, mutation('comments', docId('comment'), 'put', comment(tech))), 'forbidden')
    expect(await get(inst('comments', id))).toMatchObject({ body: 'Can we have a date?', deleted: false })
    applied(await pushOne(tech, mutation('comments', id, 'delete', {})))
    expect(await get(inst('comments', id))).toMatchObject({ deleted: true })
  })

  it('locks an idea’s status, response and adopted action to leads', async () => {
    const id = docId('idea')
    rejected(
      await pushOne(tech, mutation('ideas', docId('idea'), 'put', idea(tech, { status: 'adopted', adoptedActionId: actionId }))),
      'forbidden',
    )
    applied(await pushOne(tech, mutation('ideas', id, 'put', idea(tech))))
    rejected(await pushOne(tech, mutation('ideas', id, 'patch', { status: 'adopted' })), 'forbidden', 'status')
    rejected(await pushOne(tech, mutation('ideas', id, 'patch', { response: 'We did it' })), 'forbidden', 'response')
    rejected(await pushOne(tech, mutation('ideas', id, 'patch', { adoptedActionId: actionId })), 'forbidden', 'adoptedActionId')
    rejected(await pushOne(tech2, mutation('ideas', id, 'patch', { title: 'Mine now' })), 'forbidden')
    applied(await pushOne(tech, mutation('ideas', id, 'patch', { title: 'Cross-faculty shadowing week' })))
    applied(
      await pushOne(lead, mutation('ideas', id, 'patch', { status: 'adopted', adoptedActionId: actionId, response: 'Adopted as V1.' })),
    )
    expect(await get(inst('ideas', id))).toMatchObject({
      title: 'Cross-faculty shadowing week',
      status: 'adopted',
      adoptedActionId: actionId,
      response: 'Adopted as V1.',
    })
  })

  it('counts one vote per member, lets them withdraw and vote again, and never in another’s name', async () => {
    const ideaId = docId('idea')
    applied(await pushOne(tech, mutation('ideas', ideaId, 'put', idea(tech))))
    const mine = `${ideaId}__${tech2.uid}`
    const vote = { ideaId, voterUid: tech2.uid, createdAt: 1_000 }
    applied(await pushOne(tech2, mutation('votes', mine, 'put', vote, 1_000)))
    // The same vote again is a no-op — a vote's createdAt is the server's, so another client time
    // changes nothing; a different one under the same id is refused.
    applied(await pushOne(tech2, mutation('votes', mine, 'put', vote, 1_001)))
    const cast = (await get(inst('votes', mine)))?.createdAt
    applied(await pushOne(tech2, mutation('votes', mine, 'put', { ...vote, createdAt: 2_000 }, 2_000)))
    expect((await get(inst('votes', mine)))?.createdAt).toEqual(cast)
    rejected(await pushOne(tech, mutation('votes', mine, 'put', { ...vote, voterUid: tech.uid }, 1_000)), 'conflict')
    // A vote cast in someone else's name, where they have not voted yet.
    rejected(await pushOne(tech, mutation('votes', `${ideaId}__${lead.uid}`, 'put', { ...vote, voterUid: lead.uid })), 'forbidden')
    rejected(await pushOne(tech, mutation('votes', mine, 'delete', {})), 'forbidden')
    rejected(await pushOne(tech, mutation('votes', `${ideaId}__${tech2.uid}x`, 'put', { ...vote, voterUid: tech.uid })), 'forbidden')
    applied(await pushOne(tech2, mutation('votes', mine, 'delete', {}, 3_000)))
    expect(await get(inst('votes', mine))).toMatchObject({ deleted: true })
    applied(await pushOne(tech2, mutation('votes', mine, 'put', { ...vote, createdAt: 4_000 }, 4_000)))
    const live = (await admin.db.collection(`institutions/${INST}/votes`).where('ideaId', '==', ideaId).where('deleted', '==', false).get())
      .docs
    expect(live.map((d) => d.id)).toEqual([mine])
  })

  it('keeps self-assessment narratives for leads', async () => {
    const id = `${planId}__two__governance`
    const body = { planId, stage: 'two', section: 'governance', body: 'The steering group meets quarterly.', updatedByUid: tech.uid }
    rejected(await pushOne(tech, mutation('assessments', id, 'put', body)), 'forbidden')
    applied(await pushOne(lead, mutation('assessments', id, 'put', { ...body, updatedByUid: lead.uid })))
    expect(await get(inst('assessments', id))).toMatchObject({ section: 'governance', body: 'The steering group meets quarterly.' })
  })
})

/** The app's sync engine over the emulators: pushes through the callable, pulls with the admin SDK. */
function emulatorTransport(user: TestUser, online: { value: boolean }): SyncTransport {
  const offline = () => {
    if (!online.value) throw new TransportError('offline', 'offline')
  }
  return {
    async push(mutations) {
      offline()
      return callOk<PushResponse>('syncPush', { mutations }, user.idToken)
    },
    async pull(col: CollectionName, after: Checkpoint | null, limit: number): Promise<SyncMeta[]> {
      offline()
      let q = admin.db
        .collection(collectionPath(col, { institutionId: INST, uid: user.uid }))
        .orderBy('updatedAt')
        .orderBy('__name__')
      if (after) q = q.startAfter(Timestamp.fromMillis(after.updatedAt), after.id)
      const snap = await q.limit(limit).get()
      return snap.docs.map((d) => {
        const data = d.data()
        const at = data.updatedAt
        return { ...data, id: d.id, updatedAt: at instanceof Timestamp ? at.toMillis() : Number(at ?? 0) } as SyncMeta
      })
    },
  }
}

describe('RAG history from two leads offline', () => {
  const devices: HubDb[] = []
  afterAll(async () => {
    for (const d of devices) {
      d.close()
      await Dexie.delete(d.name)
    }
  })

  function device(user: TestUser, clock: () => number) {
    const db = createDb(`plan-${user.uid}-${crypto.randomUUID()}`)
    devices.push(db)
    const online = { value: true }
    const engine = new SyncEngine({ db, transport: emulatorTransport(user, online), collections: () => ['actions', 'ragChanges'] })
    return { db, online, engine, repos: createRepos({ db, now: clock }) }
  }

  it('keeps both changes, ordered by time, on the server and on both devices', async () => {
    const a = device(lead, () => 5_000)
    const b = device(lead2, () => 6_000)
    await a.engine.sync()
    await b.engine.sync()
    expect(await a.db.actions.get(actionId)).toBeTruthy()
    a.online.value = false
    b.online.value = false
    // Lead B reviews later in the day but their device reconnects first.
    const t = Date.now()
    await a.repos.ragChanges.create({ actionId, status: 'red', rationale: 'Funding not agreed yet', at: t + 1_000, byUid: lead.uid })
    await b.repos.ragChanges.create({ actionId, status: 'amber', rationale: 'Funding agreed; recruiting', at: t + 2_000, byUid: lead2.uid })
    await expect(a.engine.sync()).rejects.toThrow()
    b.online.value = true
    await b.engine.sync()
    a.online.value = true
    await a.engine.sync()
    await b.engine.sync()

    const server = (await admin.db.collection(`institutions/${INST}/ragChanges`).where('actionId', '==', actionId).get()).docs.map((d) =>
      d.data(),
    )
    const fromTest = server.filter((c) => (c.at as number) > t)
    expect(fromTest.map((c) => [c.status, c.byUid]).sort()).toEqual(
      [
        ['amber', lead2.uid],
        ['red', lead.uid],
      ].sort(),
    )
    for (const d of [a.db, b.db]) {
      const local = (await d.ragChanges.where('actionId').equals(actionId).toArray()).filter((c) => c.at > t)
      expect(ragHistory(local, actionId).map((c) => c.status)).toEqual(['red', 'amber'])
      expect(currentRag(local, actionId)?.status).toBe('amber')
      expect(await d.outbox.count()).toBe(0)
      expect(await d.rejections.count()).toBe(0)
    }
  })
})

describe('institutionStats', () => {
  const fakeUid = (k: number) => `fake-${RUN}-${k}`

  beforeAll(async () => {
    // Twelve more members straight into the store (no sign-in needed), with private fields.
    const batch = admin.db.batch()
    for (let k = 0; k < 12; k++) {
      const uid = fakeUid(k)
      const contract = k < 9 ? 'permanent' : 'fixed-term'
      batch.set(admin.db.doc(`users/${uid}/profiles/${uid}`), {
        ...meta(uid),
        institutionId: INST,
        displayName: `Member ${k}`,
        email: `m${k}@${DOMAIN}`,
        role: 'technician',
        visibility: k === 0 ? 'hidden' : 'institution',
        skills: [],
        joinedAt: Date.now() - k * 86_400_000,
        facultyId: k < 6 ? 'f-sci' : 'f-eng',
        roleFamily: 'laboratory',
        contract,
      })
      if (k < 10)
        batch.set(admin.db.doc(`users/${uid}/equality/${uid}`), { ...meta(uid), gender: k < 5 ? 'Woman' : 'Man', disability: 'no' })
      if (k < 6)
        batch.set(admin.db.doc(`users/${uid}/cpd/c1`), {
          ...meta('c1'),
          title: 'Course',
          startDate: new Date().toISOString().slice(0, 10),
          hours: 2,
          type: 'formal',
          skillIds: [],
          evidenceIds: [],
        })
      if (k < 5)
        batch.set(admin.db.doc(`users/${uid}/registrations/r1`), {
          ...meta('r1'),
          target: 'RSciTech',
          steps: { outcome: 'done' },
          competences: {},
          feeSupportRequested: false,
        })
    }
    const surveyId = `survey-${RUN}`
    batch.set(admin.db.doc(`institutions/${INST}/surveys/${surveyId}`), {
      ...meta(surveyId),
      title: 'Pulse',
      description: '',
      sections: [],
      questions: [{ id: 'q1', type: 'short', prompt: 'Hi', required: false }],
      audience: { facultyIds: [], roleFamilies: [] },
      anonymous: true,
      allowEdit: false,
      opensAt: '2026-01-01',
      closesAt: '2099-01-01',
      status: 'open',
      createdByUid: lead.uid,
    })
    for (let k = 0; k < 6; k++)
      batch.set(admin.db.doc(`institutions/${INST}/surveys/${surveyId}/responses/r${k}`), { answers: [], day: '2026-01-02', group: {} })
    await batch.commit()
  })

  it('is for the institution’s leads only', async () => {
    expect(await call('institutionStats', {}, tech.idToken)).toMatchObject({
      ok: false,
      error: { status: 'PERMISSION_DENIED', details: { code: 'forbidden' } },
    })
    expect(await call('institutionStats', {}, null)).toMatchObject({ ok: false, error: { status: 'UNAUTHENTICATED' } })
    expect(await call('institutionStats', { uid: tech.uid }, lead.idToken)).toMatchObject({
      ok: false,
      error: { details: { code: 'invalid' } },
    })
  })

  it('returns suppressed counts, and nothing that names or identifies a member', async () => {
    const stats = await callOk<InstitutionStats>('institutionStats', {}, lead.idToken)
    // 4 signed-up members + 12 seeded (one hidden from the directory, still counted).
    expect(stats.members.total).toBe(16)
    expect(stats.members.byFaculty.counts).toEqual({ 'f-sci': 10, 'f-eng': 6 })
    // 3 fixed-term and 4 with no contract recorded: both withheld.
    expect(stats.members.byContract.counts).toEqual({ permanent: 9, 'fixed-term': null, unspecified: null })
    expect(stats.equality.respondents).toBe(10)
    expect(stats.equality.gender.counts).toEqual({ Woman: 5, Man: 5 })
    expect(stats.cpd).toMatchObject({ participants: 6, notYet: 10, percent: 38 })
    expect(stats.registrations.registeredMembers).toBe(5)
    for (const n of Object.values(stats.registrations.registered.counts)) if (n !== null) expect(n).toBeGreaterThanOrEqual(5)
    expect(stats.surveys).toEqual([expect.objectContaining({ title: 'Pulse', responses: 6, audience: 16, ratePercent: 38 })])
    const text = JSON.stringify(stats)
    for (const secret of [tech.uid, lead.uid, fakeUid(1), 'Member 1', tech.email]) expect(text).not.toContain(secret)
  })
})

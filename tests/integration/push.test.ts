/**
 * The `syncPush` callable on the Functions emulator, against the real Firestore emulator:
 * stamping, idempotency, merge rules, authorisation, validation, tombstones, and the purge.
 */
import { Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mutation } from '@/domain/sync'
import { TOMBSTONE_TTL_MS } from '@/domain/sync'
import { purgeTombstonesCore } from '../../functions/src/purge'
import { adminApp, type Admin } from './helpers/admin'
import { call } from './helpers/callable'
import { RUN } from './helpers/env'
import { applied, docId, mutation, push, pushOne, rejected } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { createUser, emailAt, type TestUser } from './helpers/users'
import { wordsIn } from '../support/errors'

// Refusals are problems (codes); assertions read them in the English a person sees.
const en = await wordsIn('en')

const INST = `push-${RUN}`
const DOMAIN = `push${RUN}.example.ac.uk`
let admin: Admin
let tech: TestUser
let tech2: TestUser
let lead: TestUser
let lead2: TestUser
let loner: TestUser

const now = () => Date.now()
const get = async (path: string) => (await admin.db.doc(path).get()).data()
const inst = (col: string, id: string) => `institutions/${INST}/${col}/${id}`

const idea = (author: TestUser, extra: Record<string, unknown> = {}) => ({
  authorUid: author.uid,
  title: 'Technician showcase day',
  body: 'Once a year',
  status: 'open',
  createdAt: 1_700_000_000_000,
  ...extra,
})
const comment = (author: TestUser, targetId: string) => ({
  authorUid: author.uid,
  authorName: 'A. Tech',
  targetType: 'idea',
  targetId,
  body: 'Good idea',
  createdAt: 1_700_000_000_000,
})
const rag = (by: TestUser, actionId: string, status: string, at: number, rationale = 'Reviewed at steering group') => ({
  actionId,
  status,
  rationale,
  at,
  byUid: by.uid,
})
const cpd = (title = 'Mass spectrometry course') => ({
  title,
  startDate: '2026-03-01',
  hours: 6,
  type: 'formal',
  skillIds: [],
  evidenceIds: [],
})
const plan = () => ({
  title: 'Stage Two plan',
  stage: 'two',
  startDate: '2026-06-01',
  endDate: '2029-05-31',
  phases: { P1: 'Jun 2026 – May 2027' },
  owners: { SG: 'Steering group' },
  status: 'draft',
})

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN], joinCodes: [`PUSH-${RUN}`], allowUnverified: true })
  const mk = (name: string, role: 'technician' | 'lead' | null) =>
    role ? createMember(admin, INST, emailAt(DOMAIN, name), role) : createUser(admin.auth, { email: emailAt(DOMAIN, name) })
  ;[tech, tech2, lead, lead2, loner] = await Promise.all([
    mk('tech', 'technician'),
    mk('tech2', 'technician'),
    mk('lead', 'lead'),
    mk('lead2', 'lead'),
    mk('loner', null),
  ])
})

afterAll(async () => {
  await admin?.close()
})

describe('applying and stamping', () => {
  it('applies a create and stamps version 1, the commit time and the mutation id', async () => {
    const id = docId('idea')
    const m = mutation('ideas', id, 'put', idea(tech))
    const r = applied(await pushOne(tech, m))
    expect(r).toMatchObject({ mutationId: m.mutationId, docId: id, version: 1 })
    const snap = await admin.db.doc(inst('ideas', id)).get()
    const stored = snap.data()!
    expect(stored.updatedAt).toBeInstanceOf(Timestamp)
    expect((stored.updatedAt as Timestamp).toMillis()).toBe(r.updatedAt)
    expect(Math.abs(r.updatedAt - now())).toBeLessThan(60_000)
    expect(stored).toMatchObject({ id, version: 1, deleted: false, lastMutationId: m.mutationId, title: 'Technician showcase day' })
  })

  it('stamps version+1 and a later updatedAt on each change', async () => {
    const id = docId('idea')
    const r1 = applied(await pushOne(tech, mutation('ideas', id, 'put', idea(tech), 1000)))
    const r2 = applied(await pushOne(tech, mutation('ideas', id, 'patch', { body: 'Twice a year' }, 2000)))
    expect(r2.version).toBe(2)
    expect(r2.updatedAt).toBeGreaterThanOrEqual(r1.updatedAt)
    expect(await get(inst('ideas', id))).toMatchObject({ version: 2, body: 'Twice a year' })
  })

  it('returns per-mutation results in the order given, rejections as values', async () => {
    const good = mutation('cpd', docId('cpd'), 'put', cpd())
    const bad = mutation('cpd', docId('cpd'), 'put', { ...cpd(), hours: -3 })
    const malformed = { mutationId: 'short', collection: 'nope', docId: 'x', op: 'put', payload: {}, clientTime: 1 }
    const results = await push(tech, [good, bad, malformed, good])
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied'])
    expect(results[0]).toEqual(results[3]) // the same id in one batch: the recorded result
    rejected(results[1], 'invalid', 'hours')
    expect(results[2]).toMatchObject({ status: 'rejected', code: 'invalid', mutationId: 'short', docId: 'x' })
  })

  it('applies several mutations of one document in one batch, in order', async () => {
    const id = docId('cpd')
    const results = await push(tech, [
      mutation('cpd', id, 'put', cpd('First'), 1000),
      mutation('cpd', id, 'patch', { title: 'Second' }, 2000),
      mutation('cpd', id, 'patch', { hours: 8 }, 3000),
    ])
    expect(results.map((r) => (r.status === 'applied' ? r.version : r.code))).toEqual([1, 2, 3])
    expect(await get(`users/${tech.uid}/cpd/${id}`)).toMatchObject({ title: 'Second', hours: 8, version: 3 })
  })
})

describe('idempotency', () => {
  it('replaying the same batch three times gives the same results and the same state', async () => {
    const ideaId = docId('idea')
    const batch: Mutation[] = [
      mutation('ideas', ideaId, 'put', idea(tech), 1000),
      mutation('ideas', ideaId, 'patch', { body: 'Edited' }, 2000),
      mutation('comments', docId('comment'), 'put', comment(tech, ideaId), 3000),
      mutation('votes', `${ideaId}__${tech.uid}`, 'put', { ideaId, voterUid: tech.uid, createdAt: 1 }, 4000),
    ]
    const first = await push(tech, batch)
    expect(first.every((r) => r.status === 'applied')).toBe(true)
    const before = await get(inst('ideas', ideaId))
    const second = await push(tech, batch)
    const third = await push(tech, batch)
    expect(second).toEqual(first)
    expect(third).toEqual(first)
    const after = await get(inst('ideas', ideaId))
    expect(after).toEqual(before)
    expect(after).toMatchObject({ version: 2 })
    const ledger = await admin.db
      .collection(`users/${tech.uid}/mutations`)
      .where('docId', 'in', [ideaId, batch[2]!.docId, batch[3]!.docId])
      .get()
    expect(ledger.size).toBe(4)
  })

  it('a replay after a lost reply does not apply again even if the document changed since', async () => {
    const id = docId('cpd')
    const m = mutation('cpd', id, 'put', cpd('Original'), 1000)
    const r1 = applied(await pushOne(tech, m))
    applied(await pushOne(tech, mutation('cpd', id, 'patch', { title: 'Newer' }, 2000)))
    const again = await pushOne(tech, m)
    expect(again).toEqual(r1)
    expect(await get(`users/${tech.uid}/cpd/${id}`)).toMatchObject({ title: 'Newer', version: 2 })
  })

  it('ledgers are per user: another user’s mutation id is not theirs', async () => {
    const m = mutation('cpd', docId('cpd'), 'put', cpd())
    applied(await pushOne(tech, m))
    const r = applied(await pushOne(tech2, m))
    expect(r.version).toBe(1)
    expect(await get(`users/${tech2.uid}/cpd/${m.docId}`)).toMatchObject({ version: 1 })
  })
})

describe('field-level last-writer-wins', () => {
  it('an older patch does not overwrite a newer field, and says so (overridden, not applied); other fields still apply', async () => {
    const path = `users/${tech.uid}/profiles/${tech.uid}`
    applied(await pushOne(tech, mutation('profiles', tech.uid, 'patch', { bio: 'Newest bio', jobTitle: 'Old title' }, 2000)))
    const stale = await pushOne(tech, mutation('profiles', tech.uid, 'patch', { bio: 'Stale bio', department: 'Chemistry' }, 1500))
    expect(stale).toMatchObject({ status: 'overridden', code: 'overridden', fields: ['bio'], by: { uid: tech.uid, samePerson: true } })
    applied(await pushOne(tech, mutation('profiles', tech.uid, 'patch', { jobTitle: 'Senior technician' }, 3000)))
    const stored = await get(path)
    expect(stored).toMatchObject({ bio: 'Newest bio', department: 'Chemistry', jobTitle: 'Senior technician' })
    expect(stored?._clock).toMatchObject({ bio: 2000, department: 1500, jobTitle: 3000 })
  })

  it('two devices converge whatever order their edits arrive in', async () => {
    const id = docId('cpd')
    applied(await pushOne(tech, mutation('cpd', id, 'put', cpd('Base'), 1000)))
    const phone = mutation('cpd', id, 'patch', { title: 'From phone', hours: 2 }, 5000)
    const laptop = mutation('cpd', id, 'patch', { title: 'From laptop', learned: 'Calibration' }, 4000)
    await push(tech, [phone, laptop])
    expect(await get(`users/${tech.uid}/cpd/${id}`)).toMatchObject({ title: 'From phone', hours: 2, learned: 'Calibration' })
  })

  it('a profile change updates the directory entry; hiding turns it into a tombstone', async () => {
    applied(await pushOne(tech2, mutation('profiles', tech2.uid, 'patch', { jobTitle: 'Workshop technician', gradeBand: '6' }, now())))
    const entry = await get(inst('members', tech2.uid))
    expect(entry).toMatchObject({ jobTitle: 'Workshop technician', deleted: false })
    expect(entry).not.toHaveProperty('gradeBand') // private fields stay in the owner's tree
    applied(await pushOne(tech2, mutation('profiles', tech2.uid, 'patch', { visibility: 'hidden' }, now() + 1)))
    const hidden = await get(inst('members', tech2.uid))
    expect(hidden).toMatchObject({ deleted: true })
    expect(hidden).not.toHaveProperty('jobTitle')
    applied(await pushOne(tech2, mutation('profiles', tech2.uid, 'patch', { visibility: 'institution' }, now() + 2)))
    expect(await get(inst('members', tech2.uid))).toMatchObject({ deleted: false, jobTitle: 'Workshop technician' })
  })
})

describe('append-only RAG history and comments', () => {
  it('keeps both leads’ concurrent offline changes, ordered by `at`', async () => {
    const actionId = docId('action')
    const early = mutation('ragChanges', docId('rag'), 'put', rag(lead, actionId, 'amber', 1_000_000), 1_000_000)
    const late = mutation('ragChanges', docId('rag'), 'put', rag(lead2, actionId, 'green', 2_000_000), 2_000_000)
    // The later change reaches the server first.
    applied(await pushOne(lead2, late))
    applied(await pushOne(lead, early))
    const history = await admin.db.collection(`institutions/${INST}/ragChanges`).where('actionId', '==', actionId).get()
    const ordered = history.docs.map((d) => d.data()).sort((a, b) => (a.at as number) - (b.at as number))
    expect(ordered.map((c) => [c.status, c.byUid])).toEqual([
      ['amber', lead.uid],
      ['green', lead2.uid],
    ])
  })

  it('a repeated create is a no-op success; an edit is refused', async () => {
    const id = docId('rag')
    const body = rag(lead, docId('action'), 'amber', 1000)
    applied(await pushOne(lead, mutation('ragChanges', id, 'put', body, 1000)))
    const again = applied(await pushOne(lead, mutation('ragChanges', id, 'put', body, 1001)))
    expect(again.version).toBe(1)
    rejected(await pushOne(lead, mutation('ragChanges', id, 'patch', { status: 'green' }, 2000)), 'conflict')
    rejected(await pushOne(lead, mutation('ragChanges', id, 'put', { ...body, status: 'green' }, 2000)), 'conflict')
    expect(await get(inst('ragChanges', id))).toMatchObject({ status: 'amber', version: 1 })
  })

  it('a Red status without a rationale is refused on the rationale field; with one it applies', async () => {
    const actionId = docId('action')
    const r = rejected(
      await pushOne(lead, mutation('ragChanges', docId('rag'), 'put', rag(lead, actionId, 'red', 1000, '  '))),
      'invalid',
      'rationale',
    )
    expect(en(r.message)).toMatch(/explanation/i)
    applied(await pushOne(lead, mutation('ragChanges', docId('rag'), 'put', rag(lead, actionId, 'red', 1000, 'Funding not yet agreed'))))
  })
})

describe('authorisation', () => {
  it('a technician cannot set RAG status', async () => {
    const id = docId('rag')
    rejected(await pushOne(tech, mutation('ragChanges', id, 'put', rag(tech, docId('action'), 'green', 1000))), 'forbidden')
    expect(await get(inst('ragChanges', id))).toBeUndefined()
  })

  it('a technician cannot create or edit plan content', async () => {
    const planId = docId('plan')
    rejected(await pushOne(tech, mutation('plans', planId, 'put', plan())), 'forbidden')
    applied(await pushOne(lead, mutation('plans', planId, 'put', plan(), 1000)))
    rejected(await pushOne(tech, mutation('plans', planId, 'patch', { title: 'Hijacked' }, 2000)), 'forbidden')
    rejected(await pushOne(tech, mutation('plans', planId, 'delete', {}, 3000)), 'forbidden')
    expect(await get(inst('plans', planId))).toMatchObject({ title: 'Stage Two plan', version: 1 })
  })

  it('a technician cannot change or delete another member’s comment; the author and a lead can delete', async () => {
    const ideaId = docId('idea')
    const c1 = docId('comment')
    const c2 = docId('comment')
    applied(await pushOne(tech, mutation('comments', c1, 'put', comment(tech, ideaId), 1000)))
    applied(await pushOne(tech, mutation('comments', c2, 'put', comment(tech, ideaId), 1000)))
    expect((await pushOne(tech2, mutation('comments', c1, 'patch', { body: 'Rewritten' }, 2000))).status).toBe('rejected')
    rejected(await pushOne(tech2, mutation('comments', c1, 'delete', {}, 2000)), 'forbidden')
    rejected(await pushOne(tech2, mutation('comments', docId('comment'), 'put', comment(tech, ideaId))), 'forbidden') // as someone else
    expect(await get(inst('comments', c1))).toMatchObject({ body: 'Good idea', deleted: false })
    applied(await pushOne(tech, mutation('comments', c1, 'delete', {}, 3000)))
    applied(await pushOne(lead, mutation('comments', c2, 'delete', {}, 3000)))
  })

  it('a lead edits the institution; server-owned fields survive, join codes stay off it; a technician cannot', async () => {
    rejected(await pushOne(tech, mutation('institutions', INST, 'patch', { name: 'Renamed by a technician' })), 'forbidden')
    applied(await pushOne(lead, mutation('institutions', INST, 'patch', { name: 'University of Example', sites: ['Main campus'] })))
    const stored = await get(`institutions/${INST}`)
    expect(stored).toMatchObject({ name: 'University of Example', sites: ['Main campus'], allowUnverified: true })
    const secrets = await get(`institutionSecrets/${INST}`)
    expect(secrets?.joinCodeHashes).toHaveLength(1)
    // Fields outside the schema are not the sync protocol's: ignored (as by the shared merge), never stored.
    applied(await pushOne(lead, mutation('institutions', INST, 'patch', { joinCodeHashes: ['0'.repeat(64)], allowUnverified: false })))
    const after = await get(`institutions/${INST}`)
    expect(after).toMatchObject({ allowUnverified: true })
    expect(after).not.toHaveProperty('joinCodeHashes')
    expect(await get(`institutionSecrets/${INST}`)).toEqual(secrets)
    rejected(
      await pushOne(lead, mutation('institutions', `other-${RUN}`, 'put', { name: 'Another', emailDomains: [], faculties: [], sites: [] })),
      'forbidden',
    )
  })

  it('nobody writes the directory directly', async () => {
    rejected(await pushOne(tech, mutation('members', tech.uid, 'patch', { displayName: 'Direct' })), 'forbidden')
    rejected(await pushOne(lead, mutation('members', tech.uid, 'patch', { displayName: 'Direct' })), 'forbidden')
  })

  it('a signed-in non-member cannot write shared data but can write their own tree', async () => {
    rejected(await pushOne(loner, mutation('ideas', docId('idea'), 'put', idea(loner))), 'forbidden')
    applied(await pushOne(loner, mutation('cpd', docId('cpd'), 'put', cpd())))
  })

  it('a technician cannot create an idea that is already adopted or answered', async () => {
    rejected(await pushOne(tech, mutation('ideas', docId('idea'), 'put', idea(tech, { status: 'adopted' }))), 'forbidden')
    rejected(await pushOne(tech, mutation('ideas', docId('idea'), 'put', idea(tech, { response: 'We will do it' }))), 'forbidden')
  })
})

describe('locked fields', () => {
  it('a technician cannot change their role, email or institution on their profile', async () => {
    rejected(await pushOne(tech, mutation('profiles', tech.uid, 'patch', { role: 'lead' }, now())), 'forbidden', 'role')
    rejected(await pushOne(tech, mutation('profiles', tech.uid, 'patch', { email: 'other@example.ac.uk' }, now())), 'forbidden', 'email')
    rejected(
      await pushOne(tech, mutation('profiles', tech.uid, 'patch', { institutionId: 'elsewhere' }, now())),
      'forbidden',
      'institutionId',
    )
    expect(await get(`users/${tech.uid}/profiles/${tech.uid}`)).toMatchObject({ role: 'technician', institutionId: INST })
  })

  it('an idea’s author cannot adopt it or clear the lead’s response; a lead can', async () => {
    const id = docId('idea')
    applied(await pushOne(tech, mutation('ideas', id, 'put', idea(tech), 1000)))
    rejected(await pushOne(tech, mutation('ideas', id, 'patch', { status: 'adopted' }, 2000)), 'forbidden', 'status')
    applied(
      await pushOne(
        lead,
        mutation('ideas', id, 'patch', { status: 'adopted', response: 'Adopted as V3', adoptedActionId: 'action-v3' }, 3000),
      ),
    )
    // A put of the author's stale whole copy would clear the lead's fields: refused.
    rejected(await pushOne(tech, mutation('ideas', id, 'put', idea(tech, { title: 'Retitled' }), 4000)), 'forbidden')
    applied(await pushOne(tech, mutation('ideas', id, 'patch', { title: 'Retitled' }, 5000)))
    expect(await get(inst('ideas', id))).toMatchObject({ title: 'Retitled', status: 'adopted', response: 'Adopted as V3' })
  })
})

describe('one vote per member', () => {
  it('votes once, refuses a second vote, withdraws, votes again', async () => {
    const ideaId = docId('idea')
    const voteId = `${ideaId}__${tech.uid}`
    const vote = { ideaId, voterUid: tech.uid, createdAt: 1 }
    applied(await pushOne(tech, mutation('votes', voteId, 'put', vote, 1000)))
    // The same vote again (its time is the server's, so a different createdAt changes nothing): a no-op.
    applied(await pushOne(tech, mutation('votes', voteId, 'put', { ...vote, createdAt: 2 }, 1100)))
    expect(await get(inst('votes', voteId))).toMatchObject({ version: 1 })
    expect((await pushOne(tech2, mutation('votes', voteId, 'put', { ...vote, voterUid: tech2.uid }, 1200))).status).toBe('rejected')
    rejected(await pushOne(tech2, mutation('votes', `${ideaId}__${tech2.uid}`, 'put', vote, 1200)), 'forbidden') // voting as someone else
    rejected(await pushOne(tech2, mutation('votes', voteId, 'delete', {}, 1300)), 'forbidden')
    applied(await pushOne(tech, mutation('votes', voteId, 'delete', {}, 2000)))
    expect(await get(inst('votes', voteId))).toMatchObject({ deleted: true })
    applied(await pushOne(tech, mutation('votes', voteId, 'put', vote, 3000)))
    expect(await get(inst('votes', voteId))).toMatchObject({ deleted: false, voterUid: tech.uid })
    const votes = await admin.db.collection(`institutions/${INST}/votes`).where('ideaId', '==', ideaId).where('deleted', '==', false).get()
    expect(votes.size).toBe(1)
  })
})

describe('tombstones', () => {
  it('a stale update never resurrects a deleted document', async () => {
    const id = docId('cpd')
    const path = `users/${tech.uid}/cpd/${id}`
    applied(await pushOne(tech, mutation('cpd', id, 'put', cpd(), 1000)))
    const del = applied(await pushOne(tech, mutation('cpd', id, 'delete', {}, 3000)))
    rejected(await pushOne(tech, mutation('cpd', id, 'patch', { title: 'Late edit' }, 2000)), 'conflict')
    rejected(await pushOne(tech, mutation('cpd', id, 'put', cpd('Late put'), 2500)), 'conflict')
    rejected(await pushOne(tech, mutation('cpd', id, 'patch', { title: 'Even later edit' }, 4000)), 'conflict')
    const stored = await get(path)
    expect(stored).toMatchObject({ deleted: true, version: del.version })
    expect(stored).not.toHaveProperty('title')
    // A delete of a tombstone is already true.
    applied(await pushOne(tech, mutation('cpd', id, 'delete', {}, 5000)))
  })

  it('patching or deleting a document that never existed is not-found', async () => {
    rejected(await pushOne(tech, mutation('cpd', docId('cpd'), 'patch', { title: 'x' })), 'not-found')
    rejected(await pushOne(tech, mutation('cpd', docId('cpd'), 'delete', {})), 'not-found')
  })

  it('the purge removes tombstones and ledger entries older than 30 days, and nothing else', async () => {
    const old = Timestamp.fromMillis(now() - TOMBSTONE_TTL_MS - 86_400_000)
    const recent = Timestamp.fromMillis(now() - TOMBSTONE_TTL_MS + 86_400_000)
    const base = `users/purge-${RUN}`
    await admin.db.doc(`${base}/cpd/old`).set({ id: 'old', deleted: true, updatedAt: old, version: 2, lastMutationId: 'x' })
    await admin.db.doc(`${base}/cpd/recent`).set({ id: 'recent', deleted: true, updatedAt: recent, version: 2, lastMutationId: 'x' })
    await admin.db.doc(`${base}/cpd/live`).set({ id: 'live', deleted: false, updatedAt: old, version: 1, lastMutationId: 'x', ...cpd() })
    await admin.db.doc(inst('comments', `old-${RUN}`)).set({ id: 'c', deleted: true, updatedAt: old, version: 2, lastMutationId: 'x' })
    await admin.db.doc(`${base}/mutations/old-${RUN}`).set({ result: {}, at: old })
    await admin.db.doc(`${base}/mutations/new-${RUN}`).set({ result: {}, at: recent })
    const report = await purgeTombstonesCore(admin.db)
    expect(report.tombstones).toBeGreaterThanOrEqual(2)
    expect(report.ledgerEntries).toBeGreaterThanOrEqual(1)
    expect(await get(`${base}/cpd/old`)).toBeUndefined()
    expect(await get(inst('comments', `old-${RUN}`))).toBeUndefined()
    expect(await get(`${base}/cpd/recent`)).toBeDefined()
    expect(await get(`${base}/cpd/live`)).toBeDefined()
    expect(await get(`${base}/mutations/old-${RUN}`)).toBeUndefined()
    expect(await get(`${base}/mutations/new-${RUN}`)).toBeDefined()
  })
})

describe('the envelope', () => {
  it('refuses a caller who is not signed in', async () => {
    const out = await call('syncPush', { mutations: [mutation('cpd', docId('cpd'), 'put', cpd())] }, null)
    expect(out).toMatchObject({ ok: false, error: { status: 'UNAUTHENTICATED', details: { code: 'unauthenticated' } } })
  })

  it.each([
    ['no mutations field', {}],
    ['mutations not an array', { mutations: 'all of them' }],
    ['an empty batch', { mutations: [] }],
    ['extra envelope fields', { mutations: [], extra: 1 }],
    ['not an object', [1, 2, 3]],
  ])('throws invalid-argument for %s', async (_name, data) => {
    const out = await call('syncPush', data, tech.idToken)
    expect(out).toMatchObject({ ok: false, error: { status: 'INVALID_ARGUMENT', details: { code: 'invalid' } } })
  })

  it('throws invalid-argument for more than 500 mutations, and applies none', async () => {
    const id = docId('cpd')
    const many = Array.from({ length: 501 }, () => mutation('cpd', id, 'put', cpd()))
    const out = await call('syncPush', { mutations: many }, tech.idToken)
    expect(out).toMatchObject({ ok: false, error: { status: 'INVALID_ARGUMENT' } })
    expect(await get(`users/${tech.uid}/cpd/${id}`)).toBeUndefined()
  })

  it('rejects an oversized payload as too-large', async () => {
    const m = mutation('cpd', docId('cpd'), 'put', { ...cpd(), learned: 'x'.repeat(950 * 1024) })
    rejected(await pushOne(tech, m), 'too-large', 'payload')
  })

  it('rejects ids Firestore cannot store', async () => {
    rejected(await pushOne(tech, mutation('cpd', '__reserved__', 'put', cpd())), 'invalid', 'docId')
    rejected(await pushOne(tech, mutation('cpd', '..', 'put', cpd())), 'invalid', 'docId')
  })

  it('ignores sync metadata and server bookkeeping a client sends back', async () => {
    const id = docId('cpd')
    const r = applied(
      await pushOne(
        tech,
        mutation('cpd', id, 'put', {
          ...cpd(),
          id,
          version: 99,
          updatedAt: 5,
          deleted: true,
          lastMutationId: 'forged',
          _clock: { title: 9e15 },
        }),
      ),
    )
    expect(r.version).toBe(1)
    expect(await get(`users/${tech.uid}/cpd/${id}`)).toMatchObject({ version: 1, deleted: false })
  })

  it('500 mutations in one call: all applied, timing reported', async () => {
    const ms = Array.from({ length: 500 }, (_, i) => mutation('cpd', docId('bulk'), 'put', cpd(`Bulk ${i}`)))
    const t0 = performance.now()
    const results = await push(tech, ms)
    const seconds = (performance.now() - t0) / 1000
    console.log(`[push] 500 mutations in one call: ${seconds.toFixed(2)} s`)
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(500)
  })
})

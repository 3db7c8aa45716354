/**
 * firestore.rules on the real Cloud Firestore emulator: clients read only their institution's
 * shared data and their own tree; nobody reads survey responses, receipts, ledgers or rate
 * limits; no client writes anywhere (leads and admins included).
 */
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { RUN } from './helpers/env'
import { metaOf, rulesEnv } from './helpers/rules'

type Db = ReturnType<ReturnType<RulesTestEnvironment['unauthenticatedContext']>['firestore']>

const A = `rulesA-${RUN}`
const B = `rulesB-${RUN}`
const uid = (name: string) => `${name}${RUN}`
const techA = uid('techA')
const techA2 = uid('techA2')
const hiddenA = uid('hiddenA')
const leadA = uid('leadA')
const adminA = uid('adminA')
const techB = uid('techB')
const loner = uid('loner') // signed in, not yet a member

const SHARED = ['plans', 'actions', 'ragChanges', 'ideas', 'comments', 'votes', 'surveys', 'stats'] as const

let env: RulesTestEnvironment

const profile = (id: string, inst: string, visibility = 'institution') => ({
  ...metaOf(id),
  institutionId: inst,
  displayName: id,
  email: `${id.toLowerCase()}@example.ac.uk`,
  role: 'technician',
  visibility,
  skills: [],
  joinedAt: 1,
})

beforeAll(async () => {
  env = await rulesEnv()
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore()
    const put = (path: string, data: Record<string, unknown>) => db.doc(path).set(data)
    for (const inst of [A, B]) {
      await put(`institutions/${inst}`, { ...metaOf(inst), name: inst, emailDomains: [], faculties: [], sites: [] })
      for (const col of SHARED) await put(`institutions/${inst}/${col}/d1`, { ...metaOf('d1'), note: col })
      await put(`institutions/${inst}/surveys/d1/responses/r1`, { answers: [], day: '2026-01-01', group: {} })
      await put(`institutions/${inst}/surveys/d1/receipts/k1`, { editable: false })
      await put(`institutions/${inst}/other/d1`, { ...metaOf('d1') })
      await put(`institutionSecrets/${inst}`, { joinCodeHashes: ['0'.repeat(64)] })
    }
    // A skill-share request between two technicians of A (parties as the server writes it), its
    // tombstone, and a request from before `parties` existed.
    const request = {
      learnerUid: techA,
      teacherUid: techA2,
      skillId: 'pcr',
      skillName: 'PCR',
      message: 'Could you show me?',
      format: 'demo',
      state: 'pending',
      history: { pending: 1 },
    }
    await put(`institutions/${A}/requests/r1`, { ...metaOf('r1'), ...request, parties: [techA, techA2] })
    await put(`institutions/${A}/requests/r2`, { ...metaOf('r2'), deleted: true, parties: [techA, techA2] })
    await put(`institutions/${A}/requests/legacy`, { ...metaOf('legacy'), ...request })
    await put(`institutions/${B}/requests/r1`, { ...metaOf('r1'), ...request, learnerUid: techB, parties: [techB, techA] })
    for (const [id, inst] of [
      [techA, A],
      [techA2, A],
      [leadA, A],
      [adminA, A],
      [techB, B],
    ] as const) {
      await put(`institutions/${inst}/members/${id}`, profile(id, inst))
    }
    // Defence in depth: a directory entry marked hidden (the server normally writes a tombstone).
    await put(`institutions/${A}/members/${hiddenA}`, profile(hiddenA, A, 'hidden'))
    // The profile is the membership the rules check (joinInstitution writes it).
    for (const [id, inst] of [
      [leadA, A],
      [adminA, A],
      [techB, B],
    ] as const)
      await put(`users/${id}/profiles/${id}`, profile(id, inst))
    await put(`users/${hiddenA}/profiles/${hiddenA}`, profile(hiddenA, A, 'hidden'))
    for (const id of [techA, techA2]) {
      await put(`users/${id}/profiles/${id}`, profile(id, A))
      await put(`users/${id}/cpd/c1`, { ...metaOf('c1'), title: 'Course' })
      await put(`users/${id}/equality/${id}`, { ...metaOf(id), ageBand: '25-34' })
      await put(`users/${id}/registrations/r1`, { ...metaOf('r1'), target: 'RSciTech' })
      await put(`users/${id}/evidence/e1/chunks/0`, { data: 'AAAA' })
      await put(`users/${id}/evidence/e1`, { ...metaOf('e1'), name: 'bench.jpg', contentType: 'image/jpeg', size: 3, cpdId: 'c1' })
      await put(`users/${id}/mutations/m1`, { result: { status: 'applied' }, at: 1 })
      await put(`rateLimits/${id}`, { windowStart: 1, count: 1 })
    }
  })
})

afterAll(async () => {
  await env?.cleanup()
})

function as(who: 'techA' | 'techA2' | 'hiddenA' | 'leadA' | 'adminA' | 'techB' | 'loner' | 'anon'): Db {
  const claims: Record<string, Record<string, string>> = {
    techA: { institutionId: A, role: 'technician' },
    techA2: { institutionId: A, role: 'technician' },
    hiddenA: { institutionId: A, role: 'technician' },
    leadA: { institutionId: A, role: 'lead' },
    adminA: { institutionId: A, role: 'admin' },
    techB: { institutionId: B, role: 'technician' },
    loner: {},
  }
  const ids: Record<string, string> = { techA, techA2, hiddenA, leadA, adminA, techB, loner }
  if (who === 'anon') return env.unauthenticatedContext().firestore()
  return env.authenticatedContext(ids[who]!, claims[who]).firestore()
}

describe('allowed reads', () => {
  it('a member gets their institution document', () => assertSucceeds(as('techA').doc(`institutions/${A}`).get()))
  it('a member gets a colleague’s directory entry', () => assertSucceeds(as('techA').doc(`institutions/${A}/members/${techA2}`).get()))
  it('a member lists the directory (pull, no filter)', () =>
    assertSucceeds(as('techA').collection(`institutions/${A}/members`).orderBy('updatedAt').get()))
  it('a member lists the directory filtered to visible profiles', () =>
    assertSucceeds(as('techA').collection(`institutions/${A}/members`).where('visibility', '==', 'institution').get()))
  it('a hidden member gets their own directory entry', () =>
    assertSucceeds(as('hiddenA').doc(`institutions/${A}/members/${hiddenA}`).get()))
  it('a member gets a directory entry that does not exist (not-found, not denied)', () =>
    assertSucceeds(as('techA').doc(`institutions/${A}/members/nobody-${RUN}`).get()))
  for (const col of SHARED) {
    it(`a technician gets institution ${col}`, () => assertSucceeds(as('techA').doc(`institutions/${A}/${col}/d1`).get()))
  }
  it('a technician pulls plans by (updatedAt, id)', () =>
    assertSucceeds(as('techA').collection(`institutions/${A}/plans`).orderBy('updatedAt').limit(500).get()))
  it('a technician pulls RAG history', () =>
    assertSucceeds(as('techA').collection(`institutions/${A}/ragChanges`).where('updatedAt', '>=', 0).get()))
  it('a lead pulls surveys', () => assertSucceeds(as('leadA').collection(`institutions/${A}/surveys`).get()))
  it('a member gets their own profile', () => assertSucceeds(as('techA').doc(`users/${techA}/profiles/${techA}`).get()))
  it('a member lists their own CPD', () => assertSucceeds(as('techA').collection(`users/${techA}/cpd`).orderBy('updatedAt').get()))
  it('a member gets their own equality data', () => assertSucceeds(as('techA').doc(`users/${techA}/equality/${techA}`).get()))
  it('a member gets their own registration', () => assertSucceeds(as('techA').doc(`users/${techA}/registrations/r1`).get()))
  it('a member gets their own evidence chunks', () => assertSucceeds(as('techA').collection(`users/${techA}/evidence/e1/chunks`).get()))
  it('a member pulls their own evidence descriptions by (updatedAt, id)', () =>
    assertSucceeds(as('techA').collection(`users/${techA}/evidence`).orderBy('updatedAt').limit(500).get()))
  it('a signed-in non-member reads their own tree', () => assertSucceeds(as('loner').collection(`users/${loner}/profiles`).get()))
})

describe('skill-share requests: only the two parties read them', () => {
  const pull = (db: Db, uid: string) =>
    db.collection(`institutions/${A}/requests`).where('parties', 'array-contains', uid).orderBy('updatedAt').limit(500).get()
  it('the learner gets it', () => assertSucceeds(as('techA').doc(`institutions/${A}/requests/r1`).get()))
  it('the teacher gets it', () => assertSucceeds(as('techA2').doc(`institutions/${A}/requests/r1`).get()))
  it('a party gets its tombstone', () => assertSucceeds(as('techA2').doc(`institutions/${A}/requests/r2`).get()))
  it('the learner pulls theirs (array-contains own uid, by updatedAt)', () => assertSucceeds(pull(as('techA'), techA)))
  it('the teacher pulls theirs', () => assertSucceeds(pull(as('techA2'), techA2)))
  it('a member with none pulls an empty page', () => assertSucceeds(pull(as('hiddenA'), hiddenA)))
  it('denies a colleague', () => assertFails(as('hiddenA').doc(`institutions/${A}/requests/r1`).get()))
  it('denies a lead', () => assertFails(as('leadA').doc(`institutions/${A}/requests/r1`).get()))
  it('denies an admin', () => assertFails(as('adminA').doc(`institutions/${A}/requests/r1`).get()))
  it('denies a colleague the tombstone', () => assertFails(as('leadA').doc(`institutions/${A}/requests/r2`).get()))
  it('denies a party listing every request (rules are not filters)', () =>
    assertFails(as('techA').collection(`institutions/${A}/requests`).orderBy('updatedAt').get()))
  it('denies a lead listing every request', () => assertFails(as('leadA').collection(`institutions/${A}/requests`).get()))
  it('denies pulling someone else’s requests', () => assertFails(pull(as('leadA'), techA)))
  it('denies a document without parties, even to its learner', () =>
    assertFails(as('techA').doc(`institutions/${A}/requests/legacy`).get()))
  it('denies a party from another institution', () => assertFails(as('techA').doc(`institutions/${B}/requests/r1`).get()))
})

describe('join-code hashes are the server’s alone', () => {
  it('denies a technician', () => assertFails(as('techA').doc(`institutionSecrets/${A}`).get()))
  it('denies the institution’s lead', () => assertFails(as('leadA').doc(`institutionSecrets/${A}`).get()))
  it('denies an admin', () => assertFails(as('adminA').doc(`institutionSecrets/${A}`).get()))
  it('denies a signed-in non-member', () => assertFails(as('loner').doc(`institutionSecrets/${A}`).get()))
  it('denies listing them by hash', () =>
    assertFails(as('adminA').collection('institutionSecrets').where('joinCodeHashes', 'array-contains', '0'.repeat(64)).get()))
  it('denies writing them', () => assertFails(as('adminA').doc(`institutionSecrets/${A}`).set({ joinCodeHashes: [] })))
})

describe('cross-institution reads are denied', () => {
  it('another institution’s document', () => assertFails(as('techA').doc(`institutions/${B}`).get()))
  it('listing all institutions', () => assertFails(as('techA').collection('institutions').get()))
  it('another institution’s directory entry', () => assertFails(as('techA').doc(`institutions/${B}/members/${techB}`).get()))
  it('listing another institution’s directory', () => assertFails(as('techA').collection(`institutions/${B}/members`).get()))
  for (const col of SHARED) {
    it(`another institution’s ${col}`, () => assertFails(as('techA').doc(`institutions/${B}/${col}/d1`).get()))
  }
  it('listing another institution’s ideas', () => assertFails(as('techB').collection(`institutions/${A}/ideas`).get()))
  it('a lead of one institution reading another’s plan', () => assertFails(as('leadA').doc(`institutions/${B}/plans/d1`).get()))
  it('a collection the rules do not list', () => assertFails(as('techA').doc(`institutions/${A}/other/d1`).get()))
})

describe('private and hidden data of other members is denied', () => {
  it('a hidden profile to a colleague', () => assertFails(as('techA').doc(`institutions/${A}/members/${hiddenA}`).get()))
  it('a hidden profile to a lead', () => assertFails(as('leadA').doc(`institutions/${A}/members/${hiddenA}`).get()))
  it('another member’s full profile', () => assertFails(as('techA').doc(`users/${techA2}/profiles/${techA2}`).get()))
  it('another member’s equality data', () => assertFails(as('techA').doc(`users/${techA2}/equality/${techA2}`).get()))
  it('a lead listing a technician’s CPD', () => assertFails(as('leadA').collection(`users/${techA}/cpd`).get()))
  it('an admin reading a technician’s registration', () => assertFails(as('adminA').doc(`users/${techA}/registrations/r1`).get()))
  it('another member’s evidence', () => assertFails(as('techA2').doc(`users/${techA}/evidence/e1/chunks/0`).get()))
  it('a lead reading a technician’s evidence chunks', () => assertFails(as('leadA').collection(`users/${techA}/evidence/e1/chunks`).get()))
  it('a lead reading a technician’s evidence description', () => assertFails(as('leadA').doc(`users/${techA}/evidence/e1`).get()))
  it('an admin listing a technician’s evidence', () => assertFails(as('adminA').collection(`users/${techA}/evidence`).get()))
  it('a lead getting one of a technician’s CPD entries', () => assertFails(as('leadA').doc(`users/${techA}/cpd/c1`).get()))
  it('a lead listing a technician’s registrations', () => assertFails(as('leadA').collection(`users/${techA}/registrations`).get()))
  it('a member of another institution reading evidence', () => assertFails(as('techB').doc(`users/${techA}/evidence/e1/chunks/0`).get()))
})

describe('server-only data is unreadable, even by its subject', () => {
  it('a survey response, to a lead', () => assertFails(as('leadA').doc(`institutions/${A}/surveys/d1/responses/r1`).get()))
  it('listing survey responses, as an admin', () => assertFails(as('adminA').collection(`institutions/${A}/surveys/d1/responses`).get()))
  it('a survey receipt, to a technician', () => assertFails(as('techA').doc(`institutions/${A}/surveys/d1/receipts/k1`).get()))
  it('listing survey receipts, as a lead', () => assertFails(as('leadA').collection(`institutions/${A}/surveys/d1/receipts`).get()))
  it('one’s own mutation ledger entry', () => assertFails(as('techA').doc(`users/${techA}/mutations/m1`).get()))
  it('listing one’s own mutation ledger', () => assertFails(as('techA').collection(`users/${techA}/mutations`).get()))
  it('one’s own rate-limit counter', () => assertFails(as('techA').doc(`rateLimits/${techA}`).get()))
})

describe('unauthenticated and non-member access is denied', () => {
  it('anonymous: an institution', () => assertFails(as('anon').doc(`institutions/${A}`).get()))
  it('anonymous: a directory entry', () => assertFails(as('anon').doc(`institutions/${A}/members/${techA}`).get()))
  it('anonymous: listing plans', () => assertFails(as('anon').collection(`institutions/${A}/plans`).get()))
  it('anonymous: a profile', () => assertFails(as('anon').doc(`users/${techA}/profiles/${techA}`).get()))
  it('signed in without a membership: an institution', () => assertFails(as('loner').doc(`institutions/${A}`).get()))
  it('signed in without a membership: a plan', () => assertFails(as('loner').doc(`institutions/${A}/plans/d1`).get()))
})

describe('no client writes anywhere', () => {
  const cases: [string, Parameters<typeof as>[0], (db: Db) => Promise<unknown>][] = [
    ['a technician writing their directory entry', 'techA', (db) => db.doc(`institutions/${A}/members/${techA}`).set(profile(techA, A))],
    ['a technician updating their own profile', 'techA', (db) => db.doc(`users/${techA}/profiles/${techA}`).update({ displayName: 'X' })],
    ['a technician creating a CPD entry in their tree', 'techA', (db) => db.doc(`users/${techA}/cpd/new`).set({ title: 'x' })],
    [
      'a technician writing an evidence chunk in their tree',
      'techA',
      (db) => db.doc(`users/${techA}/evidence/e2/chunks/0`).set({ data: 'AAAA' }),
    ],
    ['a technician marking their evidence uploaded', 'techA', (db) => db.doc(`users/${techA}/evidence/e1`).update({ size: 4 })],
    ['a technician deleting their equality data', 'techA', (db) => db.doc(`users/${techA}/equality/${techA}`).delete()],
    ['a lead appending RAG history', 'leadA', (db) => db.doc(`institutions/${A}/ragChanges/new`).set({ status: 'green' })],
    ['a lead editing an action', 'leadA', (db) => db.doc(`institutions/${A}/actions/d1`).update({ note: 'x' })],
    ['an admin updating the institution', 'adminA', (db) => db.doc(`institutions/${A}`).update({ name: 'X' })],
    ['an admin deleting a comment', 'adminA', (db) => db.doc(`institutions/${A}/comments/d1`).delete()],
    ['an admin writing stats', 'adminA', (db) => db.doc(`institutions/${A}/stats/new`).set({ n: 1 })],
    ['a technician voting directly', 'techA', (db) => db.doc(`institutions/${A}/votes/d1__${techA}`).set({ voterUid: techA })],
    ['a technician commenting directly', 'techA', (db) => db.doc(`institutions/${A}/comments/new`).set({ body: 'x' })],
    ['a technician deleting an idea', 'techA', (db) => db.doc(`institutions/${A}/ideas/d1`).delete()],
    ['a technician writing a survey response', 'techA', (db) => db.doc(`institutions/${A}/surveys/d1/responses/new`).set({ answers: [] })],
    ['a technician writing a receipt', 'techA', (db) => db.doc(`institutions/${A}/surveys/d1/receipts/${techA}`).set({})],
    ['a technician writing their ledger', 'techA', (db) => db.doc(`users/${techA}/mutations/x`).set({})],
    ['a technician resetting their rate limit', 'techA', (db) => db.doc(`rateLimits/${techA}`).delete()],
    ['anonymous creating an institution', 'anon', (db) => db.doc(`institutions/new-${RUN}`).set({ name: 'X' })],
    ['a non-member creating their profile', 'loner', (db) => db.doc(`users/${loner}/profiles/${loner}`).set(profile(loner, A))],
    ['a member of B writing into A', 'techB', (db) => db.doc(`institutions/${A}/ideas/new`).set({ title: 'x' })],
    [
      'a lead writing a batch',
      'leadA',
      (db) =>
        db
          .batch()
          .set(db.doc(`institutions/${A}/plans/b1`), { a: 1 })
          .set(db.doc(`institutions/${A}/plans/b2`), { a: 2 })
          .commit(),
    ],
  ]
  for (const [name, who, write] of cases) it(`denies ${name}`, () => assertFails(write(as(who))))
})

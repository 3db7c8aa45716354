/**
 * Kept aggregates (functions/src/aggregates) on the emulators: every callable that changes a
 * counted fact — joining, profile faculty/role/contract, equality answers, registration steps,
 * CPD, survey answers let out of the pool, removal by a lead, account deletion — keeps the
 * institution's counters in its own transaction, so after each change the kept counters equal a
 * full recount from the source documents; and the dashboards served from them equal the full
 * scan's. No client reads the counters, nor a member's contribution to them.
 */
import { assertFails, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkAll,
  checkInstitution,
  contributionRef,
  metaRef,
  readKept,
  recountAll,
  recountInstitution,
  shardRef,
} from '../../functions/src/aggregates/store'
import { institutionStatsCore, institutionStatsScan } from '../../functions/src/stats/stats'
import { cpdStatsCore, cpdStatsScan } from '../../functions/src/cpd-stats/stats'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { applied as ok, docId, mutation, pushOne } from './helpers/push'
import { rulesEnv } from './helpers/rules'
import { createMember, meta, seedInstitution } from './helpers/seed'
import { answerToken } from './helpers/surveys'
import { createUser, emailAt, refreshToken, type TestUser } from './helpers/users'

const INST = `agg-${RUN}`
const DOMAIN = `agg${RUN}.example.ac.uk`
let admin: Admin
let lead: TestUser
let techs: TestUser[] = []
const today = () => new Date().toISOString().slice(0, 10)

const applied = async (user: TestUser, m: unknown) => ok(await pushOne(user, m))

/** Kept counters against a full recount: no counter may differ. */
async function expectNoDrift(): Promise<void> {
  const report = await checkInstitution(admin.db, INST, { repair: false })
  expect(report.drift).toEqual([])
}

/** The served dashboards equal the full scan's (generatedAt aside). */
async function expectServedAsScanned(): Promise<void> {
  const caller = { uid: lead.uid, institutionId: INST, role: 'lead' as const }
  const now = Date.now()
  expect(await institutionStatsCore(admin.db, caller, {}, now)).toEqual(await institutionStatsScan(admin.db, caller, {}, now))
  expect(await cpdStatsCore(admin.db, caller, now)).toEqual(await cpdStatsScan(admin.db, caller, now))
}

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, {
    id: INST,
    emailDomains: [DOMAIN],
    faculties: [
      { id: 'sci', name: 'Science', departments: [] },
      { id: 'eng', name: 'Engineering', departments: [] },
    ],
  })
  lead = await createMember(admin, INST, emailAt(DOMAIN, 'lead'), 'lead')
  techs = await Promise.all(
    Array.from({ length: 11 }, (_, i) =>
      createMember(admin, INST, emailAt(DOMAIN, `t${i}`), 'technician', { facultyId: i < 6 ? 'sci' : 'eng' }),
    ),
  )
  // Members seeded straight into the store: the first view builds the counters (a full recount, once).
  await callOk('institutionStats', {}, lead.idToken)
  expect((await metaRef(admin.db, INST).get()).exists).toBe(true)
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

describe('kept aggregates equal a full recount after every kind of change', () => {
  it('profile faculty, role family and contract', async () => {
    for (const [i, t] of techs.slice(0, 7).entries()) {
      await applied(
        t,
        mutation('profiles', t.uid, 'patch', {
          roleFamily: i % 2 ? 'laboratory' : 'workshop',
          contract: i < 5 ? 'permanent' : 'fixed-term',
        }),
      )
    }
    await applied(techs[0]!, mutation('profiles', techs[0]!.uid, 'patch', { facultyId: 'eng' }))
    await expectNoDrift()
    const kept = (await readKept(admin.db, INST)).vector
    expect(kept.get('faculty\u001feng')).toBe(6)
  })

  it('joining by domain', async () => {
    const joiner = await createUser(admin.auth, { email: emailAt(DOMAIN, 'joiner') })
    await callOk('joinInstitution', { displayName: 'Joiner' }, joiner.idToken)
    techs.push(await refreshToken(joiner))
    await expectNoDrift()
    expect((await readKept(admin.db, INST)).vector.get('members')).toBe(13)
  })

  it('equality answers: given, changed, withdrawn', async () => {
    for (const [i, t] of techs.slice(0, 8).entries())
      await applied(t, mutation('equality', t.uid, 'put', { gender: i < 5 ? 'Woman' : 'Man', disability: 'no' }))
    await applied(techs[1]!, mutation('equality', techs[1]!.uid, 'patch', { gender: 'Man', ageBand: '25-34' }))
    await applied(techs[2]!, mutation('equality', techs[2]!.uid, 'delete', {}))
    await expectNoDrift()
  })

  it('registration steps and CPD in the current year', async () => {
    const regs: string[] = []
    for (const t of techs.slice(0, 7)) {
      const id = docId('reg')
      regs.push(id)
      await applied(
        t,
        mutation('registrations', id, 'put', {
          target: 'RSciTech',
          steps: { evidence: 'doing' },
          competences: {},
          feeSupportRequested: true,
        }),
      )
      await applied(
        t,
        mutation('cpd', docId('cpd'), 'put', {
          title: 'Course',
          startDate: today(),
          hours: 2,
          type: 'formal',
          skillIds: [],
          evidenceIds: [],
        }),
      )
    }
    await expectNoDrift()
    for (const [i, t] of techs.slice(0, 6).entries())
      await applied(t, mutation('registrations', regs[i]!, 'patch', { steps: { evidence: 'done', outcome: 'done' } }))
    await applied(techs[6]!, mutation('registrations', regs[6]!, 'delete', {}))
    const old = docId('cpd')
    await applied(
      techs[7]!,
      mutation('cpd', old, 'put', { title: 'Old', startDate: '2020-01-01', hours: 1, type: 'other', skillIds: [], evidenceIds: [] }),
    )
    await applied(techs[7]!, mutation('cpd', old, 'patch', { startDate: today() }))
    const gone = docId('cpd')
    await applied(
      techs[8]!,
      mutation('cpd', gone, 'put', { title: 'Gone', startDate: today(), hours: 1, type: 'other', skillIds: [], evidenceIds: [] }),
    )
    await applied(techs[8]!, mutation('cpd', gone, 'delete', {}))
    await expectNoDrift()
    await expectServedAsScanned()
  })

  it('survey answers let out of the mixing pool', async () => {
    const surveyId = `survey-${RUN}`
    await admin.db.doc(`institutions/${INST}/surveys/${surveyId}`).set({
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
    for (const t of techs.slice(0, 10))
      await callOk('submitSurveyResponse', { surveyId, token: answerToken(), anonymous: true, answers: { q1: 'Yes' } }, t.idToken)
    await expectNoDrift()
    expect((await readKept(admin.db, INST)).vector.get(`responses\u001f${surveyId}`)).toBe(5)
    await expectServedAsScanned()
  })

  it('a member removed by a lead, and an account deleted', async () => {
    expect(await callOk('removeMember', { uid: techs[3]!.uid }, lead.idToken)).toEqual({ removed: techs[3]!.uid })
    await expectNoDrift()
    expect((await contributionRef(admin.db, techs[3]!.uid).get()).exists).toBe(false)
    await callOk('deleteAccount', { confirm: 'delete my account' }, techs[4]!.idToken)
    await expectNoDrift()
    expect((await readKept(admin.db, INST)).vector.get('members')).toBe(11)
    await expectServedAsScanned()
  })

  it('a recount finds drift and repairs it', async () => {
    // A change made behind the callables' back (as the seed or a manual fix would).
    await admin.db.doc(`users/${techs[9]!.uid}/profiles/${techs[9]!.uid}`).update({ contract: 'casual' })
    const found = await checkInstitution(admin.db, INST, { repair: true })
    expect(found.drift.map((d) => d.counter)).toEqual(expect.arrayContaining(['contract/casual']))
    await expectNoDrift()
  })

  it('the daily job recounts every institution in one pass, as the per-institution recount does', async () => {
    // After every path above (tombstones, a member who left, a deleted account, a repair).
    const [all, one] = await Promise.all([recountAll(admin.db), recountInstitution(admin.db, INST)])
    const mine = all.get(INST)
    expect(mine?.members).toBe(11)
    expect(Object.fromEntries(mine!.vector)).toEqual(Object.fromEntries(one.vector))
    expect(Object.fromEntries(mine!.contributions)).toEqual(Object.fromEntries(one.contributions))
    const reports = await checkAll(admin.db, { repair: false })
    expect(reports.find((r) => r.institutionId === INST)).toMatchObject({ members: 11, drift: [] })
  })

  it('the counters hold counts only: no uid, no name, no email', async () => {
    const shards = await Promise.all(Array.from({ length: 8 }, (_, k) => shardRef(admin.db, INST, k).get()))
    const text = JSON.stringify(shards.map((s) => s.data() ?? {}))
    for (const u of [lead, ...techs]) {
      expect(text).not.toContain(u.uid)
      expect(text).not.toContain(u.email)
    }
  })
})

describe('no client reads the kept aggregates', () => {
  let env: RulesTestEnvironment
  beforeAll(async () => {
    env = await rulesEnv()
  })
  afterAll(async () => {
    await env?.cleanup()
  })

  it('not a lead of the institution, not the member whose contribution it is, not anyone signed out', async () => {
    const asLead = env.authenticatedContext(lead.uid, { institutionId: INST, role: 'lead' }).firestore()
    const asTech = env.authenticatedContext(techs[0]!.uid, { institutionId: INST, role: 'technician' }).firestore()
    await assertFails(asLead.doc(`aggregates/${INST}`).get())
    await assertFails(asLead.doc(`aggregates/${INST}/shards/0`).get())
    await assertFails(asLead.collection(`aggregates/${INST}/shards`).get())
    await assertFails(asTech.doc(`users/${techs[0]!.uid}/counted/contribution`).get())
    await assertFails(env.unauthenticatedContext().firestore().doc(`aggregates/${INST}/shards/0`).get())
    // The callable serves them, suppressed.
    const out = await call('institutionStats', {}, lead.idToken)
    expect(out.ok).toBe(true)
  })
})

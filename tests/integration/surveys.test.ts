/**
 * Anonymous survey answers (`submitSurveyResponse`) and aggregate results (`surveyResults`) on
 * the Functions emulator: no uid in a response, one each, edits where allowed, closed surveys,
 * bad input writes nothing, results withheld under 5 (per breakdown cell too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Survey } from '@/domain/entities'
import { submitSurveyResponseCore } from '../../functions/src/surveys/submit'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { diff, fingerprint } from './helpers/fingerprint'
import { mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { answerToken, createSurvey, day, storedResponses } from './helpers/surveys'
import { createUser, emailAt, type TestUser } from './helpers/users'

const INST = `surveys-${RUN}`
const DOMAIN = `surveys${RUN}.example.ac.uk`
let admin: Admin
let lead: TestUser
let champion: TestUser
let outsider: TestUser
/** Nine laboratory technicians in f-sci, one workshop technician in f-eng. */
let sci: TestUser[]
let eng: TestUser

const questions: Survey['questions'] = [
  { id: 'q1', type: 'single', prompt: 'Which theme matters most?', required: true, options: ['Visibility', 'Recognition', 'Career'] },
  { id: 'q2', type: 'multiple', prompt: 'Which barriers apply?', required: false, options: ['Time', 'Funding', 'Awareness'] },
  { id: 'q3', type: 'likert', prompt: 'I feel valued', required: false },
  { id: 'q4', type: 'rating', prompt: 'Rate the plan', required: false },
  { id: 'q5', type: 'short', prompt: 'One word', required: false },
  { id: 'q6', type: 'long', prompt: 'What would good look like?', required: false },
  { id: 'q7', type: 'ranking', prompt: 'Rank these', required: false, options: ['Training', 'Mentoring', 'Funding'] },
  { id: 'q8', type: 'short', prompt: 'Why visibility?', required: true, showIf: { questionId: 'q1', equals: 'Visibility' } },
]

/** Create a survey through syncPush as the lead (the way the app does). */
const newSurvey = (extra: Partial<Survey> = {}) =>
  createSurvey(lead, { title: 'Technician voice workshop', description: 'Visibility theme', questions, ...extra })

const answers = (i = 0) => ({
  q1: 'Recognition',
  q2: ['Time', 'Funding'],
  q3: 1 + (i % 5),
  q4: i % 11,
  q5: `word${i}`,
  q6: 'Clear career paths',
  q7: ['Mentoring', 'Training'],
})

/** As the phone sends it: a fresh random token per answer unless given, and the anonymous mode it showed. */
const withDefaults = (data: unknown) =>
  typeof data === 'object' && data !== null && !Array.isArray(data) && 'answers' in data
    ? { token: answerToken(), anonymous: true, ...data }
    : data
const submit = (user: TestUser | null, data: unknown) =>
  call<{ status: string; day: string }>('submitSurveyResponse', withDefaults(data), user?.idToken ?? null)
const send = (user: TestUser, data: object) =>
  callOk<{ status: string; day: string }>('submitSurveyResponse', withDefaults(data), user.idToken)
const results = (user: TestUser, data: unknown) => call<Record<string, unknown>>('surveyResults', data, user.idToken)
/** Every stored answer, counted or still waiting in the mixing pool. */
const responsesOf = (surveyId: string) => storedResponses(admin.db, INST, surveyId)
const close = async (surveyId: string) =>
  expect((await pushOne(lead, mutation('surveys', surveyId, 'patch', { status: 'closed' }))).status).toBe('applied')
const receiptsOf = async (surveyId: string) => (await admin.db.collection(`institutions/${INST}/surveys/${surveyId}/receipts`).get()).docs

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN] })
  const mk = (name: string, role: 'technician' | 'lead' | 'champion', facultyId?: string, roleFamily?: string) =>
    createMember(admin, INST, emailAt(DOMAIN, name), role, { displayName: `Person ${name}`, facultyId, roleFamily })
  lead = await mk('lead', 'lead')
  champion = await mk('champion', 'champion')
  sci = await Promise.all(Array.from({ length: 9 }, (_, i) => mk(`sci${i}`, 'technician', 'f-sci', 'laboratory')))
  eng = await mk('eng', 'technician', 'f-eng', 'workshop')
  outsider = await createUser(admin.auth, {
    email: emailAt(`other${RUN}.example.ac.uk`, 'outsider'),
    claims: { institutionId: `other-${RUN}`, role: 'technician' },
  })
})

afterAll(async () => {
  await admin?.close()
})

describe('submitSurveyResponse', () => {
  it('writes a response with no user id and no time finer than the day, plus an unlinkable receipt', async () => {
    const surveyId = await newSurvey()
    const me = sci[0]!
    const out = await send(me, { surveyId, answers: answers() })
    expect(out).toEqual({ status: 'submitted', day: day(0) })
    const [data] = await responsesOf(surveyId)
    const [receipt] = await receiptsOf(surveyId)
    expect(data && receipt).toBeTruthy()
    // Not even the day: the answer carries no time at all (tests/integration/surveys-anonymity.test.ts).
    expect(Object.keys(data!).sort()).toEqual(['answers', 'group'])
    const blob = JSON.stringify(data) + JSON.stringify(receipt!.data()) + receipt!.id
    for (const secret of [me.uid, me.email, 'Person sci0']) expect(blob).not.toContain(secret)
    expect(Object.keys(receipt!.data()).sort()).toEqual(['claim', 'editable'])
    expect(receipt!.get('editable')).toBe(false)
    expect(data!.answers).toContainEqual({ questionId: 'q3', value: 1 })
  })

  it('refuses a second submission by the same member', async () => {
    const surveyId = await newSurvey()
    const me = sci[1]!
    await send(me, { surveyId, answers: answers() })
    const again = await submit(me, { surveyId, answers: answers(1) })
    expect(again).toMatchObject({ ok: false, error: { status: 'ALREADY_EXISTS', details: { code: 'already-submitted' } } })
    expect(await responsesOf(surveyId)).toHaveLength(1)
  })

  it('replaces the member’s own response when the survey allows editing', async () => {
    const surveyId = await newSurvey({ allowEdit: true })
    const me = sci[2]!
    const token = answerToken()
    expect(await send(me, { surveyId, token, answers: answers(0) })).toMatchObject({ status: 'submitted' })
    expect(await send(me, { surveyId, token, answers: { ...answers(0), q5: 'changed' } })).toMatchObject({ status: 'replaced' })
    const responses = await responsesOf(surveyId)
    expect(responses).toHaveLength(1)
    expect(responses[0]!.answers).toContainEqual({ questionId: 'q5', value: 'changed' })
  })

  it('applies show-if logic: a shown required question must be answered, a hidden one is dropped', async () => {
    const surveyId = await newSurvey()
    const missing = await submit(sci[3]!, { surveyId, answers: { ...answers(), q1: 'Visibility' } })
    expect(missing).toMatchObject({ ok: false, error: { details: { code: 'invalid', field: 'answers.q8' } } })
    await send(sci[3]!, { surveyId, answers: { ...answers(), q8: 'ignored: q1 is not Visibility' } })
    const [response] = await responsesOf(surveyId)
    expect((response!.answers as { questionId: string }[]).map((a) => a.questionId)).not.toContain('q8')
  })

  it.each([
    ['closed', { status: 'closed' as const }],
    ['a draft', { status: 'draft' as const }],
    ['past its closing date', { closesAt: day(-1), opensAt: day(-10) }],
    ['not yet open', { opensAt: day(2), closesAt: day(10) }],
  ])('refuses answers to a survey that is %s', async (_name, extra) => {
    const surveyId = await newSurvey(extra)
    const out = await submit(sci[4]!, { surveyId, answers: answers() })
    expect(out).toMatchObject({ ok: false, error: { status: 'FAILED_PRECONDITION', details: { code: 'closed' } } })
    expect(await responsesOf(surveyId)).toHaveLength(0)
  })

  it('refuses members outside the survey’s audience', async () => {
    const surveyId = await newSurvey({ audience: { facultyIds: ['f-eng'], roleFamilies: [] } })
    expect(await submit(sci[0]!, { surveyId, answers: answers() })).toMatchObject({ ok: false, error: { details: { code: 'forbidden' } } })
    await send(eng, { surveyId, answers: answers() })
  })

  it('cannot reach another institution’s survey, nor answer signed out', async () => {
    const surveyId = await newSurvey()
    expect(await submit(outsider, { surveyId, answers: answers() })).toMatchObject({ ok: false, error: { details: { code: 'not-found' } } })
    expect(await submit(null, { surveyId, answers: answers() })).toMatchObject({ ok: false, error: { status: 'UNAUTHENTICATED' } })
  })

  describe('bad input gets a clear error and writes nothing', () => {
    let surveyId = ''
    beforeAll(async () => {
      surveyId = await newSurvey()
    })
    it.each([
      ['a wrong type', { q3: 'five' }, 'invalid', 'answers.q3'],
      ['an out-of-range rating', { q4: 11 }, 'invalid', 'answers.q4'],
      ['a fractional likert point', { q3: 2.5 }, 'invalid', 'answers.q3'],
      ['an option not listed', { q1: 'Sustainability' }, 'invalid', 'answers.q1'],
      ['a repeated choice', { q2: ['Time', 'Time'] }, 'invalid', 'answers.q2'],
      ['an unknown question id', { q99: 'x' }, 'invalid', 'answers.q99'],
      ['text over 5,000 characters', { q6: 'x'.repeat(5001) }, 'invalid', 'answers.q6'],
      ['a missing required answer', { q1: undefined }, 'invalid', 'answers.q1'],
      ['1 MB of text', { q6: 'x'.repeat(1024 * 1024) }, 'too-large', undefined],
    ])('%s', async (_name, patch, code, field) => {
      const before = await fingerprint()
      const out = await submit(sci[5]!, { surveyId, answers: { ...answers(), ...patch } })
      expect(out.ok).toBe(false)
      if (!out.ok) {
        expect(out.error.details?.code).toBe(code)
        if (field) expect(out.error.details?.field).toBe(field)
        expect(out.error.message.length).toBeGreaterThan(5)
      }
      expect(diff(before, await fingerprint())).toEqual([])
    })
    it.each([
      ['no survey id', { answers: {} }],
      ['answers not an object', { surveyId: 'x', answers: [1] }],
      ['a bad survey id', { surveyId: '../x', answers: {} }],
      ['extra fields', { surveyId: 'x', answers: {}, uid: 'me' }],
    ])('refuses %s', async (_name, data) => {
      expect(await submit(sci[5]!, data)).toMatchObject({ ok: false, error: { status: 'INVALID_ARGUMENT', details: { code: 'invalid' } } })
    })
  })

  it('retried submissions through the callable: exactly one response and one receipt each', async () => {
    const surveyId = await newSurvey()
    const pair = [sci[0]!, eng]
    const outs = await Promise.all(
      pair.flatMap((u, i) => [submit(u, { surveyId, answers: answers(i) }), submit(u, { surveyId, answers: answers(i) })]),
    )
    expect(outs.filter((o) => o.ok)).toHaveLength(2)
    for (const o of outs.filter((x) => !x.ok)) expect(o).toMatchObject({ error: { details: { code: 'already-submitted' } } })
    expect(await responsesOf(surveyId)).toHaveLength(2)
    expect(await receiptsOf(surveyId)).toHaveLength(2)
  })

  it('120 concurrent submissions by 40 members (each three times): exactly 40 responses and 40 receipts', async () => {
    // Straight to the callable's core with firebase-admin: the Functions emulator runs one request
    // per worker process, so 120 parallel HTTP calls would mostly measure worker start-up.
    const surveyId = await newSurvey()
    const uids = Array.from({ length: 40 }, (_, i) => `load-${RUN}-${i}`)
    const batch = admin.db.batch()
    for (const u of uids)
      batch.set(admin.db.doc(`users/${u}/profiles/${u}`), { institutionId: INST, deleted: false, displayName: u, role: 'technician' })
    await batch.commit()
    const t0 = performance.now()
    const outs = await Promise.allSettled(
      uids.flatMap((uid, i) =>
        [0, 1, 2].map(() =>
          submitSurveyResponseCore(
            admin.db,
            { uid, institutionId: INST, role: 'technician' },
            { surveyId, token: answerToken(), anonymous: true, answers: answers(i) },
            { secret: 'test-secret-of-sixteen-chars' },
          ),
        ),
      ),
    )
    const seconds = (performance.now() - t0) / 1000
    console.log(`[surveys] 120 concurrent submissions (40 members) in ${seconds.toFixed(2)} s`)
    expect(outs.filter((o) => o.status === 'fulfilled')).toHaveLength(40)
    for (const o of outs)
      if (o.status === 'rejected') expect((o.reason as { details?: { code?: string } }).details?.code).toBe('already-submitted')
    expect(await responsesOf(surveyId)).toHaveLength(40)
    expect(await receiptsOf(surveyId)).toHaveLength(40)
  })
})

describe('surveyResults', () => {
  it('is for leads and champions only', async () => {
    const surveyId = await newSurvey()
    expect(await results(sci[0]!, { surveyId })).toMatchObject({ ok: false, error: { details: { code: 'forbidden' } } })
    expect((await results(champion, { surveyId })).ok).toBe(true)
  })

  it('withholds everything under 5 responses', async () => {
    const surveyId = await newSurvey()
    for (const u of sci.slice(0, 4)) await send(u, { surveyId, answers: answers() })
    await close(surveyId)
    const out = await callOk<Record<string, unknown>>('surveyResults', { surveyId }, lead.idToken)
    expect(out).toMatchObject({ responseCount: 0, waiting: 4, withheld: true, questions: [], minResponses: 5 })
  })

  it('aggregates at 5 or more: counts, distributions, texts; no per-person rows', async () => {
    const surveyId = await newSurvey()
    for (const [i, u] of sci.slice(0, 5).entries()) await send(u, { surveyId, answers: answers(i) })
    await close(surveyId)
    const out = await callOk<{ withheld: boolean; responseCount: number; audienceSize: number; questions: Record<string, unknown>[] }>(
      'surveyResults',
      { surveyId },
      lead.idToken,
    )
    expect(out.withheld).toBe(false)
    expect(out.responseCount).toBe(5)
    expect(out.audienceSize).toBeGreaterThanOrEqual(12)
    const q = (id: string) => out.questions.find((x) => x.questionId === id)!
    expect(q('q1').options).toEqual([
      { option: 'Visibility', count: 0 },
      { option: 'Recognition', count: 5 },
      { option: 'Career', count: 0 },
    ])
    expect(q('q3').distribution).toEqual([1, 1, 1, 1, 1])
    expect(q('q4')).toMatchObject({ answered: 5, mean: 2 })
    expect(q('q5').texts).toHaveLength(5)
    expect(q('q7').meanRank).toEqual([
      { option: 'Training', count: 5, meanRank: 2 },
      { option: 'Mentoring', count: 5, meanRank: 1 },
      { option: 'Funding', count: 0, meanRank: 0 },
    ])
    // Withheld: no figures and no exact count ("fewer than 5").
    expect(q('q8')).toMatchObject({ answered: null, withheld: true })
    expect(JSON.stringify(out)).not.toContain(sci[0]!.uid)
  })

  it('breaks down by faculty only where cells hold 5 or more, hiding a cell that subtraction would reveal', async () => {
    const big = await newSurvey()
    for (const [i, u] of sci.slice(0, 5).entries()) await send(u, { surveyId: big, answers: answers(i) })
    await close(big)
    const shown = await callOk<{ breakdown: { cells: { key: string; withheld: boolean; responseCount: number | null }[] } }>(
      'surveyResults',
      { surveyId: big, by: 'faculty' },
      lead.idToken,
    )
    expect(shown.breakdown.cells).toEqual([expect.objectContaining({ key: 'f-sci', withheld: false, responseCount: 5 })])

    const mixed = await newSurvey()
    for (const [i, u] of [...sci, eng].entries()) await send(u, { surveyId: mixed, answers: answers(i) })
    await close(mixed)
    const out = await callOk<{
      breakdown: { cells: { key: string; withheld: boolean; responseCount: number | null; questions: unknown[] }[] }
    }>('surveyResults', { surveyId: mixed, by: 'faculty' }, lead.idToken)
    // The lone f-eng respondent's faculty is not even stored (a group under 5), so they fall in
    // "unspecified" (1, withheld); f-sci (9) is withheld too, or total − 9 would reveal them.
    expect(out.breakdown.cells.map((c) => [c.key, c.withheld, c.responseCount])).toEqual([
      ['f-sci', true, null],
      ['unspecified', true, null],
    ])
    const stored = (await responsesOf(mixed)).map((d) => d.group as Record<string, string>)
    expect(stored.filter((g) => g.facultyId === 'f-eng')).toHaveLength(0)
    expect(stored.filter((g) => g.facultyId === 'f-sci' && g.roleFamily === 'laboratory')).toHaveLength(9)
  })

  it('refuses bad input and unknown surveys', async () => {
    expect(await results(lead, { surveyId: 'x', by: 'email' })).toMatchObject({
      ok: false,
      error: { details: { code: 'invalid', field: 'by' } },
    })
    expect(await results(lead, { surveyId: `missing-${RUN}` })).toMatchObject({ ok: false, error: { details: { code: 'not-found' } } })
  })
})

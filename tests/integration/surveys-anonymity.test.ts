/**
 * Anonymous means anonymous, tried as an insider would on the emulators (issue 11, items 6–8):
 * someone with the whole database AND the server's HMAC secret tries to join responses to their
 * receipts by commit time, ids and fields; an organiser tries to flip an open survey to named;
 * a lead tries to difference results between one more respondent.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { DocumentSnapshot, Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Survey } from '@/domain/entities'
import { claimOf } from '../../functions/src/surveys/submit'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { docId, mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'
import { createSurvey, surveyDoc } from './helpers/surveys'
import { wordsIn } from '../support/errors'

// Refusals are problems (codes); assertions read them in the English a person sees.
const en = await wordsIn('en')

const INST = `anon-${RUN}`
const DOMAIN = `anon${RUN}.example.ac.uk`
/** The Functions emulator's secret (functions/src/surveys/submit.ts): the attacker has it. */
const SECRET = 'emulator-only-survey-secret-not-for-production'
let admin: Admin
let lead: TestUser
let techs: TestUser[]

const questions: Survey['questions'] = [
  { id: 'q1', type: 'single', prompt: 'Which theme?', required: true, options: ['Visibility', 'Recognition'] },
  { id: 'q2', type: 'likert', prompt: 'I feel valued', required: false },
  { id: 'q3', type: 'short', prompt: 'Anything else?', required: false },
]
const newSurvey = (extra: Partial<Survey> = {}) => createSurvey(lead, { questions, ...extra })

const token = () => randomBytes(32).toString('base64url')
const answers = (i: number) => ({
  q1: i % 3 ? 'Recognition' : 'Visibility',
  q2: 1 + (i % 5),
  ...(i === 0 ? { q3: 'only one person wrote this' } : {}),
})
const submit = (u: TestUser, data: Record<string, unknown>) =>
  call<{ status: string; day: string }>('submitSurveyResponse', { anonymous: true, ...data }, u.idToken)
const results = (data: unknown) =>
  callOk<
    Record<string, unknown> & {
      responseCount: number
      waiting: number
      questions: { questionId: string; answered: number | null; withheld: boolean }[]
    }
  >('surveyResults', data, lead.idToken)

/** Everything an answer is stored as: counted responses and entries waiting in the pool, with the times Firestore keeps. */
async function storedAnswers(surveyId: string) {
  const base = `institutions/${INST}/surveys/${surveyId}`
  const out: { id: string; data: Record<string, unknown>; times: number[] }[] = []
  const ms = (t: Timestamp | undefined) => (t ? t.seconds * 1000 + t.nanoseconds / 1e6 : NaN)
  const timesOf = (d: DocumentSnapshot) => [ms(d.createTime), ms(d.updateTime)]
  for (const d of (await admin.db.collection(`${base}/responses`).get()).docs) out.push({ id: d.id, data: d.data(), times: timesOf(d) })
  // Whatever else sits under the survey (a pool, a queue …): each entry carries its document's times.
  for (const col of await admin.db.doc(base).listCollections()) {
    if (['responses', 'receipts', 'themes'].includes(col.id)) continue
    for (const d of (await col.get()).docs) {
      for (const [key, value] of Object.entries((d.get('e') ?? {}) as Record<string, Record<string, unknown>>))
        out.push({ id: key, data: value, times: timesOf(d) })
    }
  }
  const receipts = (await admin.db.collection(`${base}/receipts`).get()).docs.map((d) => ({ id: d.id, data: d.data(), times: timesOf(d) }))
  return { answers: out, receipts }
}

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN] })
  lead = await createMember(admin, INST, emailAt(DOMAIN, 'lead'), 'lead', { displayName: 'Lead Person' })
  techs = []
  for (let i = 0; i < 16; i++)
    techs.push(
      await createMember(admin, INST, emailAt(DOMAIN, `t${i}`), 'technician', {
        displayName: `Tech ${i}`,
        facultyId: 'f-sci',
        roleFamily: 'laboratory',
      }),
    )
}, 180_000)

afterAll(async () => {
  await admin?.close()
})

describe('item 6: the database plus the HMAC secret cannot join an answer to its author', () => {
  it('no shared or nearest commit time, no shared id or field, no time on an answer', async () => {
    const surveyId = await newSurvey({ allowEdit: true })
    const tokens = techs.slice(0, 11).map(() => token())
    for (const [i, u] of techs.slice(0, 11).entries())
      expect((await submit(u, { surveyId, token: tokens[i], answers: answers(i) })).ok).toBe(true)
    const { answers: stored, receipts } = await storedAnswers(surveyId)
    expect(receipts).toHaveLength(11)
    expect(stored.length).toBeGreaterThanOrEqual(11)

    // 1. The attacker maps every member to their receipt with the secret (this much is expected:
    //    it says who answered, not what).
    const receiptOf = new Map(
      techs.slice(0, 11).map((u) => [u.uid, createHmac('sha256', SECRET).update(`receipt:${INST}:${surveyId}:${u.uid}`).digest('hex')]),
    )
    expect(receipts.map((r) => r.id).sort()).toEqual([...receiptOf.values()].sort())

    // 2. Ids: no answer id is a keyed hash of a member (any purpose), nor a receipt id.
    const hmacs = techs.flatMap((u) =>
      ['response', 'receipt', 'answer'].map((p) => createHmac('sha256', SECRET).update(`${p}:${INST}:${surveyId}:${u.uid}`).digest('hex')),
    )
    for (const a of stored) expect(hmacs).not.toContain(a.id)

    // 3. Fields: nothing a receipt holds appears in an answer; no client id or time is stored.
    const blobOfAnswers = JSON.stringify(stored)
    for (const r of receipts) for (const v of Object.values(r.data)) if (typeof v === 'string') expect(blobOfAnswers).not.toContain(v)
    const everything = blobOfAnswers + JSON.stringify(receipts)
    for (const t of tokens) expect(everything).not.toContain(t)
    for (const u of techs) expect(everything).not.toContain(u.uid)
    for (const a of stored) {
      expect(Object.keys(a.data).sort()).toEqual(['answers', 'group'])
      expect(JSON.stringify(a.data)).not.toMatch(/\d{4}-\d{2}-\d{2}|1[6-9]\d{11}/)
    }

    // 4. Commit times: no answer carries a receipt's exact time, and for every receipt the answers
    //    nearest in time are a group of at least 5 that share one time (no single answer to pick).
    const answerTimes = new Set(stored.flatMap((a) => a.times))
    for (const r of receipts) for (const t of r.times) expect(answerTimes.has(t), `receipt time ${t} shared by an answer`).toBe(false)
    for (const r of receipts) {
      const created = r.times[0]!
      const after = stored.map((a) => Math.min(...a.times.filter((t) => t >= created))).filter(Number.isFinite)
      const nearest = Math.min(...after)
      const candidates = stored.filter((a) => a.times.includes(nearest))
      expect(candidates.length, `answers nearest to a receipt of ${created}`).toBeGreaterThanOrEqual(5)
    }
  })

  it('a retry is idempotent without storing anything linkable: same token → one answer; another phone → refused; a stopped first attempt is completed', async () => {
    const surveyId = await newSurvey()
    const me = techs[0]!
    const t = token()
    const outs = await Promise.all([0, 1, 2].map(() => submit(me, { surveyId, token: t, answers: answers(1) })))
    expect(outs.map((o) => o.ok && o.data.status)).toEqual(['submitted', 'submitted', 'submitted'])
    expect(await submit(me, { surveyId, token: token(), answers: answers(1) })).toMatchObject({
      ok: false,
      error: { details: { code: 'already-submitted' } },
    })
    const { answers: stored, receipts } = await storedAnswers(surveyId)
    expect([stored.length, receipts.length]).toEqual([1, 1])

    // The first attempt wrote its receipt and stopped before the answer: the retry stores it.
    const other = techs[1]!
    const t2 = token()
    await admin.db
      .doc(
        `institutions/${INST}/surveys/${surveyId}/receipts/${createHmac('sha256', SECRET).update(`receipt:${INST}:${surveyId}:${other.uid}`).digest('hex')}`,
      )
      .create({ editable: false, claim: claimOf(t2) })
    expect(await submit(other, { surveyId, token: t2, answers: answers(2) })).toMatchObject({ ok: true, data: { status: 'submitted' } })
    expect((await storedAnswers(surveyId)).answers).toHaveLength(2)
  })

  it('an edit (where allowed) needs the phone’s token and replaces, never adds', async () => {
    const surveyId = await newSurvey({ allowEdit: true })
    const me = techs[2]!
    const t = token()
    expect(await submit(me, { surveyId, token: t, answers: answers(0) })).toMatchObject({ ok: true, data: { status: 'submitted' } })
    expect(await submit(me, { surveyId, token: t, answers: { ...answers(0), q3: 'changed my mind' } })).toMatchObject({
      ok: true,
      data: { status: 'replaced' },
    })
    expect(await submit(me, { surveyId, token: token(), answers: answers(0) })).toMatchObject({
      ok: false,
      error: { details: { code: 'already-submitted' } },
    })
    const { answers: stored } = await storedAnswers(surveyId)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.data.answers).toContainEqual({ questionId: 'q3', value: 'changed my mind' })
  })
})

describe('item 7: anonymity is fixed once a survey opens', () => {
  it('an organiser cannot flip an open (or closed) survey between anonymous and named; a draft can', async () => {
    const id = docId('survey')
    expect(
      (await pushOne(lead, mutation('surveys', id, 'put', surveyDoc({ questions, createdByUid: lead.uid, status: 'draft' })))).status,
    ).toBe('applied')
    expect((await pushOne(lead, mutation('surveys', id, 'patch', { anonymous: false }))).status).toBe('applied')
    expect((await pushOne(lead, mutation('surveys', id, 'patch', { anonymous: true, status: 'open' }))).status).toBe('applied')
    expect(await pushOne(lead, mutation('surveys', id, 'patch', { anonymous: false }))).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      field: 'anonymous',
    })
    expect(await pushOne(lead, mutation('surveys', id, 'patch', { status: 'draft' }))).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      field: 'status',
    })
    expect((await pushOne(lead, mutation('surveys', id, 'patch', { status: 'closed' }))).status).toBe('applied')
    expect(await pushOne(lead, mutation('surveys', id, 'patch', { anonymous: false, status: 'open' }))).toMatchObject({
      status: 'rejected',
      field: 'anonymous',
    })
    const stored = await admin.db.doc(`institutions/${INST}/surveys/${id}`).get()
    expect([stored.get('anonymous'), stored.get('status')]).toEqual([true, 'closed'])
  })

  it('the answer carries the mode the person saw; a mismatch is refused with a typed error and nothing is stored', async () => {
    const named = await newSurvey({ anonymous: false })
    const out = await submit(techs[3]!, { surveyId: named, token: token(), anonymous: true, answers: answers(0) })
    expect(out).toMatchObject({ ok: false, error: { status: 'FAILED_PRECONDITION', details: { code: 'mode-changed', anonymous: false } } })
    if (!out.ok) expect(en(out.error.details?.problem as string)).toMatch(/records your name/)
    expect(await submit(techs[3]!, { surveyId: named, token: token(), answers: answers(0) })).toMatchObject({
      ok: false,
      error: { details: { code: 'mode-changed' } },
    })
    const { answers: stored, receipts } = await storedAnswers(named)
    expect([stored.length, receipts.length]).toEqual([0, 0])
    expect(await submit(techs[3]!, { surveyId: named, token: token(), anonymous: false, answers: answers(0) })).toMatchObject({ ok: true })
    expect(await submit(techs[4]!, { surveyId: named, token: token(), answers: answers(0), anonymous: undefined })).toMatchObject({
      ok: false,
      error: { details: { code: 'invalid', field: 'anonymous' } },
    })
  })
})

describe('item 8: results cannot be differenced', () => {
  it('one more respondent never changes the results; they move in groups of five; a withheld question gives no exact count', async () => {
    const surveyId = await newSurvey()
    const seen: Awaited<ReturnType<typeof results>>[] = []
    for (const [i, u] of techs.slice(0, 16).entries()) {
      expect((await submit(u, { surveyId, token: token(), answers: answers(i) })).ok).toBe(true)
      seen.push(await results({ surveyId }))
    }
    const counted = seen.map((r) => r.responseCount)
    // While open: five always wait; groups of five are let out when ten wait.
    expect(counted).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 10, 10])
    expect(seen.map((r) => r.responseCount + r.waiting)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1))
    // Between one respondent and the next, the figures are identical unless a whole group arrived.
    for (let i = 1; i < seen.length; i++) {
      if (counted[i] === counted[i - 1]) expect(seen[i]!.questions, `results after respondent ${i + 1}`).toEqual(seen[i - 1]!.questions)
    }
    // q3 was answered by one person: withheld, and its count is not given.
    const q3 = seen.at(-1)!.questions.find((q) => q.questionId === 'q3')!
    expect(q3).toMatchObject({ withheld: true, answered: null })
    expect(JSON.stringify(seen.at(-1))).not.toContain('only one person wrote this')
  })

  it('once closed, every complete group counts and the remainder under five never shows', async () => {
    const surveyId = await newSurvey()
    for (const [i, u] of techs.slice(0, 12).entries())
      expect((await submit(u, { surveyId, token: token(), answers: answers(i) })).ok).toBe(true)
    expect((await results({ surveyId })).responseCount).toBe(5)
    expect((await pushOne(lead, mutation('surveys', surveyId, 'patch', { status: 'closed' }))).status).toBe('applied')
    const closed = await results({ surveyId })
    expect([closed.responseCount, closed.waiting]).toEqual([10, 2])
    const texts = await callOk<{ responseCount: number; questions: { answered: number | null }[] }>(
      'surveyTexts',
      { surveyId },
      lead.idToken,
    )
    expect(texts.responseCount).toBe(10)
    expect(texts.questions[0]!.answered).toBeNull()
  })
})

/**
 * The survey callables beyond the basics (tests/integration/surveys.test.ts), on the emulators:
 * retried submissions by submission id, free texts with search, theme tagging, the CSV export,
 * and a lead turning a theme into an action-plan idea that links back to the survey.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Survey } from '@/domain/entities'
import type { SurveyExport, SurveyTexts, SurveyTheme } from '@/survey-engine/types'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { diff, fingerprint } from './helpers/fingerprint'
import { docId, mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { answerToken, createSurvey, storedResponses } from './helpers/surveys'
import { emailAt, type TestUser } from './helpers/users'

const INST = `surveys-results-${RUN}`
const DOMAIN = `surveysresults${RUN}.example.ac.uk`
let admin: Admin
let lead: TestUser
let champion: TestUser
let techs: TestUser[]

const questions: Survey['questions'] = [
  { id: 'q1', type: 'single', prompt: 'Which theme?', required: true, options: ['Visibility', 'Recognition'] },
  { id: 'q2', type: 'long', prompt: 'What are the barriers?', required: false },
  { id: 'q3', type: 'short', prompt: 'One word', required: false },
]
const BARRIERS = [
  'No time for training',
  'Funding for courses',
  'No time for training',
  'Not known outside the lab',
  'Café rota clashes',
  'Workload peaks in term',
  'Nobody asks us',
  'Kit is old',
  'Rotas change late',
  'Too few of us',
]

const newSurvey = (extra: Partial<Survey> = {}): Promise<string> =>
  createSurvey(lead, { title: 'Barriers, "quoted", and =formulas', questions, ...extra })

/**
 * Answers from the first k technicians (q3 only from two of them: under 5, withheld); `close`
 * closes the survey after, so every complete group of five is counted (functions/src/surveys/pool.ts).
 */
async function answered(surveyId: string, k: number, opts: { close?: boolean } = {}): Promise<void> {
  for (const [i, u] of techs.slice(0, k).entries()) {
    await callOk(
      'submitSurveyResponse',
      {
        surveyId,
        token: answerToken(),
        anonymous: true,
        answers: { q1: i % 2 ? 'Recognition' : 'Visibility', q2: BARRIERS[i], ...(i < 2 ? { q3: 'time' } : {}) },
      },
      u.idToken,
    )
  }
  if (opts.close) expect((await pushOne(lead, mutation('surveys', surveyId, 'patch', { status: 'closed' }))).status).toBe('applied')
}

const texts = (user: TestUser, data: unknown) => call<SurveyTexts>('surveyTexts', data, user.idToken)
const saveTheme = (user: TestUser, data: unknown) => call<{ themes: SurveyTheme[] }>('saveSurveyTheme', data, user.idToken)
/** Every stored answer, counted or still waiting in the mixing pool. */
const responsesOf = (surveyId: string) => storedResponses(admin.db, INST, surveyId)
const receiptsOf = async (surveyId: string) => (await admin.db.collection(`institutions/${INST}/surveys/${surveyId}/receipts`).get()).docs

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, {
    id: INST,
    emailDomains: [DOMAIN],
    faculties: [{ id: 'f-sci', name: 'Faculty of Science', departments: [] }],
  })
  const mk = (name: string, role: 'technician' | 'lead' | 'champion') =>
    createMember(admin, INST, emailAt(DOMAIN, name), role, { displayName: `Person ${name}`, facultyId: 'f-sci', roleFamily: 'laboratory' })
  lead = await mk('lead', 'lead')
  champion = await mk('champion', 'champion')
  techs = await Promise.all(Array.from({ length: 10 }, (_, i) => mk(`tech${i}`, 'technician')))
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

describe('retried submissions (the phone’s queue)', () => {
  it('a retry with the same token gets the first outcome back: one response, one receipt, no error, no token stored', async () => {
    const surveyId = await newSurvey()
    const token = `tok-${RUN}-a-0123456789abcdef`
    const data = { surveyId, token, anonymous: true, answers: { q1: 'Visibility' } }
    const outs = await Promise.all([0, 1, 2].map(() => call<{ status: string }>('submitSurveyResponse', data, techs[0]!.idToken)))
    expect(outs.map((o) => o.ok && o.data.status)).toEqual(['submitted', 'submitted', 'submitted'])
    expect(await callOk('submitSurveyResponse', data, techs[0]!.idToken)).toMatchObject({ status: 'submitted' })
    expect(await responsesOf(surveyId)).toHaveLength(1)
    const receipts = await receiptsOf(surveyId)
    expect(receipts).toHaveLength(1)
    const stored = JSON.stringify(receipts[0]!.data()) + receipts[0]!.id + JSON.stringify(await responsesOf(surveyId))
    expect(stored).not.toContain(techs[0]!.uid)
    expect(stored).not.toContain(token)
  })

  it('another submission by the same member (another phone) is still refused where editing is not allowed', async () => {
    const surveyId = await newSurvey()
    await callOk(
      'submitSurveyResponse',
      { surveyId, token: answerToken(), anonymous: true, answers: { q1: 'Visibility' } },
      techs[1]!.idToken,
    )
    const again = await call(
      'submitSurveyResponse',
      { surveyId, token: answerToken(), anonymous: true, answers: { q1: 'Recognition' } },
      techs[1]!.idToken,
    )
    expect(again).toMatchObject({ ok: false, error: { details: { code: 'already-submitted' } } })
    expect(await responsesOf(surveyId)).toHaveLength(1)
  })

  it('where editing is allowed, a changed answer replaces the first and its retry is idempotent', async () => {
    const surveyId = await newSurvey({ allowEdit: true })
    const me = techs[2]!
    const token = answerToken()
    await callOk('submitSurveyResponse', { surveyId, token, anonymous: true, answers: { q1: 'Visibility' } }, me.idToken)
    const change = { surveyId, token, anonymous: true, answers: { q1: 'Recognition' } }
    expect(await callOk('submitSurveyResponse', change, me.idToken)).toMatchObject({ status: 'replaced' })
    expect(await callOk('submitSurveyResponse', change, me.idToken)).toMatchObject({ status: 'submitted' })
    const responses = await responsesOf(surveyId)
    expect(responses).toHaveLength(1)
    expect(responses[0]!.answers).toEqual([{ questionId: 'q1', value: 'Recognition' }])
    expect(await receiptsOf(surveyId)).toHaveLength(1)
  })

  it('refuses a malformed token and writes nothing', async () => {
    const surveyId = await newSurvey()
    const before = await fingerprint()
    const out = await call(
      'submitSurveyResponse',
      { surveyId, token: '../x', anonymous: true, answers: { q1: 'Visibility' } },
      techs[3]!.idToken,
    )
    expect(out).toMatchObject({ ok: false, error: { details: { code: 'invalid', field: 'token' } } })
    expect(diff(before, await fingerprint())).toEqual([])
  })
})

describe('surveyTexts', () => {
  it('is for organisers only, and withholds every text under 5 respondents', async () => {
    const surveyId = await newSurvey()
    await answered(surveyId, 4, { close: true })
    expect(await texts(techs[0]!, { surveyId })).toMatchObject({ ok: false, error: { details: { code: 'forbidden' } } })
    const out = await callOk<SurveyTexts>('surveyTexts', { surveyId }, champion.idToken)
    expect(out).toMatchObject({ responseCount: 0, withheld: true, entries: [], themes: [] })
  })

  it('lists distinct texts with counts and content keys; per question under 5 stays withheld; search ignores case and accents', async () => {
    const surveyId = await newSurvey()
    await answered(surveyId, 10, { close: true })
    const out = await callOk<SurveyTexts>('surveyTexts', { surveyId }, lead.idToken)
    expect(out.withheld).toBe(false)
    expect(out.questions).toEqual([
      { questionId: 'q2', prompt: 'What are the barriers?', answered: 10, withheld: false },
      { questionId: 'q3', prompt: 'One word', answered: null, withheld: true },
    ])
    expect(out.entries.find((e) => e.text === 'No time for training')).toMatchObject({ count: 2, questionId: 'q2' })
    expect(out.entries.some((e) => e.questionId === 'q3')).toBe(false)
    expect(JSON.stringify(out)).not.toMatch(new RegExp(techs.map((t) => t.uid).join('|')))
    const found = await callOk<SurveyTexts>('surveyTexts', { surveyId, q: 'CAFE rota' }, lead.idToken)
    expect(found.entries.map((e) => e.text)).toEqual(['Café rota clashes'])
  })

  it('refuses bad input with a typed error', async () => {
    expect(await texts(lead, { surveyId: 'x', q: 5 })).toMatchObject({ ok: false, error: { details: { code: 'invalid', field: 'q' } } })
    expect(await texts(lead, { surveyId: `missing-${RUN}` })).toMatchObject({ ok: false, error: { details: { code: 'not-found' } } })
    expect(await texts(lead, [])).toMatchObject({ ok: false, error: { details: { code: 'invalid' } } })
  })
})

describe('themes and ideas', () => {
  let surveyId = ''
  let timeKey = ''
  beforeAll(async () => {
    surveyId = await newSurvey()
    await answered(surveyId, 10, { close: true })
    timeKey = (await callOk<SurveyTexts>('surveyTexts', { surveyId }, lead.idToken)).entries.find(
      (e) => e.text === 'No time for training',
    )!.key
  })

  it('a lead tags answers with a theme; the theme lists with the texts and filters them', async () => {
    const out = await callOk<{ themes: SurveyTheme[] }>(
      'saveSurveyTheme',
      { surveyId, theme: { id: 'theme-time', name: 'Time', keys: [timeKey, timeKey] } },
      lead.idToken,
    )
    expect(out.themes).toEqual([{ id: 'theme-time', name: 'Time', keys: [timeKey] }])
    const listed = await callOk<SurveyTexts>('surveyTexts', { surveyId, themeId: 'theme-time' }, champion.idToken)
    expect(listed.themes).toEqual(out.themes)
    expect(listed.entries.map((e) => e.text)).toEqual(['No time for training'])
    const stored = (await admin.db.collection(`institutions/${INST}/surveys/${surveyId}/themes`).get()).docs.map((d) =>
      JSON.stringify(d.data()),
    )
    expect(stored.join()).not.toContain(lead.uid)
  })

  it('refuses unknown answers, technicians, surveys under 5, and bad shapes — writing nothing', async () => {
    const small = await newSurvey()
    await answered(small, 3)
    const before = await fingerprint()
    expect(await saveTheme(lead, { surveyId, theme: { id: 't2', name: 'X', keys: ['f'.repeat(64)] } })).toMatchObject({
      ok: false,
      error: { details: { code: 'invalid', field: 'theme.keys.0' } },
    })
    expect(await saveTheme(lead, { surveyId, theme: { id: 't2', name: 'X', keys: ['nothex'] } })).toMatchObject({
      ok: false,
      error: { details: { code: 'invalid' } },
    })
    expect(await saveTheme(lead, { surveyId, theme: { id: 't2', name: '  ', keys: [] } })).toMatchObject({
      ok: false,
      error: { details: { code: 'invalid', field: 'theme.name' } },
    })
    expect(await saveTheme(lead, { surveyId })).toMatchObject({ ok: false, error: { details: { code: 'invalid' } } })
    expect(await saveTheme(techs[0]!, { surveyId, theme: { id: 't2', name: 'X', keys: [] } })).toMatchObject({
      ok: false,
      error: { details: { code: 'forbidden' } },
    })
    expect(await saveTheme(lead, { surveyId: small, theme: { id: 't2', name: 'X', keys: [] } })).toMatchObject({
      ok: false,
      error: { details: { code: 'forbidden' } },
    })
    expect(diff(before, await fingerprint())).toEqual([])
  })

  it('a lead turns the theme into an idea that links back to the survey; the theme records it', async () => {
    const ideaId = docId('idea')
    const idea = {
      authorUid: lead.uid,
      title: 'Time',
      body: 'From the survey: 2 answers tagged Time',
      status: 'open',
      surveyId,
      createdAt: Date.now(),
    }
    expect((await pushOne(lead, mutation('ideas', ideaId, 'put', idea))).status).toBe('applied')
    const out = await callOk<{ themes: SurveyTheme[] }>(
      'saveSurveyTheme',
      { surveyId, theme: { id: 'theme-time', name: 'Time', keys: [timeKey], ideaId } },
      lead.idToken,
    )
    expect(out.themes[0]).toMatchObject({ ideaId })
    expect((await admin.db.doc(`institutions/${INST}/ideas/${ideaId}`).get()).get('surveyId')).toBe(surveyId)
    // A technician cannot pass their own idea off as survey evidence.
    const r = await pushOne(techs[0]!, mutation('ideas', docId('idea'), 'put', { ...idea, authorUid: techs[0]!.uid }))
    expect(r).toMatchObject({ status: 'rejected', code: 'forbidden' })
  })

  it('deletes a theme', async () => {
    await callOk('saveSurveyTheme', { surveyId, theme: { id: 'theme-gone', name: 'Gone', keys: [] } }, lead.idToken)
    const out = await callOk<{ themes: SurveyTheme[] }>('saveSurveyTheme', { surveyId, deleteThemeId: 'theme-gone' }, lead.idToken)
    expect(out.themes.map((t) => t.id)).not.toContain('theme-gone')
  })
})

describe('surveyExport', () => {
  it('gives aggregates, texts with themes and breakdown counts as CSV — no respondent ids', async () => {
    const surveyId = await newSurvey()
    await answered(surveyId, 5, { close: true })
    const out = await callOk<SurveyExport>('surveyExport', { surveyId }, lead.idToken)
    expect(out.filename).toMatch(/^barriers-quoted-and-formulas-results-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = out.csv.split('\r\n')
    expect(lines[0]).toBe('Section,Question,Answer,Count,Note')
    expect(lines[1]).toMatch(/^Summary,"Barriers, ""quoted"", and =formulas",Responses,5,/)
    expect(lines).toContain('Question,Which theme?,Visibility,3,')
    expect(lines).toContain('Free text,What are the barriers?,No time for training,2,')
    expect(lines).toContain('Question,One word,,,Withheld: fewer than 5 answers')
    expect(lines).toContain('By faculty,,Faculty of Science,5,')
    expect(out.csv).not.toMatch(new RegExp(techs.map((t) => t.uid).join('|')))
  })

  it('says only "withheld" under 5, and is for organisers only', async () => {
    const surveyId = await newSurvey()
    await answered(surveyId, 2)
    const out = await callOk<SurveyExport>('surveyExport', { surveyId }, champion.idToken)
    expect(out.csv.trim().split('\r\n')).toHaveLength(3)
    expect(out.csv).toContain('Withheld: fewer than 5 responses so far')
    expect(await call('surveyExport', { surveyId }, techs[0]!.idToken)).toMatchObject({
      ok: false,
      error: { details: { code: 'forbidden' } },
    })
    expect(await call('surveyExport', { surveyId, extra: 1 }, lead.idToken)).toMatchObject({
      ok: false,
      error: { details: { code: 'invalid' } },
    })
  })
})

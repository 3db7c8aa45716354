/**
 * `surveyAnswered` on the Functions emulator: a member's other phone learns, before filling the
 * survey in, that they have answered it — and a member learns only about themself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { createMember, seedInstitution } from './helpers/seed'
import { answerToken, createSurvey } from './helpers/surveys'
import { createUser, emailAt, type TestUser } from './helpers/users'

const INST = `answered-${RUN}`
const DOMAIN = `answered${RUN}.example.ac.uk`
let admin: Admin
let lead: TestUser
let alex: TestUser
let sam: TestUser
let outsider: TestUser

/** A workshop pulse: one required single-choice question, anonymous, open now. */
const newSurvey = (): Promise<string> =>
  createSurvey(lead, {
    title: 'Workshop pulse',
    questions: [{ id: 'q1', type: 'single', prompt: 'Which theme?', required: true, options: ['Visibility', 'Recognition'] }],
  })

const answered = (user: TestUser, data: unknown) => call<{ answered: boolean }>('surveyAnswered', data, user.idToken)

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN] })
  const mk = (name: string, role: 'technician' | 'lead') =>
    createMember(admin, INST, emailAt(DOMAIN, name), role, { displayName: `Person ${name}` })
  lead = await mk('lead', 'lead')
  alex = await mk('alex', 'technician')
  sam = await mk('sam', 'technician')
  outsider = await createUser(admin.auth, {
    email: emailAt(`other${RUN}.example.ac.uk`, 'outsider'),
    claims: { institutionId: `other-${RUN}`, role: 'technician' },
  })
})

afterAll(async () => {
  await admin?.close()
})

describe('surveyAnswered', () => {
  it('tells a member they have answered, from any device, and tells others only about themselves', async () => {
    const surveyId = await newSurvey()
    expect(await callOk('surveyAnswered', { surveyId }, alex.idToken)).toEqual({ answered: false })

    await callOk('submitSurveyResponse', { surveyId, token: answerToken(), anonymous: true, answers: { q1: 'Visibility' } }, alex.idToken)

    // Alex's other phone (no token of its own) learns it; Sam and the lead learn nothing about Alex.
    expect(await callOk('surveyAnswered', { surveyId }, alex.idToken)).toEqual({ answered: true })
    expect(await callOk('surveyAnswered', { surveyId }, sam.idToken)).toEqual({ answered: false })
    expect(await callOk('surveyAnswered', { surveyId }, lead.idToken)).toEqual({ answered: false })
  })

  it('cannot be asked about someone else: any field beyond surveyId is refused', async () => {
    const surveyId = await newSurvey()
    await callOk('submitSurveyResponse', { surveyId, token: answerToken(), anonymous: true, answers: { q1: 'Recognition' } }, alex.idToken)
    const asked = await answered(sam, { surveyId, uid: alex.uid })
    expect(asked).toMatchObject({ ok: false, error: { details: { code: 'invalid' } } })
  })

  it('says nothing about another institution’s survey', async () => {
    const surveyId = await newSurvey()
    expect(await answered(outsider, { surveyId })).toMatchObject({ ok: false, error: { details: { code: 'not-found' } } })
    expect(await call('surveyAnswered', { surveyId }, null)).toMatchObject({ ok: false })
  })
})

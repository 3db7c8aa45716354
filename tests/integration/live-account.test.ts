/**
 * A deleted or disabled account's other device keeps a valid ID token for up to an hour. The
 * callables that read institution reports or survey answers refuse it, as the ones that write do
 * (syncPush, evidence, surveys: see account-devices.test.ts and evidence.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { call } from './helpers/callable'
import { RUN } from './helpers/env'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `live-${RUN}`
const DOMAIN = `live${RUN}.example.ac.uk`
const REPORTS = [
  ['institutionStats', {}],
  ['cpdStats', {}],
  ['surveyResults', { surveyId: 'any-survey' }],
  ['surveyTexts', { surveyId: 'any-survey' }],
  ['surveyExport', { surveyId: 'any-survey' }],
  ['saveSurveyTheme', { surveyId: 'any-survey', questionId: 'q1', answerId: 'a1', theme: 'Visibility' }],
] as const
let admin: Admin
let lead: TestUser
let gone: TestUser
let disabled: TestUser

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST })
  lead = await createMember(admin, INST, emailAt(DOMAIN, 'lead'), 'lead')
  gone = await createMember(admin, INST, emailAt(DOMAIN, 'gone'), 'lead')
  disabled = await createMember(admin, INST, emailAt(DOMAIN, 'disabled'), 'lead')
  await admin.auth.deleteUser(gone.uid)
  await admin.auth.updateUser(disabled.uid, { disabled: true })
})

describe('report callables and an ended account', () => {
  it('answer a live lead', async () => {
    expect(await call('institutionStats', {}, lead.idToken)).toMatchObject({ ok: true })
    expect(await call('cpdStats', {}, lead.idToken)).toMatchObject({ ok: true })
  })

  it.each(REPORTS)('%s refuses a deleted account’s and a disabled account’s still-valid tokens', async (name, data) => {
    expect(await call(name, data, gone.idToken)).toMatchObject({
      ok: false,
      error: { status: 'UNAUTHENTICATED', details: { reason: 'account-deleted' } },
    })
    expect(await call(name, data, disabled.idToken)).toMatchObject({
      ok: false,
      error: { status: 'UNAUTHENTICATED', details: { reason: 'account-disabled' } },
    })
  })
})

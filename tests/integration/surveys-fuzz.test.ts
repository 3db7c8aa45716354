/**
 * Generated bad input for the organisers' survey callables (surveyTexts, saveSurveyTheme,
 * surveyExport), as tests/integration/fuzz.test.ts does for the others: FUZZ_RUNS payloads each
 * (fast-check, fixed seeds) over HTTP; every one must come back as a typed error and the database
 * must be exactly as before.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { callOk } from './helpers/callable'
import {
  extraKey,
  fuzz,
  fuzzInstitution,
  huge as hugeOf,
  junk,
  notAPlainObject,
  notAString,
  RUNS,
  SEED as FUZZ_SEED,
  typedError,
} from './helpers/fuzz'
import { mutation, pushOne } from './helpers/push'
import { createMember } from './helpers/seed'
import { answerToken } from './helpers/surveys'
import { emailAt, type TestUser } from './helpers/users'

const SEED = FUZZ_SEED + 60

let admin: Admin
let lead: TestUser
let surveyId = ''

beforeAll(async () => {
  admin = adminApp()
  const made = await fuzzInstitution(admin, 'surveys-fuzz', {
    title: 'Fuzz',
    questions: [{ id: 'q1', type: 'long', prompt: 'Say', required: true }],
  })
  ;({ lead, surveyId } = made)
  // Five answers, counted once the survey closes, so a theme can be tagged (and an unknown
  // answer key is the only thing wrong).
  for (let i = 0; i < 5; i++) {
    const u = await createMember(admin, made.inst, emailAt(made.domain, `t${i}`))
    await callOk('submitSurveyResponse', { surveyId, token: answerToken(), anonymous: true, answers: { q1: `Answer ${i}` } }, u.idToken)
  }
  expect((await pushOne(lead, mutation('surveys', surveyId, 'patch', { status: 'closed' }))).status).toBe('applied')
  // The first organiser read after closing lets the group of five out of the mixing pool (a
  // write): done here, so the fuzz's "nothing written" compares against the settled survey.
  expect(await callOk('surveyResults', { surveyId }, lead.idToken)).toMatchObject({ responseCount: 5 })
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

const badId = fc.oneof(notAString, fc.constantFrom('', '../x', 'a/b', 'sp ace', 'x'.repeat(129)))
const huge = hugeOf('x', 'é')
const sid = () => fc.constant(surveyId)

const textsPayload = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    notAPlainObject,
    fc.record({ surveyId: badId }, { requiredKeys: [] }),
    fc.record({
      surveyId: sid(),
      q: fc.oneof(
        notAString.filter((x) => x !== null),
        fc.string({ minLength: 201, maxLength: 260 }).filter((s) => s.trim().length > 200),
        huge,
      ),
    }),
    fc.record({ surveyId: sid(), questionId: badId }),
    fc.record({ surveyId: sid(), themeId: badId }),
    fc
      .tuple(fc.record({ surveyId: sid() }), extraKey(['surveyId', 'q', 'questionId', 'themeId']), junk)
      .map(([a, k, v]) => ({ ...a, [k]: v })),
    fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/) }),
  )

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/)
const badTheme = fc.oneof(
  notAPlainObject,
  fc.record({ id: badId, name: fc.constant('Time'), keys: fc.constant([]) }),
  fc.record({
    id: fc.constant('t1'),
    name: fc.oneof(
      notAString,
      fc.constantFrom('', '   '),
      fc.string({ minLength: 81, maxLength: 120 }).filter((s) => s.trim().length > 80),
    ),
    keys: fc.constant([]),
  }),
  fc.record({
    id: fc.constant('t1'),
    name: fc.constant('Time'),
    keys: fc.oneof(
      notAPlainObject.filter((x) => !Array.isArray(x)),
      fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 3 }),
      fc.array(hex64, { minLength: 1, maxLength: 3 }),
    ),
  }),
  fc.record({ id: fc.constant('t1'), name: fc.constant('Time'), keys: fc.constant([]), ideaId: badId }),
  fc
    .tuple(
      fc.record({ id: fc.constant('t1'), name: fc.constant('Time'), keys: fc.constant([]) }),
      extraKey(['id', 'name', 'keys', 'ideaId']),
      junk,
    )
    .map(([a, k, v]) => ({ ...a, [k]: v })),
)
const themePayload = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    notAPlainObject,
    fc.record({ surveyId: badId, theme: fc.constant({ id: 't1', name: 'Time', keys: [] }) }),
    fc.record({ surveyId: sid(), theme: badTheme }),
    fc.record({ surveyId: sid(), deleteThemeId: badId }),
    // Both a theme and a delete, or neither: refused.
    fc.record({ surveyId: sid(), theme: fc.constant({ id: 't1', name: 'Time', keys: [] }), deleteThemeId: fc.constant('t1') }),
    fc.record({ surveyId: sid() }),
    fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/), theme: fc.constant({ id: 't1', name: 'Time', keys: [] }) }),
    fc
      .tuple(fc.record({ surveyId: sid(), deleteThemeId: fc.constant('t1') }), extraKey(['surveyId', 'theme', 'deleteThemeId']), junk)
      .map(([a, k, v]) => ({ ...a, [k]: v })),
    fc.record({ surveyId: sid(), theme: fc.record({ id: fc.constant('t1'), name: huge, keys: fc.constant([]) }) }),
  )
const exportPayload = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    notAPlainObject,
    fc.record({ surveyId: badId }, { requiredKeys: [] }),
    fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/) }),
    fc.tuple(fc.record({ surveyId: sid() }), extraKey(['surveyId']), junk).map(([a, k, v]) => ({ ...a, [k]: v })),
  )

const organiser = () => lead
const refused = typedError(['invalid', 'not-found'])

describe(`fuzz: ${RUNS} generated bad payloads per organiser survey callable, nothing written`, () => {
  it('surveyTexts', () => fuzz('surveyTexts', textsPayload(), organiser, refused, SEED), 600_000)
  it('saveSurveyTheme', () => fuzz('saveSurveyTheme', themePayload(), organiser, refused, SEED + 1), 600_000)
  it('surveyExport', () => fuzz('surveyExport', exportPayload(), organiser, refused, SEED + 2), 600_000)
})

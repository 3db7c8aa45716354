/**
 * Bad input, generated: for every callable, ≥ 1,000 malformed or oversized payloads (fast-check,
 * fixed seeds) sent over HTTP to the Functions emulator. Each must come back as a typed error
 * (HttpsError with details.code) or, for syncPush, as per-mutation rejections — and the database
 * must be exactly as before: same documents, same update times.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MutationResult, RejectionCode } from '@/domain/sync'
import { adminApp, type Admin } from './helpers/admin'
import { RUN } from './helpers/env'
import {
  fuzz,
  fuzzInstitution,
  huge as hugeOf,
  junk,
  notAPlainObject,
  notAString,
  RUNS,
  SEED,
  typedError,
  type Judge,
} from './helpers/fuzz'
import { createMember } from './helpers/seed'
import { createUser, emailAt, refreshToken, type TestUser } from './helpers/users'

const REJECTION_CODES: RejectionCode[] = ['invalid', 'forbidden', 'not-found', 'conflict', 'too-large']

let admin: Admin
let tech: TestUser
let lead: TestUser
let stranger: TestUser
let surveyId = ''

beforeAll(async () => {
  admin = adminApp()
  const made = await fuzzInstitution(admin, 'fuzz', {
    title: 'Pulse',
    questions: [
      { id: 'q1', type: 'single', prompt: 'Pick one', required: true, options: ['A', 'B'] },
      { id: 'q2', type: 'likert', prompt: 'Agree?', required: false },
      { id: 'q3', type: 'long', prompt: 'Say more', required: false },
    ],
  })
  ;({ lead, surveyId } = made)
  tech = await createMember(admin, made.inst, emailAt(made.domain, 'fuzz'))
  stranger = await createUser(admin.auth, { email: emailAt(`nowhere${RUN}.example.org`, 'stranger') })
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

// ---------- arbitraries ----------

/** About 1 MB of text: over MAX_PAYLOAD_BYTES (900 KiB) and over the survey size cap. */
const huge = hugeOf('x', 'é', '字')

const validCpd = { title: 'Course', startDate: '2026-03-01', hours: 6, type: 'formal', skillIds: [], evidenceIds: [] }
const validPlan = { title: 'Plan', stage: 'two', startDate: '2026-06-01', endDate: '2029-05-31', phases: {}, owners: {}, status: 'draft' }
const base = () => ({
  mutationId: `fz-${Math.random().toString(36).slice(2, 12)}`,
  collection: 'cpd',
  docId: `fz-${Math.random().toString(36).slice(2, 12)}`,
  op: 'put',
  payload: { ...validCpd },
  clientTime: 1_000,
})

type Raw = Record<string, unknown>
/** One change that makes an otherwise valid mutation fail (shape, schema, authority or state). */
const corruption: fc.Arbitrary<(m: Raw) => Raw> = fc.oneof(
  fc
    .oneof(
      fc.string({ maxLength: 7 }),
      fc.string({ minLength: 65, maxLength: 80 }),
      fc.constant('has space!'),
      fc.constant('__reserved__'),
      notAString,
    )
    .map((v) => (m: Raw) => ({ ...m, mutationId: v })),
  fc
    .oneof(
      fc
        .string({ maxLength: 12 })
        .filter(
          (s) =>
            ![
              'institutions',
              'profiles',
              'members',
              'equality',
              'cpd',
              'registrations',
              'plans',
              'actions',
              'ragChanges',
              'ideas',
              'comments',
              'votes',
              'surveys',
              'requests',
            ].includes(s),
        ),
      notAString,
    )
    .map((v) => (m: Raw) => ({ ...m, collection: v })),
  fc
    .oneof(fc.constantFrom('', '.', '..', 'a/b', '__x__', 'x'.repeat(129), 'sp ace', '../../etc'), notAString)
    .map((v) => (m: Raw) => ({ ...m, docId: v })),
  fc
    .oneof(
      fc.string({ maxLength: 8 }).filter((s) => !['put', 'patch', 'delete'].includes(s)),
      notAString,
    )
    .map((v) => (m: Raw) => ({ ...m, op: v })),
  notAPlainObject.map((v) => (m: Raw) => ({ ...m, payload: v })),
  fc
    .oneof(fc.integer({ max: -1 }), fc.double({ min: 0.1, max: 1e6, noInteger: true }), fc.string({ maxLength: 5 }), fc.constant(null))
    .map((v) => (m: Raw) => ({ ...m, clientTime: v })),
  fc
    .string({ minLength: 1, maxLength: 10 })
    .filter((k) => !['mutationId', 'collection', 'docId', 'op', 'payload', 'clientTime'].includes(k))
    .map((k) => (m: Raw) => ({ ...m, [k]: 1 })),
  fc.constantFrom<(m: Raw) => Raw>(
    (m) => {
      const { mutationId: _x, ...rest } = m
      return rest
    },
    (m) => {
      const { payload: _x, ...rest } = m
      return rest
    },
    (m) => ({ ...m, op: 'patch' }), // a patch of a document that does not exist: not-found
    (m) => ({ ...m, op: 'delete', payload: {} }), // a delete of a document that does not exist: not-found
    (m) => ({ ...m, collection: 'plans', payload: { ...validPlan } }), // a technician editing the plan: forbidden
    (m) => ({ ...m, collection: 'members', payload: {} }), // writing the directory: forbidden
    (m) => ({ ...m, collection: 'institutions', op: 'patch', payload: { name: 'X' } }), // not a lead: forbidden
    (m) => ({ ...m, collection: 'ragChanges', payload: { actionId: 'a', status: 'red', rationale: '', at: 1, byUid: 'x' } }),
  ),
  fc
    .oneof(
      fc.record({ hours: fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 1001 }), fc.string(), fc.constant(null)) }),
      fc.record({
        startDate: fc.oneof(
          fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
          fc.integer(),
        ),
      }),
      fc.record({
        type: fc.string({ maxLength: 10 }).filter((s) => !['work-based', 'professional', 'formal', 'self-directed', 'other'].includes(s)),
      }),
      fc.record({ title: fc.oneof(fc.constant('   '), fc.string({ minLength: 161, maxLength: 200 }), fc.integer()) }),
      fc.record({ skillIds: fc.oneof(fc.string(), fc.array(fc.integer(), { minLength: 1, maxLength: 3 })) }),
      fc
        .dictionary(
          fc
            .string({ minLength: 1, maxLength: 12 })
            .filter(
              (k) =>
                !Object.keys(validCpd).includes(k) &&
                ![
                  'learned',
                  'benefitPractice',
                  'benefitUsers',
                  'endDate',
                  'requestId',
                  'id',
                  'updatedAt',
                  'version',
                  'deleted',
                  'lastMutationId',
                  '_clock',
                  '_deletedAt',
                ].includes(k),
            ),
          junk,
          { minKeys: 1, maxKeys: 3 },
        )
        .map((d) => ({ ...d, hours: -1 })),
    )
    .map((patch) => (m: Raw) => ({ ...m, payload: { ...(m.payload as Raw), ...patch } })),
)
const badMutation = fc
  .tuple(corruption, fc.array(corruption, { maxLength: 2 }))
  .map(([first, more]) => [first, ...more].reduce((m, f) => f(m), base() as Raw))
const oversizedMutation = huge.map((text) => ({ ...base(), payload: { ...validCpd, learned: text } }))

const pushPayload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: notAPlainObject },
  {
    weight: 2,
    arbitrary: fc.dictionary(
      fc.string({ maxLength: 10 }).filter((k) => k !== 'mutations'),
      junk,
      { maxKeys: 3 },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      mutations: fc.oneof(
        notAPlainObject.filter((x) => !Array.isArray(x)),
        fc.constant([]),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 501, max: 520 }).map((n) => ({ mutations: Array.from({ length: n }, () => ({})) })) },
  { weight: 1, arbitrary: fc.record({ mutations: fc.array(badMutation, { minLength: 1, maxLength: 3 }), extra: junk }) },
  { weight: 12, arbitrary: fc.record({ mutations: fc.array(badMutation, { minLength: 1, maxLength: 12 }) }) },
  {
    weight: 1,
    arbitrary: fc.tuple(oversizedMutation, fc.array(badMutation, { maxLength: 2 })).map(([big, rest]) => ({ mutations: [big, ...rest] })),
  },
)

const badName = fc.oneof(
  { weight: 10, arbitrary: notAString },
  { weight: 10, arbitrary: fc.constantFrom('', '   ', '\n\t') },
  { weight: 10, arbitrary: fc.string({ minLength: 101, maxLength: 300 }).filter((s) => s.trim().length > 100) },
  { weight: 1, arbitrary: huge },
)
const badCode = fc.oneof(
  { weight: 10, arbitrary: notAString.filter((x) => x !== null) },
  { weight: 10, arbitrary: fc.constantFrom('', 'ab', ' a ', 'abc') },
  { weight: 10, arbitrary: fc.string({ minLength: 65, maxLength: 120 }).filter((s) => s.trim().length > 64) },
  { weight: 1, arbitrary: huge },
)
const goodName = fc.constantFrom('Ada', 'Grace Hopper', 'Tomás Ó Briain')
const joinPayload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: notAPlainObject },
  { weight: 3, arbitrary: fc.record({ displayName: badName }, { requiredKeys: [] }) },
  { weight: 3, arbitrary: fc.record({ displayName: fc.oneof(goodName, badName), joinCode: badCode }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.record({ displayName: goodName }),
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !['displayName', 'joinCode'].includes(k)),
          junk,
          { minKeys: 1, maxKeys: 3 },
        ),
      )
      .map(([a, b]) => ({ ...a, ...b })),
  },
  // Well formed, no code, unknown domain: typed `unknown-domain`, writes nothing.
  { weight: 1, arbitrary: fc.record({ displayName: goodName }) },
)

const badAnswer = fc.oneof(
  fc.record({
    q1: fc.oneof(
      fc.string({ maxLength: 5 }).filter((s) => s !== 'A' && s !== 'B' && s !== ''),
      fc.integer(),
      fc.array(fc.string(), { minLength: 1, maxLength: 2 }),
    ),
  }),
  fc.record({
    q1: fc.constant('A'),
    q2: fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 6 }),
      fc.double({ min: 1.1, max: 4.9, noInteger: true }),
      fc.string({ minLength: 1 }),
    ),
  }),
  fc.record({
    q1: fc.constant('B'),
    q3: fc.oneof(
      { weight: 4, arbitrary: fc.integer() },
      { weight: 4, arbitrary: fc.string({ minLength: 5001, maxLength: 5100 }).filter((s) => s.trim().length > 5000) },
      { weight: 1, arbitrary: huge },
    ),
  }),
  fc
    .tuple(
      fc.constant({ q1: 'A' }),
      fc.dictionary(
        fc.stringMatching(/^[a-z][\w-]{0,10}$/).filter((k) => !['q1', 'q2', 'q3'].includes(k)),
        junk,
        { minKeys: 1, maxKeys: 3 },
      ),
    )
    .map(([a, b]) => ({ ...a, ...b })),
  fc.constant({ q2: 3 }), // required q1 missing
)
const surveyPayload = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 2, arbitrary: notAPlainObject },
    {
      weight: 2,
      arbitrary: fc.record(
        { surveyId: fc.oneof(notAString, fc.constantFrom('', '../x', 'a/b', 'x'.repeat(129))), answers: junk },
        { requiredKeys: [] },
      ),
    },
    { weight: 2, arbitrary: fc.record({ surveyId: fc.constant(surveyId), answers: notAPlainObject }) },
    { weight: 1, arbitrary: fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/), answers: fc.constant({ q1: 'A' }) }) },
    {
      weight: 8,
      arbitrary: fc.record({
        surveyId: fc.constant(surveyId),
        token: fc.constant('fuzz-token-of-a-phone-0123456789'),
        anonymous: fc.constant(true),
        answers: badAnswer,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        surveyId: fc.constant(surveyId),
        token: fc.constant('fuzz-token-of-a-phone-0123456789'),
        anonymous: fc.constant(true),
        answers: fc.constant({ q1: 'A' }),
        extra: junk,
      }),
    },
    // A bad token or mode flag, with good answers.
    {
      weight: 2,
      arbitrary: fc.record({
        surveyId: fc.constant(surveyId),
        token: fc.oneof(notAString, fc.constantFrom('', 'short', 'x'.repeat(129), 'sp ace-of-the-token-is-long')),
        anonymous: fc.constant(true),
        answers: fc.constant({ q1: 'A' }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          surveyId: fc.constant(surveyId),
          token: fc.constant('fuzz-token-of-a-phone-0123456789'),
          anonymous: junk.filter((x) => typeof x !== 'boolean'),
          answers: fc.constant({ q1: 'A' }),
        },
        { requiredKeys: ['surveyId', 'token', 'answers'] },
      ),
    },
  )
const resultsPayload: fc.Arbitrary<unknown> = fc.oneof(
  notAPlainObject,
  fc.record({ surveyId: fc.oneof(notAString, fc.constantFrom('', '../x', 'x'.repeat(129))) }, { requiredKeys: [] }),
  fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/), by: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()) }),
  fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/) }),
  fc.record({ surveyId: fc.constant('x'), extra: junk }),
)

// ---------- running ----------

const pushJudge: Judge = (out) => {
  if (!out.ok) return typedError(['invalid'])(out)
  const results = (out.data as { results?: MutationResult[] }).results
  if (!Array.isArray(results) || results.length === 0) return `no results: ${JSON.stringify(out.data).slice(0, 200)}`
  const bad = results.find((r) => r.status !== 'rejected' || !REJECTION_CODES.includes(r.code) || !r.message)
  return bad ? `not a typed rejection: ${JSON.stringify(bad).slice(0, 300)}` : null
}

// Platform admin and lead callables: only payloads that must be refused (no state changes).
const notADomain = fc.oneof(
  notAString,
  fc.constantFrom(
    '',
    'ac.uk',
    'co.uk',
    'uk',
    'com',
    'gmail.com',
    'hotmail.co.uk',
    'yahoo.fr',
    'icloud.com',
    'not a domain',
    '.example.ac.uk',
    'x'.repeat(300),
  ),
  fc.string({ maxLength: 30 }).filter((s) => !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(s.trim())),
)
const badId = fc.oneof(notAString, fc.constantFrom('', '../x', 'a/b', 'sp ace', 'x'.repeat(129)))
const domainsPayload = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    notAPlainObject,
    fc.record({ institutionId: badId, domains: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }) }, { requiredKeys: [] }),
    {
      weight: 4,
      arbitrary: fc.record({ institutionId: fc.constant(`fuzz-${RUN}`), domains: fc.array(notADomain, { minLength: 1, maxLength: 4 }) }),
    },
    fc.record({
      institutionId: fc.constant(`fuzz-${RUN}`),
      domains: fc.oneof(
        notAPlainObject.filter((x) => !Array.isArray(x)),
        fc.constant(Array.from({ length: 21 }, (_, i) => `d${i}.example.ac.uk`)),
        fc.constant(['dup.example.ac.uk', 'DUP.example.ac.uk']),
      ),
    }),
    fc.record({ institutionId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/), domains: fc.constant([`nope${RUN}.example.ac.uk`]) }),
    fc.record({ institutionId: fc.constant(`fuzz-${RUN}`), domains: fc.constant([]), extra: junk }),
  )
const removePayload = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    notAPlainObject,
    { weight: 3, arbitrary: fc.record({ uid: badId }, { requiredKeys: [] }) },
    fc.record({ uid: fc.stringMatching(/^nobody[A-Za-z0-9]{6,20}$/) }),
    fc.record({ uid: fc.constant(lead.uid) }),
    fc.record({ uid: fc.constant(tech.uid), extra: junk }),
  )

describe(`fuzz: ${RUNS} generated bad payloads per callable, nothing written`, () => {
  it('syncPush', () => fuzz('syncPush', pushPayload, () => tech, pushJudge, SEED), 600_000)
  it('joinInstitution', async () => {
    await fuzz('joinInstitution', joinPayload, () => stranger, typedError(['invalid', 'unknown-domain']), SEED + 1)
    expect((await admin.auth.getUser(stranger.uid)).customClaims ?? {}).toEqual({})
  }, 600_000)
  it(
    'submitSurveyResponse',
    () => fuzz('submitSurveyResponse', surveyPayload(), () => tech, typedError(['invalid', 'too-large', 'not-found']), SEED + 2),
    600_000,
  )
  it('surveyResults', () => fuzz('surveyResults', resultsPayload, () => lead, typedError(['invalid', 'not-found']), SEED + 3), 600_000)
  it('setInstitutionDomains', async () => {
    const person = await createUser(admin.auth, { email: emailAt('platform.example.ac.uk', 'fuzzop') })
    await admin.auth.setCustomUserClaims(person.uid, { platformAdmin: true })
    const operator = await refreshToken(person)
    await fuzz('setInstitutionDomains', domainsPayload(), () => operator, typedError(['invalid', 'not-found']), SEED + 4)
  }, 600_000)
  it('removeMember', () => fuzz('removeMember', removePayload(), () => lead, typedError(['invalid', 'not-found']), SEED + 5), 600_000)
})

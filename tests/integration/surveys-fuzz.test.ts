/**
 * Generated bad input for the organisers' survey callables (surveyTexts, saveSurveyTheme,
 * surveyExport), as tests/integration/fuzz.test.ts does for the others: FUZZ_RUNS payloads each
 * (fast-check, fixed seeds) over HTTP; every one must come back as a typed error and the database
 * must be exactly as before.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk, type CallOutcome } from './helpers/callable'
import { RUN } from './helpers/env'
import { diff, fingerprint } from './helpers/fingerprint'
import { mutation, pushOne } from './helpers/push'
import { seedInstitution, seedMember } from './helpers/seed'
import { createUser, emailAt, type TestUser } from './helpers/users'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4)
const SEED = Number(process.env.FUZZ_SEED ?? 20261123) + 60
const INST = `surveys-fuzz-${RUN}`
const DOMAIN = `surveysfuzz${RUN}.example.ac.uk`

let admin: Admin
let lead: TestUser
let surveyId = ''

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN] })
  lead = await createUser(admin.auth, { email: emailAt(DOMAIN, 'lead'), claims: { institutionId: INST, role: 'lead' } })
  await seedMember(admin.db, INST, lead.uid, { email: lead.email, role: 'lead' })
  surveyId = `fuzz-survey-${RUN}`
  const today = new Date().toISOString().slice(0, 10)
  expect((await pushOne(lead, mutation('surveys', surveyId, 'put', {
    title: 'Fuzz', description: '', sections: [], audience: { facultyIds: [], roleFamilies: [] }, anonymous: true, allowEdit: false,
    opensAt: today, closesAt: '2099-12-31', status: 'open', createdByUid: lead.uid,
    questions: [{ id: 'q1', type: 'long', prompt: 'Say', required: true }],
  }))).status).toBe('applied')
  // Five answers, so a theme can be tagged (and an unknown answer key is the only thing wrong).
  for (let i = 0; i < 5; i++) {
    const u = await createUser(admin.auth, { email: emailAt(DOMAIN, `t${i}`), claims: { institutionId: INST, role: 'technician' } })
    await seedMember(admin.db, INST, u.uid, { email: u.email })
    await callOk('submitSurveyResponse', { surveyId, answers: { q1: `Answer ${i}` } }, u.idToken)
  }
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 40 }), fc.array(fc.integer(), { maxLength: 5 }), fc.object({ maxDepth: 2 }))
const notAString = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }))
const notAPlainObject = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 20 }), fc.boolean(), fc.array(junk, { maxLength: 4 }))
const badId = fc.oneof(notAString, fc.constantFrom('', '../x', 'a/b', 'sp ace', 'x'.repeat(129)))
const huge = fc.constantFrom('x', 'é').map((ch) => ch.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(ch))))
const extraKey = (allowed: string[]) => fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !allowed.includes(k) && k !== '__proto__')
const sid = () => fc.constant(surveyId)

const textsPayload = (): fc.Arbitrary<unknown> => fc.oneof(
  notAPlainObject,
  fc.record({ surveyId: badId }, { requiredKeys: [] }),
  fc.record({ surveyId: sid(), q: fc.oneof(notAString.filter((x) => x !== null), fc.string({ minLength: 201, maxLength: 260 }).filter((s) => s.trim().length > 200), huge) }),
  fc.record({ surveyId: sid(), questionId: badId }),
  fc.record({ surveyId: sid(), themeId: badId }),
  fc.tuple(fc.record({ surveyId: sid() }), extraKey(['surveyId', 'q', 'questionId', 'themeId']), junk).map(([a, k, v]) => ({ ...a, [k]: v })),
  fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/) }),
)

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/)
const badTheme = fc.oneof(
  notAPlainObject,
  fc.record({ id: badId, name: fc.constant('Time'), keys: fc.constant([]) }),
  fc.record({ id: fc.constant('t1'), name: fc.oneof(notAString, fc.constantFrom('', '   '), fc.string({ minLength: 81, maxLength: 120 }).filter((s) => s.trim().length > 80)), keys: fc.constant([]) }),
  fc.record({ id: fc.constant('t1'), name: fc.constant('Time'), keys: fc.oneof(notAPlainObject.filter((x) => !Array.isArray(x)), fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 3 }), fc.array(hex64, { minLength: 1, maxLength: 3 })) }),
  fc.record({ id: fc.constant('t1'), name: fc.constant('Time'), keys: fc.constant([]), ideaId: badId }),
  fc.tuple(fc.record({ id: fc.constant('t1'), name: fc.constant('Time'), keys: fc.constant([]) }), extraKey(['id', 'name', 'keys', 'ideaId']), junk).map(([a, k, v]) => ({ ...a, [k]: v })),
)
const themePayload = (): fc.Arbitrary<unknown> => fc.oneof(
  notAPlainObject,
  fc.record({ surveyId: badId, theme: fc.constant({ id: 't1', name: 'Time', keys: [] }) }),
  fc.record({ surveyId: sid(), theme: badTheme }),
  fc.record({ surveyId: sid(), deleteThemeId: badId }),
  // Both a theme and a delete, or neither: refused.
  fc.record({ surveyId: sid(), theme: fc.constant({ id: 't1', name: 'Time', keys: [] }), deleteThemeId: fc.constant('t1') }),
  fc.record({ surveyId: sid() }),
  fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/), theme: fc.constant({ id: 't1', name: 'Time', keys: [] }) }),
  fc.tuple(fc.record({ surveyId: sid(), deleteThemeId: fc.constant('t1') }), extraKey(['surveyId', 'theme', 'deleteThemeId']), junk).map(([a, k, v]) => ({ ...a, [k]: v })),
  fc.record({ surveyId: sid(), theme: fc.record({ id: fc.constant('t1'), name: huge, keys: fc.constant([]) }) }),
)
const exportPayload = (): fc.Arbitrary<unknown> => fc.oneof(
  notAPlainObject,
  fc.record({ surveyId: badId }, { requiredKeys: [] }),
  fc.record({ surveyId: fc.stringMatching(/^nope-[a-z0-9]{4,10}$/) }),
  fc.tuple(fc.record({ surveyId: sid() }), extraKey(['surveyId']), junk).map(([a, k, v]) => ({ ...a, [k]: v })),
)

async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await work(items[i]!)
    }
  }))
  return out
}

function problem(out: CallOutcome<unknown>, codes: readonly string[]): string | null {
  if (out.ok) return `succeeded: ${JSON.stringify(out.data).slice(0, 200)}`
  const code = out.error.details?.code
  return typeof code === 'string' && codes.includes(code) && out.error.message.length > 0 ? null : `untyped error ${out.httpStatus} ${JSON.stringify(out.error).slice(0, 200)}`
}

async function fuzz(name: string, arb: fc.Arbitrary<unknown>, codes: readonly string[], seed: number) {
  const samples = fc.sample(arb, { numRuns: RUNS, seed })
  const before = await fingerprint()
  const t0 = performance.now()
  const outcomes = await pool(samples, CONCURRENCY, (data) => call(name, data, lead.idToken))
  const failures = outcomes.map((o, i) => ({ problem: problem(o, codes), payload: JSON.stringify(samples[i])?.slice(0, 300) })).filter((f) => f.problem)
  const changed = diff(before, await fingerprint())
  console.log(`[fuzz] ${name}: ${samples.length} payloads (seed ${seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${failures.length} untyped, ${changed.length} documents changed`)
  expect(failures.slice(0, 5)).toEqual([])
  expect(changed).toEqual([])
}

describe(`fuzz: ${RUNS} generated bad payloads per organiser survey callable, nothing written`, () => {
  it('surveyTexts', () => fuzz('surveyTexts', textsPayload(), ['invalid', 'not-found'], SEED), 600_000)
  it('saveSurveyTheme', () => fuzz('saveSurveyTheme', themePayload(), ['invalid', 'not-found'], SEED + 1), 600_000)
  it('surveyExport', () => fuzz('surveyExport', exportPayload(), ['invalid', 'not-found'], SEED + 2), 600_000)
})

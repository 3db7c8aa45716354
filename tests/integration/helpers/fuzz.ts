/**
 * Fuzzing callables with generated bad input (fast-check, fixed seeds), shared by fuzz.test.ts and
 * surveys-fuzz.test.ts: FUZZ_RUNS (≥ 1,000 by default) payloads per callable over HTTP, each judged
 * (a typed refusal, as required), and the database fingerprinted before and after — it must be
 * exactly as it was.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import type { MutationResult } from '@/domain/sync'
import type { Admin } from './admin'
import { call, type CallOutcome } from './callable'
import { RUN } from './env'
import { diff, fingerprint } from './fingerprint'
import { mutation, pushOne } from './push'
import { createMember, seedInstitution } from './seed'
import { emailAt, type TestUser } from './users'

export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)
export const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4)
export const SEED = Number(process.env.FUZZ_SEED ?? 20261123)
/**
 * On a busy machine the Functions emulator now and then never answers a request (seen: no
 * headers after undici's 300 s, the emulator's worker process for it never became ready). A
 * payload without an answer in this time is sent once more — counted and printed, never hidden —
 * and its second answer is judged like any other.
 */
const NO_ANSWER_MS = Number(process.env.FUZZ_NO_ANSWER_MS ?? 90_000)

// ---------- arbitraries ----------

export const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
)
export const notAString = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
)
export const notAPlainObject = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.array(junk, { maxLength: 4 }),
)
/** About 1 MB of text made of one of `chars`: over MAX_PAYLOAD_BYTES (900 KiB) and every text cap. */
export const huge = (...chars: string[]) =>
  fc.constantFrom(...chars).map((ch) => ch.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(ch))))
/** A key none of `allowed` (and not `__proto__`). */
export const extraKey = (allowed: string[]) =>
  fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !allowed.includes(k) && k !== '__proto__')

// ---------- setting up ----------

export interface FuzzInstitution {
  inst: string
  domain: string
  lead: TestUser
  surveyId: string
}

/** A fresh institution `${name}-${RUN}` with a lead (a member) and an open survey of `questions` the lead pushed. */
export async function fuzzInstitution(
  admin: Admin,
  name: string,
  survey: { title: string; questions: unknown[] },
): Promise<FuzzInstitution> {
  const inst = `${name}-${RUN}`
  const domain = `${name.replace(/\W+/g, '')}${RUN}.example.ac.uk`
  await seedInstitution(admin.db, { id: inst, emailDomains: [domain] })
  const lead = await createMember(admin, inst, emailAt(domain, 'lead'), 'lead')
  const surveyId = `fuzz-survey-${RUN}`
  const today = new Date().toISOString().slice(0, 10)
  const r = await pushOne(
    lead,
    mutation('surveys', surveyId, 'put', {
      title: survey.title,
      description: '',
      sections: [],
      audience: { facultyIds: [], roleFamilies: [] },
      anonymous: true,
      allowEdit: false,
      opensAt: today,
      closesAt: '2099-12-31',
      status: 'open',
      createdByUid: lead.uid,
      questions: survey.questions,
    }),
  )
  expect(r.status, JSON.stringify(r)).toBe('applied')
  return { inst, domain, lead, surveyId }
}

// ---------- running ----------

export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await work(items[i]!)
      }
    }),
  )
  return out
}

/** Describes what is wrong with an outcome (null: a typed refusal, as required). */
export type Judge = (out: CallOutcome<unknown>) => string | null

/** A refusal with a message and one of `codes` as `details.code`. */
export const typedError =
  (codes: readonly string[]): Judge =>
  (out) => {
    if (out.ok) return `succeeded: ${JSON.stringify(out.data).slice(0, 200)}`
    const code = out.error.details?.code
    return typeof code === 'string' && codes.includes(code) && out.error.message.length > 0
      ? null
      : `untyped error ${out.httpStatus} ${JSON.stringify(out.error).slice(0, 200)}`
  }

/** How the outcomes were refused: error codes, and rejection codes inside syncPush results. */
function tally(outcomes: CallOutcome<unknown>[]): Record<string, number> {
  const t: Record<string, number> = {}
  const add = (k: string) => (t[k] = (t[k] ?? 0) + 1)
  for (const o of outcomes) {
    if (!o.ok) add(`error:${String(o.error.details?.code)}`)
    else
      for (const r of (o.data as { results?: MutationResult[] }).results ?? [])
        add(r.status === 'rejected' ? `rejected:${r.code}` : r.status)
  }
  return t
}

/** RUNS samples of `arb` (seeded) sent to callable `name` as `user()`: every outcome passes `judge`, and nothing is written. */
export async function fuzz(name: string, arb: fc.Arbitrary<unknown>, user: () => TestUser, judge: Judge, seed: number): Promise<void> {
  const samples = fc.sample(arb, { numRuns: RUNS, seed })
  const before = await fingerprint()
  const t0 = performance.now()
  let resent = 0
  const send = async (data: unknown): Promise<CallOutcome<unknown>> => {
    try {
      return await call(name, data, user().idToken, undefined, {}, AbortSignal.timeout(NO_ANSWER_MS))
    } catch (error) {
      if ((error as Error).name !== 'TimeoutError') throw error
      resent++
      return call(name, data, user().idToken, undefined, {}, AbortSignal.timeout(NO_ANSWER_MS))
    }
  }
  const outcomes = await pool(samples, CONCURRENCY, send)
  const seconds = (performance.now() - t0) / 1000
  const failures = outcomes
    .map((o, i) => ({ problem: judge(o), payload: JSON.stringify(samples[i])?.slice(0, 300) }))
    .filter((f) => f.problem)
  const changed = diff(before, await fingerprint())
  const bytes = samples.reduce<number>((s, x) => s + Buffer.byteLength(JSON.stringify({ data: x }) ?? ''), 0)
  console.log(
    `[fuzz] ${name}: ${samples.length} payloads (${(bytes / 1e6).toFixed(1)} MB, seed ${seed}) in ${seconds.toFixed(1)} s, concurrency ${CONCURRENCY}; ${resent} re-sent after no answer in ${NO_ANSWER_MS / 1000} s; ${failures.length} untyped, ${changed.length} documents changed; outcomes ${JSON.stringify(tally(outcomes))}`,
  )
  expect(failures.slice(0, 5)).toEqual([])
  expect(changed).toEqual([])
  expect(samples.length).toBeGreaterThanOrEqual(Math.min(RUNS, 1000))
  // A rare emulator stall is tolerated once per payload; a pattern of them is a failure.
  expect(resent, 'payloads the emulator did not answer in time').toBeLessThanOrEqual(Math.ceil(samples.length / 100))
}

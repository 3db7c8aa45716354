/**
 * A burst of survey answers against the emulators, reusable by the integration suite and by
 * `npm run bench`: N members of a fresh institution answer one open survey through the real
 * `submitSurveyResponse` callable over HTTP, the way phones do — each with its own submission id,
 * some sending the same submission twice at once (a retry racing a reply that was lost), some
 * again after it landed, and every transient failure retried with the same id. Afterwards the
 * responses and receipts are counted: exactly N of each means no loss and no duplicate.
 *
 * Concurrency is capped: the Functions emulator starts a worker process per concurrent request.
 *
 *   const r = await surveyBurst({ n: 700 })   // { responses, receipts, duplicates, seconds, … }
 *
 * Needs FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST and FUNCTIONS_EMULATOR_ORIGIN
 * (scripts/with-emulators.mjs exports them).
 */
import { deleteApp, initializeApp } from 'firebase-admin/app'
import { FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore'
import { FUNCTIONS_REGION } from '@/domain/deployment'
import type { Question } from '@/domain/entities'
import { surveyDoc } from './surveys'

export interface SurveyBurstOptions {
  /** Members answering (default 700). */
  n?: number
  /** Requests in flight at once (default 8). */
  concurrency?: number
  /** Every k-th member also sends the same submission concurrently (default 5: 20%). */
  raceEvery?: number
  /** Every k-th member sends the same submission again after it landed (default 7). */
  resendEvery?: number
  /** Attempts per send when the transport fails (default 6). */
  maxAttempts?: number
  /** Progress lines (default: none). */
  log?: (line: string) => void
}

export interface SurveyBurstResult {
  n: number
  /** Response documents written: must equal n. */
  responses: number
  /** Receipt documents written: must equal n. */
  receipts: number
  /** Responses beyond one per member (must be 0). */
  duplicates: number
  /** Wall time of the submissions (set-up and warm-up excluded). */
  seconds: number
  /** Time to start the emulator's workers before the burst (not part of `seconds`). */
  warmupSeconds: number
  /** HTTP calls made, retries and races included. */
  calls: number
  /** Calls repeated after a transport failure. */
  retries: number
  /** Members whose answer was refused or never accepted (must be 0). */
  failed: number
  /** A few distinct failure messages. */
  failures: string[]
  latencyMs: { p50: number; p95: number; max: number }
  surveyId: string
  institutionId: string
}

const PROJECT = () => process.env.GCLOUD_PROJECT || 'demo-technician-hub'
const AUTH = () => process.env.FIREBASE_AUTH_EMULATOR_HOST || '127.0.0.1:9099'
const FUNCTIONS = () => (process.env.FUNCTIONS_EMULATOR_ORIGIN || 'http://127.0.0.1:5001').replace(/\/$/, '')
const PASSWORD = 'burst-password-1'

const QUESTIONS: Question[] = [
  {
    id: 'theme',
    type: 'single',
    prompt: 'Which theme matters most to you?',
    required: true,
    options: ['Visibility', 'Recognition', 'Career development', 'Sustainability'],
  },
  { id: 'valued', type: 'likert', prompt: 'I feel valued as a technician here.', required: true },
  { id: 'rate', type: 'rating', prompt: 'Rate the draft plan', required: false },
  { id: 'barriers', type: 'multiple', prompt: 'What gets in the way?', required: false, options: ['Time', 'Funding', 'Awareness'] },
  { id: 'good', type: 'long', prompt: 'What would good look like?', required: false },
]

function answersFor(i: number): Record<string, unknown> {
  return {
    theme: QUESTIONS[0]!.options![i % 4],
    valued: 1 + (i % 5),
    rate: i % 11,
    barriers: ['Time', 'Funding', 'Awareness'].slice(0, 1 + (i % 3)),
    good: `Protected time for training, answer ${i % 13}.`,
  }
}

/** Runs the burst; see the file comment. */
export async function surveyBurst(options: SurveyBurstOptions = {}): Promise<SurveyBurstResult> {
  const n = options.n ?? 700
  const concurrency = options.concurrency ?? 8
  const raceEvery = options.raceEvery ?? 5
  const resendEvery = options.resendEvery ?? 7
  const maxAttempts = options.maxAttempts ?? 6
  const log = options.log ?? (() => undefined)
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
  const inst = `burst-${run}`
  const surveyId = `survey-burst-${run}`
  const app = initializeApp({ projectId: PROJECT() }, `survey-burst-${run}`)
  const db = getFirestore(app)
  try {
    const t0 = Date.now()
    const members = Array.from({ length: n }, (_, i) => ({ uid: `burst-${run}-${i}`, email: `m${i}.${run}@burst.example.ac.uk` }))
    await setUp(db, inst, surveyId, members)
    const tokens = await pool(members, 16, (m) => signIn(m.email))
    log(`survey burst: ${n} members signed in, survey ${surveyId} open (${((Date.now() - t0) / 1000).toFixed(1)} s)`)

    // At most `concurrency` requests in flight, racing duplicates included.
    const gate = limiter(concurrency)
    const latencies: number[] = []
    const failures = new Set<string>()
    let calls = 0
    let retries = 0
    /** One send of a submission, retried with the same token while the transport fails. */
    const send = async (i: number, token: string): Promise<boolean> => {
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        calls++
        const out = await gate(async () => {
          const t = performance.now()
          const o = await callSubmit(tokens[i]!, { surveyId, token, anonymous: true, answers: answersFor(i) })
          latencies.push(performance.now() - t)
          return o
        })
        if (out.ok) return true
        if (out.code && out.code !== 'unavailable') {
          failures.add(`${out.code}: ${out.message}`)
          return false
        }
        retries++
        await sleep(100 * attempt)
      }
      failures.add('gave up after repeated transport failures')
      return false
    }
    // Warm-up, not timed: the emulator starts a worker process per concurrent request, and each
    // worker connects to Firestore on its first read (seconds each on a busy machine); deployed
    // functions keep warm instances. A survey that does not exist makes each worker read once.
    const w0 = performance.now()
    for (let round = 0; round < 2; round++)
      await Promise.all(tokens.slice(0, concurrency).map((t) => callSubmit(t, { surveyId: `warm-up-${run}`, answers: {} })))
    const warmupSeconds = (performance.now() - w0) / 1000
    const started = performance.now()
    const accepted = await pool(
      members.map((_, i) => i),
      concurrency,
      async (i) => {
        // The phone's random answer token (here made unique per member; any 22+ url-safe characters).
        const answerToken = `burst-answer-token-${run}-${i}`
        const sends = [send(i, answerToken)]
        if (i % raceEvery === 0) sends.push(send(i, answerToken))
        const ok = (await Promise.all(sends)).every(Boolean)
        return i % resendEvery === 0 ? ok && (await send(i, answerToken)) : ok
      },
    )
    const seconds = (performance.now() - started) / 1000
    // Answers are counted ones plus those still waiting in the mixing pool (functions/src/surveys/pool.ts).
    const [counted, waiting, receipts] = await Promise.all([
      count(db, `institutions/${inst}/surveys/${surveyId}/responses`),
      db
        .doc(`institutions/${inst}/surveys/${surveyId}/pool/waiting`)
        .get()
        .then((d) => Object.keys((d.get('e') ?? {}) as object).length),
      count(db, `institutions/${inst}/surveys/${surveyId}/receipts`),
    ])
    const responses = counted + waiting
    const sorted = [...latencies].sort((a, b) => a - b)
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
    const result: SurveyBurstResult = {
      n,
      responses,
      receipts,
      duplicates: Math.max(0, responses - n),
      seconds,
      warmupSeconds,
      calls,
      retries,
      failed: accepted.filter((ok) => !ok).length,
      failures: [...failures].slice(0, 5),
      latencyMs: { p50: at(0.5), p95: at(0.95), max: Math.round(sorted[sorted.length - 1] ?? 0) },
      surveyId,
      institutionId: inst,
    }
    log(
      `survey burst: ${n} members, ${calls} calls in ${seconds.toFixed(1)} s → ${responses} responses, ${receipts} receipts, ${result.duplicates} duplicates, ${result.failed} failed`,
    )
    return result
  } finally {
    await deleteApp(app)
  }
}

async function setUp(db: Firestore, inst: string, surveyId: string, members: readonly { uid: string; email: string }[]): Promise<void> {
  const meta = (id: string) => ({ id, updatedAt: FieldValue.serverTimestamp(), version: 1, deleted: false, lastMutationId: null })
  await db.doc(`institutions/${inst}`).set({ ...meta(inst), name: `Burst ${inst}`, emailDomains: [], faculties: [], sites: [] })
  await db
    .doc(`institutions/${inst}/surveys/${surveyId}`)
    .set({ ...meta(surveyId), ...surveyDoc({ title: 'Survey burst', questions: QUESTIONS, createdByUid: 'burst' }) })
  for (let i = 0; i < members.length; i += 1000) {
    const chunk = members.slice(i, i + 1000)
    const res = await fetch(`http://${AUTH()}/identitytoolkit.googleapis.com/v1/projects/${PROJECT()}/accounts:batchCreate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer owner' },
      body: JSON.stringify({
        allowOverwrite: true,
        users: chunk.map((m) => ({
          localId: m.uid,
          email: m.email,
          rawPassword: PASSWORD,
          emailVerified: true,
          customAttributes: JSON.stringify({ institutionId: inst, role: 'technician' }),
        })),
      }),
    })
    const body = (await res.json()) as { error?: unknown }
    if (!res.ok || (Array.isArray(body.error) && body.error.length > 0))
      throw new Error(`batchCreate failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`)
  }
  // Faculties of 7 (alternating role families) so breakdown groups are stored, as in real use.
  for (let i = 0; i < members.length; i += 400) {
    const batch = db.batch()
    members.slice(i, i + 400).forEach((m, k) => {
      const j = i + k
      batch.set(db.doc(`users/${m.uid}/profiles/${m.uid}`), {
        ...meta(m.uid),
        institutionId: inst,
        displayName: `Member ${j}`,
        email: m.email,
        role: 'technician',
        visibility: 'institution',
        skills: [],
        joinedAt: 1_700_000_000_000,
        facultyId: `f-${Math.floor(j / 7) % 5}`,
        roleFamily: j % 2 ? 'laboratory' : 'workshop',
      })
    })
    await batch.commit()
  }
}

async function signIn(email: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`http://${AUTH()}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
    }).catch(() => null)
    const body = res ? ((await res.json()) as { idToken?: string; error?: { message: string } }) : {}
    if (res?.ok && body.idToken) return body.idToken
    if (attempt >= 5) throw new Error(`sign-in failed for ${email}: ${body.error?.message ?? res?.status ?? 'network'}`)
    await sleep(200 * attempt)
  }
}

/** The callable over HTTP. A transport failure (network, 5xx without a typed error) reads as `unavailable`. */
async function callSubmit(idToken: string, data: unknown): Promise<{ ok: true } | { ok: false; code?: string; message: string }> {
  try {
    const res = await fetch(`${FUNCTIONS()}/${PROJECT()}/${FUNCTIONS_REGION}/submitSurveyResponse`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${idToken}` },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(60_000),
    })
    const text = await res.text()
    let body: { result?: unknown; error?: { message?: string; details?: { code?: string } } } = {}
    try {
      body = JSON.parse(text) as typeof body
    } catch {
      return { ok: false, code: 'unavailable', message: text.slice(0, 120) }
    }
    if (res.ok && body.error === undefined) return { ok: true }
    return { ok: false, code: body.error?.details?.code ?? 'unavailable', message: body.error?.message ?? `HTTP ${res.status}` }
  } catch (err) {
    return { ok: false, code: 'unavailable', message: err instanceof Error ? err.message : String(err) }
  }
}

async function count(db: Firestore, path: string): Promise<number> {
  return (await db.collection(path).count().get()).data().count
}

async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await work(items[i]!)
      }
    }),
  )
  return out
}

/** Runs work with at most `max` at a time, in arrival order. */
function limiter(max: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: (() => void)[] = []
  return async (work) => {
    // A finishing call hands its slot straight to the next waiting one.
    if (active >= max) await new Promise<void>((r) => waiting.push(r))
    else active++
    try {
      return await work()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

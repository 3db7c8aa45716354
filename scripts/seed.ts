/**
 * Seeds the emulators with the demo institution (scripts/demo/demo-data.ts) using firebase-admin.
 * Bundled by scripts/emulators.mjs (runSeed) and run with node; needs FIRESTORE_EMULATOR_HOST,
 * FIREBASE_AUTH_EMULATOR_HOST and GCLOUD_PROJECT (it refuses to run without the emulator hosts).
 *
 *   --members N   total members (default $DEMO_MEMBERS or 36)
 *   --reset       overwrite documents that already exist (default: only create missing ones)
 *   --accounts demo   create Auth accounts for the three demo sign-ins only (faster for big N)
 *
 * Idempotent: existing Auth users are updated (password, claims), existing documents are kept
 * unless --reset. Every document carries SyncMeta with `updatedAt` as the commit's server timestamp.
 */
import { initializeApp } from 'firebase-admin/app'
import { getAuth } from 'firebase-admin/auth'
import { FieldValue, getFirestore, type DocumentReference } from 'firebase-admin/firestore'
import { docPath } from '../src/domain/collections'
import {
  DEMO_ACCOUNTS,
  DEMO_INSTITUTION_ID,
  DEMO_JOIN_CODE,
  DEMO_PASSWORD,
  demoDocuments,
  generateDemoData,
  type DemoData,
  type DemoUser,
} from './demo/demo-data'
import { rebuildInstitution } from '../functions/src/aggregates/store'
import { registryPath } from '../functions/src/domains/domains'
import { hashJoinCode, secretsPath } from '../functions/src/join/codes'
import { migrateCore } from '../functions/src/migrate'
import { textKey } from '../functions/src/surveys/access'
import { responsesOf } from '../functions/src/surveys/pool'
import { answerKey } from '../functions/src/surveys/submit'

interface SeedArgs {
  members: number
  reset: boolean
  accounts: 'all' | 'demo'
}

function parseArgs(argv: string[]): SeedArgs {
  const out: SeedArgs = { members: Number(process.env.DEMO_MEMBERS || 36), reset: false, accounts: 'all' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--reset') out.reset = true
    else if (a === '--members') out.members = Number(argv[++i])
    else if (a?.startsWith('--members=')) out.members = Number(a.slice('--members='.length))
    else if (a === '--accounts') out.accounts = argv[++i] === 'demo' ? 'demo' : 'all'
    else if (a === '--accounts=demo') out.accounts = 'demo'
  }
  if (!Number.isFinite(out.members) || out.members < 3) throw new Error('--members must be a number ≥ 3')
  return out
}

/** Run `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await fn(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

function errCode(err: unknown): string {
  const e = err as { code?: unknown; errorInfo?: { code?: unknown } }
  return String(e?.errorInfo?.code ?? e?.code ?? '')
}

/**
 * Fast path: the Auth emulator's batchCreate accepts plain passwords (`rawPassword`, emulator
 * only) and claims, 1,000 users a request, overwriting existing ones. Returns the users it could
 * not write (e.g. an address taken by another account), or null when the endpoint refused.
 */
async function batchCreateOnEmulator(users: DemoUser[], projectId: string): Promise<DemoUser[] | null> {
  const url = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/projects/${projectId}/accounts:batchCreate`
  const failed: DemoUser[] = []
  for (let i = 0; i < users.length; i += 1000) {
    const chunk = users.slice(i, i + 1000)
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer owner' },
      body: JSON.stringify({
        allowOverwrite: true,
        users: chunk.map((u) => ({
          localId: u.uid,
          email: u.email,
          rawPassword: u.password,
          displayName: u.displayName,
          emailVerified: true,
          customAttributes: JSON.stringify({ institutionId: DEMO_INSTITUTION_ID, role: u.role }),
        })),
      }),
    })
    if (!res.ok) return i === 0 ? null : [...failed, ...users.slice(i)]
    const body = (await res.json()) as { error?: { index: number; message: string }[] }
    for (const e of body.error ?? []) if (chunk[e.index]) failed.push(chunk[e.index] as DemoUser)
  }
  return failed
}

async function seedAuth(users: DemoUser[], projectId: string): Promise<{ batched: number; created: number; updated: number }> {
  const rest = await batchCreateOnEmulator(users, projectId).catch(() => null)
  const slow = rest ?? users
  const batched = users.length - slow.length
  const auth = getAuth()
  let created = 0
  let updated = 0
  await pool(slow, 16, async (u) => {
    const props = { email: u.email, password: u.password, displayName: u.displayName, emailVerified: true, disabled: false }
    try {
      await auth.createUser({ uid: u.uid, ...props })
      created++
    } catch (err) {
      const code = errCode(err)
      if (code === 'auth/uid-already-exists') {
        await auth.updateUser(u.uid, props)
        updated++
      } else if (code === 'auth/email-already-exists') {
        // Someone signed up with this address under another uid: give the address back to the demo user.
        const other = await auth.getUserByEmail(u.email)
        await auth.deleteUser(other.uid)
        await auth.createUser({ uid: u.uid, ...props })
        created++
      } else {
        throw err
      }
    }
    await auth.setCustomUserClaims(u.uid, { institutionId: DEMO_INSTITUTION_ID, role: u.role })
  })
  return { batched, created, updated }
}

async function seedFirestore(docs: ReturnType<typeof demoDocuments>, reset: boolean) {
  const db = getFirestore()
  db.settings({ ignoreUndefinedProperties: true })
  // No 500/50/5 ramp-up: this is the emulator, not a production database.
  const writer = db.bulkWriter({ throttling: false })
  let written = 0
  let kept = 0
  const failures: string[] = []
  writer.onWriteError((e) => {
    if (e.code === 6 /* ALREADY_EXISTS */) {
      kept++
      return false
    }
    if (e.failedAttempts < 5) return true
    failures.push(`${e.documentRef.path}: ${e.message}`)
    return false
  })
  writer.onWriteResult(() => {
    written++
  })
  // The join code's hash lives in a server-only document, never on the institution (members read that).
  const secrets = db.doc(secretsPath(DEMO_INSTITUTION_ID))
  const secretData = { joinCodeHashes: [hashJoinCode(DEMO_JOIN_CODE)] }
  if (reset) void writer.set(secrets, secretData).catch(() => {})
  else void writer.create(secrets, secretData).catch(() => {})
  // Sign-up by domain resolves through the server-held registry (emailDomains/{domain}).
  for (const domain of (docs.find((d) => d.collection === 'institutions')?.doc.emailDomains as string[] | undefined) ?? []) {
    void writer.set(db.doc(registryPath(domain)), { institutionId: DEMO_INSTITUTION_ID, setBy: 'seed' }).catch(() => {})
  }
  for (const d of docs) {
    const path = docPath(d.collection, { institutionId: DEMO_INSTITUTION_ID, uid: d.uid }, d.id)
    const data: Record<string, unknown> = {
      ...d.doc,
      id: d.id,
      // The commit time, as the push callable stamps it: pulls order and resume by it.
      updatedAt: FieldValue.serverTimestamp(),
      version: 1,
      deleted: false,
      lastMutationId: null,
      // No server bookkeeping (_clock …): the push callable treats a missing clock as "older than any edit".
    }
    if (d.collection === 'institutions') {
      // Sign-ups on the emulator cannot verify their email; the join callable allows that here only.
      data.allowUnverified = true
    }
    const ref = db.doc(path)
    if (reset) void writer.set(ref, data).catch(() => {})
    else void writer.create(ref, data).catch(() => {})
  }
  await writer.close()
  if (failures.length) throw new Error(`seed: ${failures.length} writes failed, e.g. ${failures[0]}`)
  // Documents kept from an older seed catch up (join codes off the institution, request parties).
  await migrateCore(db)
  return { written, kept }
}

/**
 * Closed surveys' answers where the survey callables keep them after the mixing pool
 * (`surveys/{id}/responses/{key}`: answers and group, nothing else), and the themes a lead tagged
 * their free texts with (by content key, as saveSurveyTheme stores them). An answer's key is the
 * hash of a fixed demo token, so seeding twice never adds answers. Before the counters are
 * rebuilt, which count the responses too.
 */
async function seedSurveyAnswers(data: DemoData, reset: boolean): Promise<number> {
  const db = getFirestore()
  const writer = db.bulkWriter({ throttling: false })
  let written = 0
  const put = (ref: DocumentReference, doc: Record<string, unknown>) =>
    void (reset ? writer.set(ref, doc) : writer.create(ref, doc)).then(
      () => written++,
      () => {},
    )
  for (const [surveyId, responses] of Object.entries(data.surveyResponses)) {
    const out = responsesOf(db, DEMO_INSTITUTION_ID, surveyId)
    responses.forEach((r, i) => put(out.doc(answerKey(`demo-answer-${surveyId}-${i}`)), { answers: r.answers, group: r.group }))
  }
  for (const [surveyId, themes] of Object.entries(data.surveyThemes)) {
    for (const t of themes) {
      put(db.doc(`institutions/${DEMO_INSTITUTION_ID}/surveys/${surveyId}/themes/${t.id}`), {
        name: t.name,
        keys: t.texts.map((x) => textKey(x.questionId, x.text)),
        updatedAt: FieldValue.serverTimestamp(),
      })
    }
  }
  await writer.close()
  return written
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  for (const k of ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST']) {
    if (!process.env[k]) throw new Error(`${k} is not set: the seed only ever runs against the emulators`)
  }
  const projectId = process.env.GCLOUD_PROJECT || 'demo-technician-hub'
  initializeApp({ projectId })
  const t0 = Date.now()
  const now = Date.now()
  const data = generateDemoData({ members: args.members, now })
  const docs = demoDocuments(data)
  const accountUids = new Set<string>(DEMO_ACCOUNTS.map((a) => a.uid))
  const users = args.accounts === 'demo' ? data.users.filter((u) => accountUids.has(u.uid)) : data.users
  const [a, f] = await Promise.all([seedAuth(users, projectId), seedFirestore(docs, args.reset)])
  await seedSurveyAnswers(data, args.reset)
  // The dashboards read kept counters (functions/src/aggregates): count the seeded institution
  // now rather than on the first dashboard view, which could outlast a callable at 10,000 members.
  await rebuildInstitution(getFirestore(), DEMO_INSTITUTION_ID)
  // Machine-readable line for scripts/start.mjs (prints the sign-ins).
  const signIns = data.users.filter((u) => accountUids.has(u.uid)).map(({ email, role, displayName }) => ({ email, role, displayName }))
  console.log(
    `seed-json: ${JSON.stringify({ signIns, password: DEMO_PASSWORD, joinCode: DEMO_JOIN_CODE, members: data.members.length, sample: data.users.slice(3, 5).map((u) => u.email) })}`,
  )
  console.log(
    `seed: ${users.length} accounts (${a.batched ? `${a.batched} imported` : ''}${a.batched && a.created + a.updated ? ', ' : ''}${a.created + a.updated ? `${a.created} created, ${a.updated} updated one by one` : ''}), ${docs.length} documents ` +
      `(${f.written} written, ${f.kept} already there) for ${DEMO_INSTITUTION_ID} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  )
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.exit(1)
  },
)

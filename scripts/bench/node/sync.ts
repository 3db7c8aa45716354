/**
 * Sync figures against the emulators, through the app's real engine (src/sync/engine.ts) and
 * Firebase transport (src/platform/firebase/transport.ts) in Node — Firebase's JS SDK with
 * fake-indexeddb under Dexie — as a signed-in technician of a fresh bench institution:
 *
 * - flush of 500 queued mutations (repos.cpd.create → outbox) in batches of 500, vs one request
 *   per mutation (batchSize 1);
 * - first full pull with 5,000 directory documents, vs reading the same pages with the transport
 *   alone (no Dexie, no validation; one collection after another), each BENCH_PULL_RUNS times (3)
 *   in turn, medians;
 * - documents read on a warm open after 10 of the 5,000 changed (transport's readCounter), vs a
 *   full reload into an empty database.
 *
 * Run by scripts/bench/sync.mjs (bundled by node-run.mjs). Prints `bench-json: {…}` last.
 */
import 'fake-indexeddb/auto'
import { initializeApp as initializeAdmin, deleteApp } from 'firebase-admin/app'
import { getAuth } from 'firebase-admin/auth'
import { FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore'
import { COLLECTION_NAMES, COLLECTIONS, directoryProjection, type CollectionName } from '@/domain/collections'
import { generateDemoData } from '../../demo/demo-data'
import type { CpdEntry } from '@/domain/entities'
import type { Checkpoint } from '@/domain/sync'
import { createDb, type HubDb } from '@/db/database'
import { createRepos } from '@/db/repos'
import { createFirebaseAuth } from '@/platform/firebase/auth'
import { createFirebaseTransport, readCounter } from '@/platform/firebase/transport'
import { PULL_PAGE_SIZE, SyncEngine, type PullSummary } from '@/sync/engine'
import type { SyncTransport } from '@/sync/ports'

const DIRECTORY_SIZE = Number(process.env.BENCH_DIRECTORY_SIZE || 5000)
const CHANGED = Number(process.env.BENCH_CHANGED || 10)
const MUTATIONS = Number(process.env.BENCH_MUTATIONS || 500)
const PULL_RUNS = Number(process.env.BENCH_PULL_RUNS || 3)
/** Documents per pull request, for the engine and the transport-only baseline alike. */
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE || PULL_PAGE_SIZE)
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
const INST = `bench-sync-${RUN}`
const PASSWORD = 'bench-password-1'
const say = (msg: string) => console.log(msg)

type CpdFields = Omit<CpdEntry, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>

async function main(): Promise<void> {
  const admin = initializeAdmin({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-technician-hub' }, `bench-sync-${RUN}`)
  const firestore = getFirestore(admin)
  firestore.settings({ ignoreUndefinedProperties: true })
  const data = generateDemoData({ members: DIRECTORY_SIZE })

  // A fresh institution, its directory of 5,000 and one signed-in technician.
  const t0 = Date.now()
  const meta = (id: string) => ({
    id,
    updatedAt: FieldValue.serverTimestamp(),
    version: 1,
    deleted: false,
    lastMutationId: null,
    _clock: {},
  })
  const { id: _id, updatedAt: _u, version: _v, deleted: _d, lastMutationId: _l, ...institution } = data.institution
  await firestore.doc(`institutions/${INST}`).set({ ...institution, ...meta(INST), emailDomains: [] })
  const email = `bench-${RUN}@example.ac.uk`
  const user = await getAuth(admin).createUser({ email, password: PASSWORD, emailVerified: true, displayName: 'Bench Technician' })
  await getAuth(admin).setCustomUserClaims(user.uid, { institutionId: INST, role: 'technician' })
  const me = { ...data.members[2]!, id: user.uid, institutionId: INST, email, displayName: 'Bench Technician' }
  const { id: _mid, updatedAt: _mu, version: _mv, deleted: _md, lastMutationId: _ml, ...profile } = me
  await firestore.doc(`users/${user.uid}/profiles/${user.uid}`).set({ ...profile, ...meta(user.uid) })
  const directory = data.members.map((m) => directoryProjection({ ...m, visibility: 'institution' as const, institutionId: INST })!)
  await writeDirectory(firestore, directory)
  say(`seeded ${directory.length} directory documents in ${((Date.now() - t0) / 1000).toFixed(1)} s`)

  const auth = createFirebaseAuth('bench-sync')
  const session = await auth.signIn(email, PASSWORD)
  if (session.institutionId !== INST) throw new Error(`signed in without the bench institution claim (${JSON.stringify(session)})`)
  const transport = createFirebaseTransport(() => ({ uid: user.uid, institutionId: INST }), 'bench-sync')
  const collections = (): readonly CollectionName[] => COLLECTION_NAMES

  // First full pull: the engine into an empty database, vs the transport's pages alone (after
  // one small read, so neither pays for the first connection). PULL_RUNS of each, taken in turn so
  // both see the same load; medians reported.
  await transport.pull('members', null, 10)
  const baselineRuns: { value: { documents: number; pages: number }; seconds: number }[] = []
  const pullRuns: { value: PullSummary; seconds: number }[] = []
  const dbs: HubDb[] = []
  let firstPullReads = 0
  for (let run = 0; run < PULL_RUNS; run++) {
    const baseline = await timed(() => pullPagesOnly(transport, collections()))
    baselineRuns.push(baseline)
    say(`transport pages alone: ${baseline.value.documents} documents in ${baseline.seconds} s`)
    const db = createDb(`bench-sync-warm-${RUN}-${run}`)
    dbs.push(db)
    const reads = readCounter.documents
    const pulled = await timed(() => new SyncEngine({ db, transport, collections, pageSize: PAGE_SIZE }).pull())
    firstPullReads = readCounter.documents - reads
    pullRuns.push(pulled)
    say(`first full pull: ${pulled.value.received} documents, ${pulled.value.roundTrips} round trips, ${pulled.seconds} s`)
  }
  const firstPull = pullRuns.toSorted((a, b) => a.seconds - b.seconds)[Math.floor((PULL_RUNS - 1) / 2)]!
  const baselinePull = baselineRuns.toSorted((a, b) => a.seconds - b.seconds)[Math.floor((PULL_RUNS - 1) / 2)]!
  // The last run's database is the phone that opens again.
  const warmDb = dbs.at(-1)!
  const warm = new SyncEngine({ db: warmDb, transport, collections, pageSize: PAGE_SIZE })
  let reads = readCounter.documents

  // Warm open after 10 of the 5,000 changed, vs a full reload.
  const unchanged = await countReads(() => warm.pull())
  const changedIds = directory.slice(0, CHANGED).map((m) => m.id)
  const batch = firestore.batch()
  for (const id of changedIds) {
    batch.update(firestore.doc(`institutions/${INST}/members/${id}`), {
      jobTitle: `Changed for the bench ${RUN}`,
      updatedAt: FieldValue.serverTimestamp(),
      version: FieldValue.increment(1),
    })
  }
  await batch.commit()
  reads = readCounter.documents
  const warmOpen = await timed(() => warm.pull())
  const warmReads = readCounter.documents - reads
  const applied = await warmDb.members
    .where('id')
    .anyOf(changedIds)
    .filter((m) => m.jobTitle === `Changed for the bench ${RUN}`)
    .count()
  say(
    `warm open: ${warmReads} documents read (${applied} of ${CHANGED} changes applied), ${warmOpen.seconds} s; with nothing changed: ${unchanged} read`,
  )
  const fullDb = createDb(`bench-sync-full-${RUN}`)
  reads = readCounter.documents
  const fullReload = await timed(() => new SyncEngine({ db: fullDb, transport, collections, pageSize: PAGE_SIZE }).pull())
  const fullReads = readCounter.documents - reads

  // Push: 500 local CPD entries queued through the repositories, then flushed. One push first,
  // untimed: the Functions emulator starts a worker process on the first call (seconds on a busy
  // machine), which is not what the flush is about.
  const template = cpdTemplate(data.cpdByUid)
  const warmup = await queueAndPush(transport, template, 1, 500, 'warmup')
  say(`first syncPush call (emulator worker start): ${warmup.seconds} s`)
  const batched = await queueAndPush(transport, template, MUTATIONS, 500, 'batched')
  say(
    `flush of ${MUTATIONS} in batches of 500: ${batched.roundTrips} round trips, ${batched.seconds} s (${batched.applied} applied, ${batched.rejected} rejected)`,
  )
  const single = await queueAndPush(transport, template, MUTATIONS, 1, 'single')
  say(`flush of ${MUTATIONS} one per request: ${single.roundTrips} round trips, ${single.seconds} s`)

  await auth.signOut()
  await deleteApp(admin)
  console.log(
    `bench-json: ${JSON.stringify({
      institution: INST,
      directorySize: directory.length,
      pageSize: PAGE_SIZE,
      firstPull: {
        seconds: firstPull.seconds,
        received: firstPull.value.received,
        roundTrips: firstPull.value.roundTrips,
        invalid: firstPull.value.invalid,
        reads: firstPullReads,
        runs: pullRuns.map((r) => r.seconds),
      },
      transportOnlyPull: {
        seconds: baselinePull.seconds,
        documents: baselinePull.value.documents,
        pages: baselinePull.value.pages,
        runs: baselineRuns.map((r) => r.seconds),
      },
      warmOpen: { changed: CHANGED, reads: warmReads, applied, seconds: warmOpen.seconds, readsWithNothingChanged: unchanged },
      fullReload: { reads: fullReads, seconds: fullReload.seconds },
      push: { batched, single, firstCallSeconds: warmup.seconds },
    })}`,
  )
}

/** Writes the directory as syncPush would: batches of 500, each stamped with its commit time. */
async function writeDirectory(firestore: Firestore, docs: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const batch = firestore.batch()
    for (const doc of docs.slice(i, i + 500)) {
      const id = String(doc.id)
      const { updatedAt: _u, ...rest } = doc
      batch.set(firestore.doc(`institutions/${INST}/members/${id}`), {
        ...rest,
        id,
        updatedAt: FieldValue.serverTimestamp(),
        version: 1,
        deleted: false,
        lastMutationId: null,
        _clock: {},
      })
    }
    await batch.commit()
  }
}

/** Every collection's pages through the transport, stored nowhere: the floor of a full pull. */
async function pullPagesOnly(
  transport: SyncTransport,
  collections: readonly CollectionName[],
): Promise<{ documents: number; pages: number }> {
  let documents = 0
  let pages = 0
  for (const col of collections) {
    let after: Checkpoint | null = null
    for (;;) {
      const page = await transport.pull(col, after, PAGE_SIZE)
      pages++
      documents += page.length
      const last = page.at(-1)
      if (!last || page.length < PAGE_SIZE || COLLECTIONS[col].scope === 'root') break
      after = { updatedAt: last.updatedAt, id: last.id }
    }
  }
  return { documents, pages }
}

async function queueAndPush(transport: SyncTransport, template: CpdFields, count: number, batchSize: number, label: string) {
  const db = createDb(`bench-sync-push-${label}-${RUN}`)
  const repos = createRepos({ db })
  for (let i = 0; i < count; i++) await repos.cpd.create({ ...template, title: `${template.title} — bench ${label} ${i + 1}` })
  const queued = await db.outbox.count()
  const engine = new SyncEngine({ db, transport, collections: () => [], batchSize })
  const { value, seconds } = await timed(() => engine.push())
  return { queued, seconds, roundTrips: value.roundTrips, applied: value.applied, rejected: value.rejected, left: await db.outbox.count() }
}

function cpdTemplate(byUid: Record<string, CpdEntry[]>): CpdFields {
  const entry = Object.values(byUid).flat()[0]
  if (!entry) throw new Error('the demo data has no CPD entry')
  const { id: _id, updatedAt: _u, version: _v, deleted: _d, lastMutationId: _l, ...fields } = entry
  return fields
}

async function countReads(work: () => Promise<unknown>): Promise<number> {
  const before = readCounter.documents
  await work()
  return readCounter.documents - before
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now()
  const value = await work()
  return { value, seconds: Math.round(performance.now() - t0) / 1000 }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exit(1)
  },
)

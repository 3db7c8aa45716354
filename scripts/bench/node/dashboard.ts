/**
 * Dashboard cost at 100, 1,000 and 10,000 members, on the Firestore emulator, in this process
 * (firebase-admin, the callables' own cores): institutionStats and cpdStats served from the kept
 * aggregates (functions/src/aggregates) beside the full scan of every member's documents (the
 * `*Scan` functions, what the callables did before) in the same run. Documents read are counted
 * by wrapping firebase-admin's reads (a document get, a query's results, at least 1 per query,
 * and a count() as 1 per 1,000 entries, as Firestore bills them).
 * Members are seeded with the Admin SDK in batches of 400 (4 in flight); the counters are then
 * built once (timed) from the daily job's one-pass recount (`recountAll`). At up to 1,000 members
 * that recount is checked against the per-member `recountInstitution` (the first dashboard view's;
 * too slow on the emulator at 10,000): no counter and no member's contribution may differ.
 * The full scan runs 3 times (once at 10,000, with a timeout). Prints `bench-json: {…}` last.
 */
import { initializeApp } from 'firebase-admin/app'
import { Firestore, getFirestore, Query, type AggregateQuery } from 'firebase-admin/firestore'
import { driftOf } from '../../../functions/src/aggregates/model'
import { rebuildInstitution, recountAll, recountInstitution } from '../../../functions/src/aggregates/store'
import { cpdStatsCore, cpdStatsScan } from '../../../functions/src/cpd-stats/stats'
import { institutionStatsCore, institutionStatsScan } from '../../../functions/src/stats/stats'

const SIZES = (process.env.BENCH_DASHBOARD_SIZES || '100,1000,10000').split(',').map(Number)
const KEPT_RUNS = 7
/** Sizes at which the one-pass recount is checked against the per-member one. */
const CHECK_UP_TO = 1000
/** The full scan at 10,000 members may take minutes: given up after this long. */
const SCAN_TIMEOUT_S = Number(process.env.BENCH_DASHBOARD_SCAN_TIMEOUT_S || 600)
const RUN = Date.now().toString(36)

let reads = 0
function countReads(db: Firestore): void {
  const getAll = Firestore.prototype.getAll
  Firestore.prototype.getAll = async function (this: Firestore, ...args: Parameters<Firestore['getAll']>) {
    const snaps = await getAll.apply(this, args)
    reads += snaps.length
    return snaps
  } as Firestore['getAll']
  const get = Query.prototype.get
  Query.prototype.get = async function (this: Query) {
    const snap = await get.apply(this)
    reads += Math.max(1, snap.size)
    return snap
  } as Query['get']
  // AggregateQuery is not exported as a value: take its prototype from an instance.
  const proto = Object.getPrototypeOf(db.collection('x').count()) as AggregateQuery<never>
  const count = proto.get
  proto.get = async function (this: AggregateQuery<never>) {
    const snap = await count.apply(this)
    reads += Math.max(1, Math.ceil(Number((snap.data() as { count?: number }).count ?? 0) / 1000))
    return snap
  } as AggregateQuery<never>['get']
}

async function seed(db: Firestore, inst: string, n: number): Promise<number> {
  const t0 = Date.now()
  const today = new Date().toISOString().slice(0, 10)
  await db.doc(`institutions/${inst}`).set({
    id: inst,
    name: `Bench ${n}`,
    deleted: false,
    version: 1,
    updatedAt: 0,
    faculties: ['sci', 'eng', 'med', 'art'].map((id) => ({ id, name: id.toUpperCase(), departments: [] })),
    sites: [],
    emailDomains: [],
  })
  const meta = (id: string) => ({ id, deleted: false, version: 1, updatedAt: 0, lastMutationId: null })
  const writes: ((b: FirebaseFirestore.WriteBatch) => void)[] = []
  for (let i = 0; i < n; i++) {
    const uid = `bench-${inst}-${i}`
    writes.push((b) =>
      b.set(db.doc(`users/${uid}/profiles/${uid}`), {
        ...meta(uid),
        institutionId: inst,
        displayName: `Member ${i}`,
        email: `m${i}@example.ac.uk`,
        role: 'technician',
        visibility: 'institution',
        skills: [],
        joinedAt: Date.now() - (i % 700) * 86_400_000,
        facultyId: ['sci', 'eng', 'med', 'art'][i % 4],
        roleFamily: ['laboratory', 'workshop', 'it'][i % 3],
        contract: i % 5 ? 'permanent' : 'fixed-term',
      }),
    )
    if (i % 5 < 3)
      writes.push((b) => b.set(db.doc(`users/${uid}/equality/${uid}`), { ...meta(uid), gender: i % 2 ? 'Woman' : 'Man', disability: 'no' }))
    if (i % 2)
      writes.push((b) =>
        b.set(db.doc(`users/${uid}/cpd/c1`), {
          ...meta('c1'),
          title: 'Course',
          startDate: today,
          hours: 2,
          type: 'formal',
          skillIds: [],
          evidenceIds: [],
        }),
      )
    if (i % 5 === 0)
      writes.push((b) =>
        b.set(db.doc(`users/${uid}/registrations/r1`), {
          ...meta('r1'),
          target: 'RSciTech',
          steps: { outcome: i % 10 ? 'done' : 'doing' },
          competences: {},
          feeSupportRequested: false,
        }),
      )
  }
  const batches: (typeof writes)[] = []
  for (let i = 0; i < writes.length; i += 400) batches.push(writes.slice(i, i + 400))
  for (let i = 0; i < batches.length; i += 4) {
    await Promise.all(
      batches.slice(i, i + 4).map((chunk) => {
        const b = db.batch()
        for (const w of chunk) w(b)
        return b.commit()
      }),
    )
  }
  return (Date.now() - t0) / 1000
}

async function measure(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; reads: number }> {
  const times: number[] = []
  let last = 0
  for (let r = 0; r < runs; r++) {
    const before = reads
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
    last = reads - before
  }
  times.sort((a, b) => a - b)
  return { p50: Math.round(times[Math.floor(times.length / 2)]!), reads: last }
}

type ScanFigures = { p50: number | null; reads: number | null; timedOut: boolean }

/** `measure`, given up (p50 and reads null, timedOut) when one run takes over SCAN_TIMEOUT_S. */
async function measureScan(runs: number, fn: () => Promise<unknown>): Promise<ScanFigures> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SCAN_TIMEOUT_S * 1000)))
  const out = await Promise.race([measure(runs, fn), timeout])
  clearTimeout(timer)
  return out === 'timeout' ? { p50: null, reads: null, timedOut: true } : { ...out, timedOut: false }
}

async function main(): Promise<void> {
  initializeApp({ projectId: process.env.GCLOUD_PROJECT || 'demo-technician-hub' })
  const db = getFirestore()
  db.settings({ ignoreUndefinedProperties: true })
  countReads(db)
  const out: Record<string, unknown>[] = []
  for (const n of SIZES) {
    const inst = `bench-dash-${n}-${RUN}`
    const seedSeconds = await seed(db, inst, n)
    console.log(`${n} members seeded in ${seedSeconds.toFixed(1)} s`)
    const t0 = Date.now()
    const recount = (await recountAll(db)).get(inst)
    if (!recount) throw new Error(`${inst}: not recounted`)
    await rebuildInstitution(db, inst, recount)
    const buildSeconds = (Date.now() - t0) / 1000
    console.log(`${n}: counters built from the one-pass recount in ${buildSeconds.toFixed(1)} s (${recount.members} members)`)
    let checked = null
    if (n <= CHECK_UP_TO) {
      const t1 = Date.now()
      const one = await recountInstitution(db, inst)
      const today = new Date().toISOString().slice(0, 10)
      const drift = driftOf(one.vector, recount.vector, today)
      const sameVector = one.vector.size === recount.vector.size && [...one.vector].every(([k, v]) => recount.vector.get(k) === v)
      const sameContributions =
        one.contributions.size === recount.contributions.size &&
        [...one.contributions].every(([uid, c]) => JSON.stringify(recount.contributions.get(uid)) === JSON.stringify(c))
      if (drift.length > 0 || !sameVector || !sameContributions || one.members !== n)
        throw new Error(`${n}: one-pass recount differs from recountInstitution: ${JSON.stringify(drift).slice(0, 500)}`)
      checked = { seconds: (Date.now() - t1) / 1000, drift: drift.length }
      console.log(
        `${n}: equals the per-member recountInstitution (zero drift, same ${one.members} contributions; that took ${checked.seconds.toFixed(1)} s)`,
      )
    }
    const caller = { uid: 'bench-lead', institutionId: inst, role: 'lead' as const }
    const keptInst = await measure(KEPT_RUNS, () => institutionStatsCore(db, caller, {}))
    const keptCpd = await measure(KEPT_RUNS, () => cpdStatsCore(db, caller))
    const scanRuns = n >= 10_000 ? 1 : 3
    const scanInst = await measureScan(scanRuns, () => institutionStatsScan(db, caller, {}))
    // A scan given up on still runs in the emulator: the next would be measured beside it.
    const scanCpd =
      scanInst.p50 === null ? { p50: null, reads: null, timedOut: false } : await measureScan(scanRuns, () => cpdStatsScan(db, caller))
    console.log(
      `${n}: institutionStats ${keptInst.p50} ms / ${keptInst.reads} reads (scan ${scanInst.p50} ms / ${scanInst.reads}); cpdStats ${keptCpd.p50} ms / ${keptCpd.reads} (scan ${scanCpd.p50} ms / ${scanCpd.reads})`,
    )
    out.push({
      members: n,
      seedSeconds,
      buildSeconds,
      checked,
      keptInst,
      keptCpd,
      scanInst,
      scanCpd,
      scanRuns,
      scanTimeoutSeconds: SCAN_TIMEOUT_S,
      keptRuns: KEPT_RUNS,
    })
  }
  console.log(`bench-json: ${JSON.stringify({ sizes: out })}`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exit(1)
  },
)

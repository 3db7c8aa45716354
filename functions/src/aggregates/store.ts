/**
 * Kept aggregates in Firestore (see ./model.ts for what is counted).
 *
 * - `aggregates/{inst}`: `{ builtAt, shards }` once a full recount has built them.
 * - `aggregates/{inst}/shards/{0..SHARDS-1}`: `{ c: nested map of counters }`. A change adds its
 *   delta to one shard chosen at random with FieldValue.increment (no read of the shard, so
 *   writers never contend on one hot document); a view reads and sums every shard.
 * - `users/{uid}/counted/contribution`: what that member's documents add right now, so the
 *   next change knows what to take away. Server only, like the counters (firestore.rules).
 *
 * Every callable that changes a counted fact calls {@link keepMember} inside its own transaction:
 * it reads (in the transaction) the member's stored contribution and documents, overlays what
 * the transaction is about to write, and returns the writes to make after the caller's reads.
 */
import { randomInt } from 'node:crypto'
import {
  FieldPath,
  FieldValue,
  type DocumentReference,
  type Firestore,
  type QueryDocumentSnapshot,
  type Transaction,
  type WriteBatch,
} from 'firebase-admin/firestore'
import { isoDateOf, addMonths } from '@/domain/rules/dates'
import { institutionProfiles } from '../surveys/submit'
import {
  add,
  contributionOf,
  CPD_LOOKBACK_MONTHS,
  driftOf,
  key,
  minus,
  normalise,
  SEP,
  vectorOf,
  type Drift,
  type Contribution,
  type MemberSources,
  type Vector,
} from './model'

export const SHARDS = 8
const CONCURRENCY = 25
const PAGE = 5000

export const metaRef = (db: Firestore, inst: string) => db.doc(`aggregates/${inst}`)
export const shardRef = (db: Firestore, inst: string, k: number) => db.doc(`aggregates/${inst}/shards/${k}`)
export const contributionRef = (db: Firestore, uid: string) => db.doc(`users/${uid}/counted/contribution`)

type Doc = Record<string, unknown>

// ---------- counters as Firestore maps ----------

/**
 * Every segment after the first is data (a faculty id, an answer, a day): prefixed with "k" so it
 * is never empty nor a reserved `__name__`.
 */
function nested(v: Vector, leaf: (n: number) => unknown): Doc {
  const root: Doc = {}
  for (const [name, n] of v) {
    const [head, ...rest] = name.split(SEP)
    const path = [head!, ...rest.map((s) => `k${s}`)]
    let at = root
    for (const seg of path.slice(0, -1)) at = (at[seg] ??= {}) as Doc
    at[path[path.length - 1]!] = leaf(n)
  }
  return root
}

function flatten(c: unknown, into: Vector = new Map(), prefix: string[] = []): Vector {
  if (typeof c !== 'object' || c === null) return into
  for (const [k, value] of Object.entries(c as Doc)) {
    const seg = prefix.length === 0 ? k : k.slice(1)
    if (typeof value === 'number') {
      if (value !== 0) into.set([...prefix, seg].join(SEP), (into.get([...prefix, seg].join(SEP)) ?? 0) + value)
    } else flatten(value, into, [...prefix, seg])
  }
  return into
}

/** Adds `delta` to one random shard (in a transaction or a batch). */
export function addToShard(db: Firestore, w: Transaction | WriteBatch, inst: string, delta: Vector): void {
  if (delta.size === 0) return
  ;(w as WriteBatch).set(shardRef(db, inst, randomInt(SHARDS)), { c: nested(delta, (n) => FieldValue.increment(n)) }, { merge: true })
}

/** The kept counters of an institution (null when never built), summed over the shards. */
export async function readKept(db: Firestore, inst: string): Promise<{ built: boolean; vector: Vector }> {
  const snaps = await db.getAll(metaRef(db, inst), ...Array.from({ length: SHARDS }, (_, k) => shardRef(db, inst, k)))
  const vector: Vector = new Map()
  for (const s of snaps.slice(1)) if (s.exists) flatten(s.get('c'), vector)
  for (const [k, n] of vector) if (n === 0) vector.delete(k)
  return { built: snaps[0]!.exists, vector }
}

// ---------- one member, inside a caller's transaction ----------

/** Where a member's counted documents live. */
export const memberPaths = (uid: string) => ({
  profile: `users/${uid}/profiles/${uid}`,
  equality: `users/${uid}/equality/${uid}`,
  registrations: `users/${uid}/registrations/`,
  cpd: `users/${uid}/cpd/`,
})

/** True when a path is one of the documents a member's contribution is made of. */
export function isCounted(uid: string, path: string): boolean {
  const p = memberPaths(uid)
  return path === p.profile || path === p.equality || path.startsWith(p.registrations) || path.startsWith(p.cpd)
}

/**
 * Reads (in `tx`) what the member's counters need, overlays `overlay` (path → the document this
 * transaction will write, null for a deletion) and returns the writes that keep the counters:
 * call it after the transaction's own reads and the returned function before it returns.
 */
export async function keepMember(
  db: Firestore,
  tx: Transaction,
  uid: string,
  overlay: ReadonlyMap<string, Doc | null>,
  now = Date.now(),
): Promise<() => void> {
  const today = isoDateOf(now)
  const p = memberPaths(uid)
  const since = addMonths(today, -CPD_LOOKBACK_MONTHS)
  const [stored, profile, equality] = await tx.getAll(contributionRef(db, uid), db.doc(p.profile), db.doc(p.equality))
  const [regs, cpd] = await Promise.all([
    tx.get(db.collection(`users/${uid}/registrations`).select('target', 'steps', 'feeSupportRequested', 'deleted')),
    tx.get(db.collection(`users/${uid}/cpd`).where('startDate', '>=', since).select('startDate', 'endDate', 'deleted')),
  ])
  const pick = (path: string, snap: { exists: boolean; data(): Doc | undefined }) =>
    overlay.has(path) ? (overlay.get(path) ?? null) : snap.exists ? (snap.data() ?? null) : null
  const many = (prefix: string, docs: { ref: DocumentReference; data(): Doc }[]) => {
    const byPath = new Map<string, Doc | null>(docs.map((d) => [d.ref.path, d.data()]))
    for (const [path, doc] of overlay) if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) byPath.set(path, doc)
    return [...byPath.values()].filter((d): d is Doc => d !== null)
  }
  const sources: MemberSources = {
    profile: pick(p.profile, profile!),
    equality: pick(p.equality, equality!),
    registrations: many(p.registrations, regs.docs),
    cpd: many(p.cpd, cpd.docs),
  }
  const before = stored?.exists ? ((stored.get('c') as Contribution | undefined) ?? null) : null
  const after = contributionOf(sources, today)
  return () => applyChange(db, tx, uid, before, after)
}

function applyChange(
  db: Firestore,
  w: Transaction | WriteBatch,
  uid: string,
  before: Contribution | null,
  after: Contribution | null,
): void {
  const was = vectorOf(before)
  const is = vectorOf(after)
  if (before && after && before.inst === after.inst) addToShard(db, w, after.inst, minus(is, was))
  else {
    if (before) addToShard(db, w, before.inst, minus(new Map(), was))
    if (after) addToShard(db, w, after.inst, is)
  }
  const ref = contributionRef(db, uid)
  if (after) (w as WriteBatch).set(ref, { inst: after.inst, c: after })
  else if (before) (w as WriteBatch).delete(ref)
}

// ---------- the full recount ----------

export interface Recount {
  vector: Vector
  contributions: Map<string, Contribution>
  members: number
  seconds: number
}

/** Recomputes an institution's counters from the source documents (reads every member's). */
export async function recountInstitution(db: Firestore, inst: string, now = Date.now()): Promise<Recount> {
  const t0 = Date.now()
  const today = isoDateOf(now)
  const since = addMonths(today, -CPD_LOOKBACK_MONTHS)
  const [profiles, surveys] = await Promise.all([
    institutionProfiles(db, inst).get(),
    db.collection(`institutions/${inst}/surveys`).select().get(),
  ])
  const contributions = new Map<string, Contribution>()
  const vector: Vector = new Map()
  const docs = profiles.docs
  for (let i = 0; i < docs.length; i += CONCURRENCY) {
    await Promise.all(
      docs.slice(i, i + CONCURRENCY).map(async (d) => {
        const uid = d.ref.parent.parent?.id ?? d.id
        const p = memberPaths(uid)
        const [equality, regs, cpd] = await Promise.all([
          db.doc(p.equality).get(),
          db.collection(`users/${uid}/registrations`).select('target', 'steps', 'feeSupportRequested', 'deleted').get(),
          db.collection(`users/${uid}/cpd`).where('startDate', '>=', since).select('startDate', 'endDate', 'deleted').get(),
        ])
        const c = contributionOf(
          {
            profile: d.data(),
            equality: equality.exists ? equality.data()! : null,
            registrations: regs.docs.map((r) => r.data()),
            cpd: cpd.docs.map((r) => r.data()),
          },
          today,
        )
        if (c && c.inst === inst) {
          contributions.set(uid, c)
          add(vector, vectorOf(c))
        }
      }),
    )
  }
  for (const s of surveys.docs) {
    const n = (await s.ref.collection('responses').count().get()).data().count
    if (n > 0) vector.set(key('responses', s.id), n)
  }
  return { vector, contributions, members: contributions.size, seconds: (Date.now() - t0) / 1000 }
}

/** Every document of a collection group, in pages (ordered by path: no index needed). */
async function* everyDoc(db: Firestore, group: string, fields: string[]): AsyncGenerator<QueryDocumentSnapshot> {
  let after: QueryDocumentSnapshot | undefined
  for (;;) {
    let q = db
      .collectionGroup(group)
      .select(...fields)
      .orderBy(FieldPath.documentId())
      .limit(PAGE)
    if (after) q = q.startAfter(after)
    const page = await q.get()
    yield* page.docs
    if (page.size < PAGE) return
    after = page.docs[page.size - 1]
  }
}

/** `users/{uid}/{collection}/…` → uid, or null for a document anywhere else. */
function ownerOf(d: QueryDocumentSnapshot, collection: string): string | null {
  const parts = d.ref.path.split('/')
  return parts.length === 4 && parts[0] === 'users' && parts[2] === collection ? parts[1]! : null
}

/**
 * Every institution recounted in one pass (the daily job): a few collection-group reads of every
 * member's counted documents instead of three queries per member (the emulator answers each of
 * those in tens of milliseconds whatever its size: 10,000 members took over 15 minutes that way).
 * Reads each counted document once; the same contributions as {@link recountInstitution}.
 */
export async function recountAll(db: Firestore, now = Date.now()): Promise<Map<string, Recount>> {
  const t0 = Date.now()
  const today = isoDateOf(now)
  const sources = new Map<string, MemberSources>()
  for await (const d of everyDoc(db, 'profiles', ['institutionId', 'facultyId', 'roleFamily', 'contract', 'site', 'joinedAt', 'deleted'])) {
    // As institutionProfiles: live profiles (deleted == false) naming an institution.
    if (d.get('deleted') !== false || typeof d.get('institutionId') !== 'string') continue
    const uid = d.ref.parent.parent?.id ?? d.id
    sources.set(uid, { profile: d.data(), equality: null, registrations: [], cpd: [] })
  }
  for await (const d of everyDoc(db, 'equality', ['gender', 'ethnicity', 'ageBand', 'disability', 'deleted'])) {
    const uid = ownerOf(d, 'equality')
    const s = uid === d.id ? sources.get(uid) : undefined
    if (s) s.equality = d.data()
  }
  for await (const d of everyDoc(db, 'registrations', ['target', 'steps', 'feeSupportRequested', 'deleted'])) {
    const uid = ownerOf(d, 'registrations')
    if (uid) (sources.get(uid)?.registrations as Doc[] | undefined)?.push(d.data())
  }
  // Every CPD entry: contributionOf keeps those of the last CPD_LOOKBACK_MONTHS.
  for await (const d of everyDoc(db, 'cpd', ['startDate', 'endDate', 'deleted'])) {
    const uid = ownerOf(d, 'cpd')
    if (uid) (sources.get(uid)?.cpd as Doc[] | undefined)?.push(d.data())
  }
  const out = new Map<string, Recount>()
  const recountOf = (inst: string): Recount => {
    let r = out.get(inst)
    if (!r) out.set(inst, (r = { vector: new Map(), contributions: new Map(), members: 0, seconds: 0 }))
    return r
  }
  for (const [uid, src] of sources) {
    const c = contributionOf(src, today)
    if (!c) continue
    const r = recountOf(c.inst)
    r.contributions.set(uid, c)
    add(r.vector, vectorOf(c))
  }
  const institutions = await db.collection('institutions').select().get()
  for (const inst of institutions.docs) {
    const r = recountOf(inst.id)
    const surveys = await db.collection(`institutions/${inst.id}/surveys`).select().get()
    for (const s of surveys.docs) {
      const n = (await s.ref.collection('responses').count().get()).data().count
      if (n > 0) r.vector.set(key('responses', s.id), n)
    }
  }
  const seconds = (Date.now() - t0) / 1000
  for (const r of out.values()) Object.assign(r, { members: r.contributions.size, seconds })
  return out
}

/**
 * Replaces an institution's counters and its members' contributions with a recount. Not one
 * transaction (an institution may have tens of thousands of members): a change committed while
 * it runs may be overwritten by the recount read before it; the next daily recount finds and
 * repairs that drift. Also folds past coverage days (normalise), so the counters stay small.
 */
export async function rebuildInstitution(db: Firestore, inst: string, recount?: Recount, now = Date.now()): Promise<Recount> {
  const r = recount ?? (await recountInstitution(db, inst, now))
  const today = isoDateOf(now)
  const writes: ((b: WriteBatch) => void)[] = []
  for (const [uid, c] of r.contributions) writes.push((b) => b.set(contributionRef(db, uid), { inst, c }))
  // Contributions still naming this institution for people no longer in it.
  const stale = await db.collectionGroup('counted').where('inst', '==', inst).select().get()
  for (const d of stale.docs) {
    const uid = d.ref.parent.parent?.id
    if (uid && !r.contributions.has(uid)) writes.push((b) => b.delete(d.ref))
  }
  for (let i = 0; i < writes.length; i += 400) {
    const batch = db.batch()
    for (const w of writes.slice(i, i + 400)) w(batch)
    await batch.commit()
  }
  const vector = normalise(r.vector, today)
  const batch = db.batch()
  batch.set(shardRef(db, inst, 0), { c: nested(vector, (n) => n) })
  for (let k = 1; k < SHARDS; k++) batch.set(shardRef(db, inst, k), { c: {} })
  batch.set(metaRef(db, inst), { builtAt: FieldValue.serverTimestamp(), shards: SHARDS, members: r.members })
  await batch.commit()
  return r
}

/** The counters to serve: built on first use (a full recount, once), then kept. */
export async function countersFor(db: Firestore, inst: string, now = Date.now()): Promise<Vector> {
  const kept = await readKept(db, inst)
  if (kept.built) return kept.vector
  return (await rebuildInstitution(db, inst, undefined, now)).vector
}

export interface RecountReport {
  institutionId: string
  members: number
  drift: Drift[]
  repaired: boolean
  seconds: number
}

/** Recounts one institution, reports drift from the kept counters and (with `repair`) replaces them. */
export async function checkInstitution(
  db: Firestore,
  inst: string,
  opts: { repair: boolean; now?: number; recount?: Recount },
): Promise<RecountReport> {
  const now = opts.now ?? Date.now()
  const kept = await readKept(db, inst)
  const r = opts.recount ?? (await recountInstitution(db, inst, now))
  const drift = kept.built ? driftOf(kept.vector, r.vector, isoDateOf(now)) : driftOf(new Map(), r.vector, isoDateOf(now))
  // Repair rewrites even without drift: it folds past coverage days and builds what was never built.
  if (opts.repair) await rebuildInstitution(db, inst, r, now)
  return { institutionId: inst, members: r.members, drift, repaired: opts.repair, seconds: r.seconds }
}

/** Every institution: the scheduled job and scripts/recount-aggregates.ts. */
export async function checkAll(db: Firestore, opts: { repair: boolean; now?: number }): Promise<RecountReport[]> {
  const now = opts.now ?? Date.now()
  const all = await recountAll(db, now)
  const institutions = await db.collection('institutions').select().get()
  const out: RecountReport[] = []
  for (const d of institutions.docs) out.push(await checkInstitution(db, d.id, { ...opts, now, recount: all.get(d.id) }))
  return out
}

/**
 * Account deletion: the member leaves the counters, and their profile goes, in one commit (so no
 * push from another of their devices can count them again before their tree is deleted).
 */
export async function forgetMember(db: Firestore, uid: string, now = Date.now()): Promise<void> {
  const profile = db.doc(memberPaths(uid).profile)
  await db.runTransaction(async (tx) => {
    const keep = await keepMember(db, tx, uid, new Map([[profile.path, null]]), now)
    tx.delete(profile)
    keep()
  })
}

/** Survey answers let out of the mixing pool into `responses`: counted, as a batch commits them. */
export function countResponses(db: Firestore, batch: WriteBatch, inst: string, surveyId: string, added: number): void {
  if (added !== 0) addToShard(db, batch, inst, new Map([[key('responses', surveyId), added]]))
}

/**
 * Applying a batch of mutations to Firestore with the shared merge rule (src/domain/merge.ts,
 * the same code the in-memory server of the property tests runs).
 *
 * - Envelope checks first (shape, ids Firestore can store, payload size): no reads.
 * - Then chunks of mutations, each chunk in one transaction: read every ledger entry and target
 *   document (and derived targets: a profile's directory entry), decide the mutations in order
 *   against an in-memory view (several mutations of one document see each other), write each
 *   touched document once and one ledger entry per applied mutation.
 * - `updatedAt` is the commit time (FieldValue.serverTimestamp()), so a pull at read time R sees
 *   every commit up to R and every later commit lands after R: an (updatedAt, id) checkpoint
 *   never skips a write. The commit time is read back from one ledger entry after the commit.
 * - Idempotency: `users/{uid}/mutations/{mutationId}` records an applied mutation's result; a
 *   replay returns it and writes nothing. Rejections and no-ops are not recorded: they write
 *   nothing (so bad input can never grow the database), and a replay recomputes them.
 */
import { FieldValue, Timestamp, type DocumentReference, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { docPath, type Caller, type CollectionName } from '@/domain/collections'
import { mergeMutation, resultFor, type MergeOutcome, type ServerDoc } from '@/domain/merge'
import { placesOf, type Places } from '@/domain/rules/profile'
import { mutationFingerprint, reusedIdResult } from '@/domain/ledger'
import { MAX_PAYLOAD_BYTES, type Mutation, type MutationResult } from '@/domain/sync'
import { isCounted, keepMember } from '../aggregates/store'
import type { Change } from '../notifications/plan'
import { prepareNotifications, type NotificationEffects } from '../notifications/store'
import { checkScope } from './authorise'
import { jsonBytes, unstorablePath } from './doc'
import { checkMutation, looseDocId, looseMutationId, type Rejection } from './validate'

export interface PushOptions {
  /** Most mutations per transaction (1 = one transaction per mutation). */
  chunkSize?: number
  /** Most payload bytes per transaction (Firestore caps a commit at 10 MiB). */
  chunkBytes?: number
  /**
   * Collects what committed transactions leave to do afterwards: the notifications they wrote (to
   * push) and survey fan-out jobs (see ../notifications/deliver.ts).
   */
  effects?: NotificationEffects
}

export const DEFAULT_CHUNK_SIZE = 100
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024

interface Item {
  index: number
  m: Mutation
  path: string
}

/** What a ledger entry holds; `at` is the commit time (= the `updatedAt` the result reports). */
export interface LedgerEntry {
  result: MutationResult
  collection: string
  docId: string
  at: Timestamp
  /** Fingerprint of the mutation's content: a replay of its id with other content is refused. */
  hash?: string
}

/** The ledger document of one mutation id, private to its author. */
export function ledgerPath(uid: string, mutationId: string): string {
  return `users/${uid}/mutations/${mutationId}`
}

/** Stored Firestore data → the merge's view (commit timestamps as ms). */
export function fromStored(data: Record<string, unknown>): ServerDoc {
  const at = data.updatedAt
  const updatedAt = at instanceof Timestamp ? at.toMillis() : typeof at === 'number' ? at : 0
  return { ...data, updatedAt } as ServerDoc
}

/** The merge's doc → Firestore data: `updatedAt` becomes the commit time. */
function toStored(doc: ServerDoc): Record<string, unknown> {
  return { ...doc, updatedAt: FieldValue.serverTimestamp() }
}

/** Apply a batch; results come back in the order given, one per input. */
export async function pushMutations(
  db: Firestore,
  caller: Caller,
  raw: readonly unknown[],
  opts: PushOptions = {},
): Promise<MutationResult[]> {
  const results: (MutationResult | undefined)[] = new Array(raw.length)
  const items: Item[] = []
  raw.forEach((r, index) => {
    const checked = checkMutation(r)
    const rejection: Rejection | null = checked.ok ? checkScope(caller, checked.value.collection) : checked.rejection
    if (rejection || !checked.ok) {
      results[index] = { mutationId: looseMutationId(r), status: 'rejected', docId: looseDocId(r), ...rejection! }
      return
    }
    const m = checked.value
    items.push({ index, m, path: docPath(m.collection, ids(caller), m.docId) })
  })

  for (const chunk of chunks(items, opts.chunkSize ?? DEFAULT_CHUNK_SIZE, opts.chunkBytes ?? DEFAULT_CHUNK_BYTES)) {
    for (const [index, result] of await runChunkSafely(db, caller, chunk, opts.effects)) results[index] = result
  }
  return results.map(
    (r, i) =>
      r ?? {
        mutationId: looseMutationId(raw[i]),
        status: 'rejected',
        docId: looseDocId(raw[i]),
        code: 'invalid',
        message: 'Not processed',
      },
  )
}

const ids = (caller: Caller) => ({ institutionId: caller.institutionId ?? '', uid: caller.uid })

function* chunks(items: Item[], size: number, maxBytes: number): Generator<Item[]> {
  let cur: Item[] = []
  let bytes = 0
  for (const it of items) {
    const b = Math.min(jsonBytes(it.m.payload), MAX_PAYLOAD_BYTES)
    if (cur.length > 0 && (cur.length >= size || bytes + b > maxBytes)) {
      yield cur
      cur = []
      bytes = 0
    }
    cur.push(it)
    bytes += b
  }
  if (cur.length > 0) yield cur
}

// DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNAVAILABLE
const TRANSIENT = new Set([4, 8, 10, 13, 14])

/**
 * A chunk Firestore refuses for a non-transient reason is split, so only the mutation that
 * cannot be stored is rejected. Transient errors propagate: the client retries the batch, and
 * the ledger makes that safe.
 */
async function runChunkSafely(
  db: Firestore,
  caller: Caller,
  chunk: Item[],
  effects?: NotificationEffects,
): Promise<Map<number, MutationResult>> {
  try {
    return await runChunk(db, caller, chunk, effects)
  } catch (err) {
    const code = (err as { code?: unknown }).code
    if (typeof code === 'number' && TRANSIENT.has(code)) throw err
    if (chunk.length > 1) {
      const out = new Map<number, MutationResult>()
      for (const it of chunk) for (const [k, r] of await runChunkSafely(db, caller, [it], effects)) out.set(k, r)
      return out
    }
    const it = chunk[0]!
    const message = err instanceof Error ? err.message.slice(0, 200) : 'The server could not store this change'
    return new Map([[it.index, { mutationId: it.m.mutationId, status: 'rejected', docId: it.m.docId, code: 'invalid', message }]])
  }
}

interface ChunkOutcome {
  results: Map<number, MutationResult>
  /** Indexes whose result must carry this commit's time. */
  stampedNow: Set<number>
  /** A ledger entry written by this commit (to read the commit time back). */
  probe: DocumentReference | null
  /** What the commit leaves to do: pushes of the notifications it wrote, survey fan-outs. */
  effects: NotificationEffects
}

async function runChunk(db: Firestore, caller: Caller, chunk: Item[], effects?: NotificationEffects): Promise<Map<number, MutationResult>> {
  const outcome = await db.runTransaction((tx) => decideChunk(db, tx, caller, chunk))
  if (effects) {
    effects.written.push(...outcome.effects.written)
    effects.jobs.push(...outcome.effects.jobs)
  }
  if (outcome.probe && outcome.stampedNow.size > 0) {
    const snap = await outcome.probe.get()
    const at = snap.get('at') as unknown
    const commitMs = at instanceof Timestamp ? at.toMillis() : Date.now()
    for (const index of outcome.stampedNow) {
      const r = outcome.results.get(index)
      if (r?.status === 'applied' || r?.status === 'overridden') outcome.results.set(index, { ...r, updatedAt: commitMs })
    }
  }
  return outcome.results
}

async function decideChunk(db: Firestore, tx: Transaction, caller: Caller, chunk: Item[]): Promise<ChunkOutcome> {
  const ledgerRefs = new Map<string, DocumentReference>()
  const refs = new Map<string, DocumentReference>()
  for (const it of chunk) {
    ledgerRefs.set(it.m.mutationId, db.doc(ledgerPath(caller.uid, it.m.mutationId)))
    refs.set(it.path, db.doc(it.path))
  }
  const ledgerList = [...ledgerRefs.values()]
  const docList = [...refs.values()]
  const snaps = await tx.getAll(...ledgerList, ...docList)
  const ledger = new Map<string, MutationResult>()
  const hashes = new Map<string, string>()
  const docs = new Map<string, ServerDoc | null>()
  snaps.forEach((snap, i) => {
    if (i < ledgerList.length) {
      if (snap.exists) {
        const entry = snap.data() as LedgerEntry
        const at = entry.at instanceof Timestamp ? entry.at.toMillis() : 0
        ledger.set(
          snap.id,
          entry.result.status !== 'rejected' ? { ...entry.result, updatedAt: at || entry.result.updatedAt } : entry.result,
        )
        if (entry.hash) hashes.set(snap.id, entry.hash)
      }
    } else {
      docs.set(docList[i - ledgerList.length]!.path, snap.exists ? fromStored(snap.data()!) : null)
    }
  })

  // Derived targets (a profile's directory entry) must be read before any write.
  const derivedPaths = new Set<string>()
  for (const it of chunk) {
    if (it.m.collection !== 'profiles') continue
    const inst = caller.institutionId ?? (docs.get(it.path)?.institutionId as string | undefined)
    if (inst) derivedPaths.add(docPath('members', { institutionId: inst, uid: caller.uid }, it.m.docId))
  }
  const missing = [...derivedPaths].filter((p) => !docs.has(p))
  if (missing.length > 0) {
    const more = await tx.getAll(...missing.map((p) => db.doc(p)))
    more.forEach((snap, i) => docs.set(missing[i]!, snap.exists ? fromStored(snap.data()!) : null))
  }

  // Profiles take their faculty, department and site from the institution's lists: read it once.
  const instPath = caller.institutionId ? docPath('institutions', ids(caller), caller.institutionId) : null
  if (instPath && !docs.has(instPath) && chunk.some((it) => it.m.collection === 'profiles')) {
    const snap = await tx.get(db.doc(instPath))
    docs.set(instPath, snap.exists ? fromStored(snap.data()!) : null)
  }
  const placesNow = (): Places | null | undefined => (instPath && docs.has(instPath) ? placesOf(docs.get(instPath)) : undefined)

  // A comment carries its author's name from their profile here, never from the payload.
  const profilePath = docPath('profiles', ids(caller), caller.uid)
  if (!docs.has(profilePath) && chunk.some((it) => it.m.collection === 'comments')) {
    const snap = await tx.get(db.doc(profilePath))
    docs.set(profilePath, snap.exists ? fromStored(snap.data()!) : null)
  }
  const authorName = (): string | undefined => {
    const profile = docs.get(profilePath)
    return profile && !profile.deleted && typeof profile.displayName === 'string' ? profile.displayName : undefined
  }

  const now = Date.now() // server time: createdAt stamps keep it; every stored updatedAt becomes the commit time
  const results = new Map<number, MutationResult>()
  const stampedNow = new Set<number>()
  const dirty = new Set<string>()
  const newLedger: { m: Mutation; ref: DocumentReference; index: number }[] = []
  const appliedHere = new Set<string>()
  const changes: Change[] = []
  for (const { index, m, path } of chunk) {
    const recorded = ledger.get(m.mutationId)
    const hash = mutationFingerprint(m)
    if (recorded && hashes.has(m.mutationId) && hashes.get(m.mutationId) !== hash) {
      results.set(index, reusedIdResult(m))
      continue
    }
    if (recorded) {
      results.set(index, recorded)
      if (appliedHere.has(m.mutationId)) stampedNow.add(index) // a duplicate id within this batch
      continue
    }
    const existing = docs.get(path) ?? null
    let outcome: MergeOutcome = mergeMutation(caller, m, existing, {
      now,
      mutationId: m.mutationId,
      places: m.collection === 'profiles' ? placesNow() : undefined,
      authorName: authorName(),
    })
    if (outcome.kind === 'write') {
      const extra = storable(outcome.doc)
      if (extra) outcome = { kind: 'rejected', ...extra }
    }
    if (outcome.kind === 'write') {
      changes.push({
        collection: m.collection,
        docId: m.docId,
        mutationId: m.mutationId,
        before: existing && !existing.deleted ? existing : null,
        after: outcome.doc,
      })
      docs.set(path, outcome.doc)
      dirty.add(path)
      for (const d of outcome.derived) {
        const inst = caller.institutionId ?? (outcome.doc.institutionId as string | undefined)
        if (!inst) continue
        const dPath = docPath(d.collection as CollectionName, { institutionId: inst, uid: caller.uid }, d.docId)
        docs.set(dPath, d.build(docs.get(dPath) ?? null, { now, mutationId: m.mutationId }))
        dirty.add(dPath)
      }
      newLedger.push({ m, ref: ledgerRefs.get(m.mutationId)!, index })
      appliedHere.add(m.mutationId)
      stampedNow.add(index)
    } else if (outcome.kind === 'noop' && dirty.has(path)) {
      stampedNow.add(index) // a no-op against a doc this commit already wrote
    }
    const result = resultFor(m, outcome, existing)
    if (result.status !== 'rejected') {
      ledger.set(m.mutationId, result)
      hashes.set(m.mutationId, hash)
    }
    results.set(index, result)
  }

  // Notifications the changes cause, written in this same transaction (their reads come first).
  const notes = await prepareNotifications(db, tx, caller, changes, docs, now)
  // A counted fact (profile, equality answers, CPD, registrations) keeps the institution's aggregates in this transaction.
  const counted = [...dirty].filter((path) => isCounted(caller.uid, path))
  const keep =
    counted.length > 0 ? await keepMember(db, tx, caller.uid, new Map(counted.map((path) => [path, docs.get(path) ?? null]))) : null
  for (const path of dirty) tx.set(refs.get(path) ?? db.doc(path), toStored(docs.get(path)!))
  keep?.()
  notes.write()
  for (const { m, ref, index } of newLedger) {
    const entry = {
      result: results.get(index)!,
      collection: m.collection,
      docId: m.docId,
      at: FieldValue.serverTimestamp(),
      hash: mutationFingerprint(m),
    }
    tx.set(ref, entry)
  }
  return { results, stampedNow, probe: newLedger[0]?.ref ?? null, effects: notes.effects }
}

function storable(doc: ServerDoc): Rejection | null {
  const bad = unstorablePath(doc)
  if (bad) return { code: 'invalid', message: 'This value cannot be stored', field: bad }
  if (jsonBytes(doc) > MAX_PAYLOAD_BYTES) return { code: 'too-large', message: 'The document would be too large' }
  return null
}

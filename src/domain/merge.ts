/**
 * How the server applies one mutation to its copy of a document: authorise, merge by the
 * collection's rule, validate the result, stamp version and time. Pure, so the push callable and
 * the in-memory server of the property tests run exactly the same code.
 */
import { COLLECTIONS, directoryProjection, readersOf, type Caller, type CollectionName } from './collections'
import { REQUEST_STATES, type RequestState, type Survey } from './entities'
import { placeErrors, type PlaceField, type Places } from './rules/profile'
import { transition } from './rules/requests'
import { welshOpeningRefusal } from './rules/survey-language'
import { applySetOps, canonical, type Tags } from './sets'
import type { Mutation, MutationResult, OverriddenBy, RejectionCode, SyncMeta } from './sync'
import { validate } from './validation'
import { problem } from './problems'

/** A document as stored on the server: fields, sync metadata, and per-field clocks for LWW. */
export type ServerDoc = SyncMeta &
  Record<string, unknown> & {
    /**
     * Field → time of the write that set it: its clientTime clamped to the server's time at receipt
     * (a clock ahead cannot freeze a field), and after every value its author had seen.
     */
    _clock?: Record<string, number>
    /** Field → who set it: the document version it wrote, the author, their device. */
    _by?: Record<string, FieldWriter>
    /** Set fields' element tags (see src/domain/sets.ts). */
    _tags?: Tags
    /** clientTime of the delete that made this a tombstone. */
    _deletedAt?: number
  }

/** Who last wrote a field. */
export interface FieldWriter {
  v: number
  uid: string
  /** Device id and name, when the mutation named its device. */
  d?: string
  n?: string
}

export type MergeOutcome =
  /** `lost`: what of this mutation lost the merge to newer changes its author had not seen. */
  | { kind: 'write'; doc: ServerDoc; derived: DerivedWrite[]; lost?: { fields: string[]; by: OverriddenBy } }
  | { kind: 'noop' } // already true (a repeated append-only create, a delete of a tombstone)
  | { kind: 'rejected'; code: RejectionCode; message: string; field?: string }

/** A document the server writes as a consequence (the directory projection of a profile). */
export interface DerivedWrite {
  collection: CollectionName
  docId: string
  /** Builds the derived document from its current server copy. */
  build(existing: ServerDoc | null, stamp: Stamp): ServerDoc
}

export interface Stamp {
  now: number
  mutationId: string
}

/** What a merge may need besides the document: for profiles, the institution's own lists. */
export interface MergeContext extends Stamp {
  /** The caller's institution's faculties and sites (undefined: not checked, e.g. no institution yet). */
  places?: Places | null
  /** The caller's display name from their profile on the server (stamped on comments). */
  authorName?: string
}

const META = new Set(['id', 'updatedAt', 'version', 'deleted', 'lastMutationId', '_clock', '_deletedAt', '_by', '_tags'])
const isManager = (c: Caller) => c.role === 'lead' || c.role === 'admin'

/** Applies `m` by `caller` to `existing` (null: no such document). */
export function mergeMutation(caller: Caller, m: Mutation, existing: ServerDoc | null, stamp: MergeContext): MergeOutcome {
  const def = COLLECTIONS[m.collection]
  const live = existing && !existing.deleted ? existing : null
  const payload = fieldsOnly(m.payload)
  if (def.readersField) delete payload[def.readersField] // the server's to set
  for (const f of def.serverFields ?? []) delete payload[f] // stamped below, whatever the client says
  // A device's clock may lie: no edit is later than the server's time at receipt.
  const t = Math.min(m.clientTime, stamp.now)

  if (m.op === 'delete') {
    if (!live) return existing ? { kind: 'noop' } : reject('not-found', problem('gone'))
    if (!def.canWrite(caller, 'delete', null, live, m.docId)) return reject('forbidden', problem('notAllowed', { op: 'delete' }))
    // A tombstone keeps who may read it, so it still reaches them (and only them).
    const tomb = stampDoc({ id: m.docId, deleted: true, _deletedAt: t, ...readers(m.collection, live) } as ServerDoc, existing, stamp)
    return { kind: 'write', doc: tomb, derived: derive(m.collection, m.docId, tomb) }
  }

  if (existing?.deleted && (m.op === 'patch' || t <= (existing._deletedAt ?? Number.POSITIVE_INFINITY))) {
    return reject('conflict', problem('deletedElsewhere'))
  }
  if (m.op === 'patch' && !live) return reject('not-found', problem('gone'))
  if (live && def.merge !== 'lww') {
    // Append-only and one-per-member documents are never edited; a repeated create is a no-op.
    return m.op === 'put' && sameFields(live, payload) ? { kind: 'noop' } : reject('conflict', problem('immutable'))
  }

  const version = (existing?.version ?? 0) + 1
  const writer: FieldWriter = { v: version, uid: caller.uid, ...(m.device ? { d: m.device.id, n: m.device.name } : {}) }
  const next = live
    ? mergeFields(live, payload, m, t, writer)
    : { fields: payload, clock: clockFor(payload, t), by: byFor(payload, writer), lost: [] as string[], winners: [] as FieldWriter[] }
  // Lists merge by element: a patch's add/remove operations on the merged fields.
  const tags: Tags = structuredClone(live?._tags ?? {})
  if (m.op === 'patch' && m.sets?.length) {
    const lostSets = applySetOps(m.collection, next.fields, m.sets, {
      tags,
      version,
      device: m.device?.id,
      baseVersion: m.baseVersion ?? 0,
    })
    for (const path of lostSets) {
      next.lost.push(path.split('/')[0]!)
      const w = live?._by?.[path.split('/')[0]!]
      if (w) next.winners.push(w)
    }
    for (const op of m.sets) {
      const f = op.path[0]!
      if (op.add?.length || op.remove?.length || op.order?.length) {
        next.clock[f] = Math.max(t, (live?._clock?.[f] ?? 0) + 1)
        next.by[f] = writer
      }
    }
  }
  Object.assign(next.fields, serverStamp(m.collection, caller, live, stamp))
  const op = live ? 'update' : 'create'
  if (!def.canWrite(caller, op, next.fields, live, m.docId))
    return reject('forbidden', problem('notAllowed', { op: op === 'create' ? 'create' : 'change' }))
  const refusal = STATE_RULES[m.collection]?.(caller, next.fields, live)
  if (refusal) return reject('forbidden', refusal.message, refusal.field)
  if (live) {
    // Checked after merging: a `put` that omits an optional locked field must not clear it either.
    const changed = (f: string) => JSON.stringify(next.fields[f]) !== JSON.stringify(live[f])
    const fixed = (def.fixedFields ?? []).find(changed)
    if (fixed) return reject('forbidden', FIXED_MESSAGES[fixed] ?? problem('fixedField', { field: fixed }), fixed)
    const locked = isManager(caller) ? undefined : (def.lockedFields ?? []).find(changed)
    if (locked) return reject('forbidden', problem('leadOnly', { field: locked }), locked)
    for (const { by, fields } of def.partyFields ?? []) {
      const party = live[by] !== caller.uid ? fields.find(changed) : undefined
      if (party) return reject('forbidden', problem(PARTY_PROBLEMS[by] ?? 'authorOnly', { field: party }), party)
    }
  }
  const meta = { id: m.docId, updatedAt: 0, version: 0, deleted: false, lastMutationId: null }
  const checked = validate(def.schema, { ...next.fields, ...meta })
  if (!checked.ok) {
    const first = checked.issues[0]
    return reject('invalid', first?.message ?? problem('invalid'), first?.field || undefined)
  }
  const placeRefusal = m.collection === 'profiles' ? checkPlaces(checked.value as Record<string, unknown>, live, stamp.places) : null
  if (placeRefusal) return reject('invalid', placeRefusal.message, placeRefusal.field)
  const body = { ...serverOwned(def.fields, live), ...(checked.value as Record<string, unknown>) }
  // Derived by the server on every write (a client's value is ignored); migrates older documents.
  Object.assign(body, readers(m.collection, body))
  // Only the fields the schema keeps have clocks (a dropped key is not recorded).
  const keep = new Set(def.fields)
  const pick = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).filter(([k]) => keep.has(k)))
  const liveTags = Object.fromEntries(Object.entries(tags).filter(([k]) => keep.has(k.split('/')[0]!)))
  const doc = stampDoc(
    {
      ...body,
      id: m.docId,
      deleted: false,
      _clock: pick(next.clock),
      _by: pick(next.by),
      ...(Object.keys(liveTags).length ? { _tags: liveTags } : {}),
    } as ServerDoc,
    existing,
    stamp,
  )
  const lostFields = [...new Set(next.lost)].filter((f) => keep.has(f))
  const lost = lostFields.length ? { fields: lostFields, by: overriddenBy(caller, next.winners) } : undefined
  return { kind: 'write', doc, derived: derive(m.collection, m.docId, doc), ...(lost ? { lost } : {}) }
}

/**
 * A profile's faculty, department and site come from its institution's lists (the rule the form
 * uses). Only what this write changes is checked: a faculty the institution later renamed does
 * not block an edit of someone's bio.
 */
function checkPlaces(
  next: Record<string, unknown>,
  live: ServerDoc | null,
  places: Places | null | undefined,
): { message: string; field: PlaceField } | null {
  if (places === undefined) return null
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined)
  const changed = (f: PlaceField) => !live || str(next[f]) !== str(live[f])
  const errors = placeErrors({ facultyId: str(next.facultyId), department: str(next.department), site: str(next.site) }, places)
  const field = (['facultyId', 'department', 'site'] as const).find(
    (f) => errors[f] && (changed(f) || (f === 'department' && changed('facultyId'))),
  )
  return field ? { message: errors[field]!, field } : null
}

/** `{ parties: [...] }` for a collection read only by some members; nothing for the others. */
function readers(collection: CollectionName, doc: Record<string, unknown>): Record<string, string[]> {
  const field = COLLECTIONS[collection].readersField
  const uids = readersOf(collection, doc)
  return field && uids ? { [field]: uids } : {}
}

/** Why a field only one party may change was refused, by the field naming that party. */
const PARTY_PROBLEMS: Record<string, string> = { learnerUid: 'learnerOnly', teacherUid: 'teacherOnly', authorUid: 'authorOnly' }

/** Why a fixed field cannot be changed through sync. */
const FIXED_MESSAGES: Record<string, string> = {
  emailDomains: problem('emailDomainsFixed'),
  role: problem('roleFixed'),
}

/**
 * The values the server gives a collection's `serverFields`: set when the document is created
 * (server time, the author's name from their profile, the caller's uid) and kept after;
 * `updatedByUid` names whoever wrote last. A payload never sets them.
 */
function serverStamp(collection: CollectionName, caller: Caller, live: ServerDoc | null, ctx: MergeContext): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of COLLECTIONS[collection].serverFields ?? []) {
    if (live && f !== 'updatedByUid' && live[f] !== undefined) out[f] = live[f]
    else if (f === 'createdAt') out[f] = ctx.now
    else if (f === 'authorName') out[f] = ctx.authorName
    else out[f] = caller.uid // createdByUid, updatedByUid
  }
  return out
}

/** A collection's own rule for how a merged document may change (a state machine); null = fine. */
type StateRule = (caller: Caller, next: Record<string, unknown>, live: ServerDoc | null) => { message: string; field?: string } | null

/**
 * Skill-share requests move only as src/domain/rules/requests.ts allows: created pending by the
 * learner for someone else; then each change of state must be a move the caller may make.
 */
export const requestStateRule: StateRule = (caller, next, live) => {
  // A session is confirmed once it is completed, never before (nor on a new request).
  for (const field of ['learnerConfirmedAt', 'teacherConfirmedAt'])
    if (next[field] !== undefined && next[field] !== live?.[field] && next.state !== 'completed')
      return { message: problem('notAllowed', { op: 'change' }), field }
  if (!live) return next.learnerUid === next.teacherUid ? { message: problem('selfRequest'), field: 'teacherUid' } : null
  const from = live.state as RequestState
  const to = next.state as RequestState
  if (from === to) return null
  if (!REQUEST_STATES.includes(from) || !REQUEST_STATES.includes(to)) return { message: problem('invalid'), field: 'state' }
  const moved = transition(
    { learnerUid: String(live.learnerUid), teacherUid: String(live.teacherUid), state: from, history: {} },
    to,
    caller.uid,
    0,
  )
  return moved.ok ? null : { message: moved.message, field: 'state' }
}

/**
 * A survey's anonymity is fixed once it has opened: people answered believing it, so flipping
 * anonymous ↔ named (and back to draft to flip it there) is refused for good. A draft can change.
 */
export const surveyStateRule: StateRule = (_caller, next, live) => {
  if (!live || live.status === 'draft') return null
  if (next.anonymous !== live.anonymous) {
    return {
      message: problem(live.anonymous ? 'staysAnonymous' : 'staysNamed'),
      field: 'anonymous',
    }
  }
  if (next.status === 'draft') return { message: problem('backToDraft'), field: 'status' }
  return null
}

/** Opening a survey whose organiser requires Welsh is refused while any Welsh text is missing. */
const surveyRules: StateRule = (caller, next, live) => {
  let welsh: ReturnType<typeof welshOpeningRefusal> = null
  try {
    welsh = welshOpeningRefusal(next as unknown as Parameters<typeof welshOpeningRefusal>[0], live?.status as Survey['status'] | undefined)
  } catch {
    // A malformed survey: the schema check that follows refuses it with the field at fault.
  }
  if (welsh) return { message: welsh.message, field: welsh.field }
  return surveyStateRule(caller, next, live)
}

/** A success measure's new check-in names its author: the caller, never someone else. */
export const actionCheckInRule: StateRule = (caller, next, live) => {
  const keys = (doc: Record<string, unknown> | null) => {
    const out = new Set<string>()
    for (const m of Array.isArray(doc?.measures) ? (doc.measures as { id?: unknown; checkIns?: unknown }[]) : [])
      for (const c of Array.isArray(m?.checkIns) ? (m.checkIns as { id?: unknown }[]) : []) out.add(`${String(m.id)}/${String(c?.id)}`)
    return out
  }
  const before = keys(live)
  for (const m of Array.isArray(next.measures) ? (next.measures as { id?: unknown; checkIns?: unknown }[]) : [])
    for (const c of Array.isArray(m?.checkIns) ? (m.checkIns as { id?: unknown; byUid?: unknown }[]) : [])
      if (!before.has(`${String(m.id)}/${String(c?.id)}`) && c?.byUid !== caller.uid)
        return { message: problem('checkInAuthor'), field: 'measures' }
  return null
}

const STATE_RULES: Partial<Record<CollectionName, StateRule>> = {
  requests: requestStateRule,
  surveys: surveyRules,
  actions: actionCheckInRule,
}

/** The result recorded for a mutation (and returned again on a replay). */
export function resultFor(m: Mutation, outcome: MergeOutcome, current: ServerDoc | null): MutationResult {
  if (outcome.kind === 'rejected') {
    return {
      mutationId: m.mutationId,
      status: 'rejected',
      docId: m.docId,
      code: outcome.code,
      message: outcome.message,
      ...(outcome.field ? { field: outcome.field } : {}),
    }
  }
  const doc = outcome.kind === 'write' ? outcome.doc : current
  if (outcome.kind === 'write' && outcome.lost) {
    const { fields, by } = outcome.lost
    const fieldList = fields.join(', ')
    const message = by.deviceName
      ? problem('overriddenOn', { device: by.deviceName, fields: fieldList })
      : problem(by.samePerson ? 'overriddenMine' : by.uid ? 'overriddenOther' : 'overriddenElsewhere', { fields: fieldList })
    return {
      mutationId: m.mutationId,
      status: 'overridden',
      docId: m.docId,
      version: doc?.version ?? 0,
      updatedAt: doc?.updatedAt ?? 0,
      code: 'overridden',
      message,
      fields,
      by,
    }
  }
  return { mutationId: m.mutationId, status: 'applied', docId: m.docId, version: doc?.version ?? 0, updatedAt: doc?.updatedAt ?? 0 }
}

/**
 * version+1, the commit time, and the mutation that made it. `stamp.now` must be the commit time
 * (Firestore's server timestamp): a pull at read time R then sees every commit up to R, and
 * every later commit gets a time after R, so an (updatedAt, id) checkpoint never skips a write.
 * Several documents of one commit share a time; `version` orders writes of one document.
 */
export function stampDoc(doc: ServerDoc, previous: ServerDoc | null, stamp: Stamp): ServerDoc {
  return {
    ...doc,
    version: (previous?.version ?? 0) + 1,
    updatedAt: Math.max(stamp.now, previous?.updatedAt ?? 0),
    lastMutationId: stamp.mutationId,
  }
}

/**
 * Field-level merge. A value its author had seen (written at a version ≤ `baseVersion`) is
 * replaced; a concurrent one (written since) is replaced only by a later edit (clamped time;
 * ties go to the later arrival) — else this edit of the field lost, and is reported.
 */
function mergeFields(live: ServerDoc, payload: Record<string, unknown>, m: Mutation, t: number, writer: FieldWriter) {
  const fields = fieldsOnly(live)
  const clock = { ...(live._clock ?? {}) }
  const by = { ...(live._by ?? {}) }
  const lost: string[] = []
  const winners: FieldWriter[] = []
  const base = m.baseVersion ?? 0
  const keys = m.op === 'put' ? new Set([...Object.keys(fields), ...Object.keys(payload)]) : new Set(Object.keys(payload))
  for (const key of keys) {
    const prev = by[key]
    // Seen: written at a version its author had, or earlier from its own device (the outbox is in order).
    const seen = prev !== undefined && (prev.v <= base || (prev.d !== undefined && prev.d === m.device?.id))
    if (!seen && (clock[key] ?? 0) > t) {
      if (JSON.stringify(canonical(payload[key])) !== JSON.stringify(canonical(fields[key]))) {
        lost.push(key)
        if (prev) winners.push(prev)
      }
      continue
    }
    // null clears a field (a patch cannot carry undefined over JSON).
    if (payload[key] === undefined || payload[key] === null) delete fields[key]
    else fields[key] = payload[key]
    // After every value its author had seen, so a clock running behind cannot undo a newer edit.
    clock[key] = seen ? Math.max(t, (clock[key] ?? 0) + 1) : t
    by[key] = writer
  }
  return { fields, clock, by, lost, winners }
}

function byFor(payload: Record<string, unknown>, writer: FieldWriter): Record<string, FieldWriter> {
  return Object.fromEntries(Object.keys(payload).map((k) => [k, writer]))
}

/** Who made the newest change that beat this one. */
function overriddenBy(caller: Caller, winners: FieldWriter[]): OverriddenBy {
  const w = [...winners].sort((a, b) => b.v - a.v)[0]
  if (!w) return { uid: '', samePerson: false } // written before writers were recorded
  return { uid: w.uid, samePerson: w.uid === caller.uid, ...(w.n ? { deviceName: w.n } : {}) }
}

/**
 * Fields the sync protocol does not own (an institution's `allowUnverified`)
 * survive every synced edit; the schema's output would otherwise drop them.
 */
function serverOwned(editable: readonly string[], live: ServerDoc | null): Record<string, unknown> {
  if (!live) return {}
  const keep = new Set(editable)
  return Object.fromEntries(Object.entries(live).filter(([k]) => !keep.has(k) && !META.has(k)))
}

function clockFor(payload: Record<string, unknown>, t: number): Record<string, number> {
  return Object.fromEntries(Object.keys(payload).map((k) => [k, t]))
}

function derive(collection: CollectionName, docId: string, doc: ServerDoc): DerivedWrite[] {
  if (collection !== 'profiles') return []
  return [
    {
      collection: 'members',
      docId,
      build: (existing, stamp) => {
        const projection = doc.deleted ? null : directoryProjection(fieldsOnly(doc) as { visibility: string })
        const body = projection ? { ...projection, id: docId, deleted: false } : { id: docId, deleted: true }
        return stampDoc(body as ServerDoc, existing, stamp)
      },
    },
  ]
}

function fieldsOnly(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k, val]) => !META.has(k) && val !== undefined))
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const fa = fieldsOnly(a)
  return Object.keys(b).every((k) => JSON.stringify(fa[k]) === JSON.stringify(b[k]))
}

function reject(code: RejectionCode, message: string, field?: string): MergeOutcome {
  return { kind: 'rejected', code, message, field }
}

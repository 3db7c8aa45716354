/**
 * Lists a person edits are sets, not one value: a patch carries add/remove operations per
 * element (`SetOp`), never the whole list, so two devices that each add a skill offline both
 * keep theirs. Shared by the client (its local view and rebase) and the server's merge.
 *
 * - An element is known by its key: `skillId` or `id` for objects, the value itself for strings;
 *   a record's entries by their key (ops carry them as `{ key, value }`).
 * - An add of a key already there replaces that element (its own fields: last write wins); the
 *   nested sets inside it (a question's options) keep merging by element.
 * - On the server every added element is tagged with the document version that added it and the
 *   device that sent it. A remove made on a device that had seen version `baseVersion` removes an
 *   element only if the add it saw is the one there (tag ≤ baseVersion, or its own device's add):
 *   a concurrent re-add survives, and the remove is reported as overridden.
 */
import type { CollectionName } from './collections'

export interface SetOp {
  /** Concrete path: a field, then element keys and fields, e.g. ['questions', 'q1', 'options']. */
  path: string[]
  add?: unknown[]
  remove?: string[]
  /** The keys in the order the author left them (only when they reordered). */
  order?: string[]
}

interface SetSpec {
  /** Field names with `*` for "any element": 'skills', 'questions.*.options'. */
  pattern: string[]
  kind: 'list' | 'record'
}

const spec = (pattern: string, kind: 'list' | 'record' = 'list'): SetSpec => ({ pattern: pattern.split('.'), kind })

/** Every list (or keyed map) a person edits, per collection. */
export const SET_FIELDS: Partial<Record<CollectionName, SetSpec[]>> = {
  profiles: [spec('skills')],
  cpd: [spec('skillIds'), spec('evidenceIds')],
  registrations: [spec('steps', 'record'), spec('competences', 'record'), spec('competences.*.cpdIds'), spec('competences.*.evidenceIds')],
  surveys: [spec('sections'), spec('questions'), spec('questions.*.options')],
  plans: [spec('owners', 'record'), spec('phases', 'record')],
  actions: [spec('measures'), spec('measures.*.checkIns')],
  // Two devices choosing modes for different kinds both keep theirs.
  notificationPrefs: [spec('kinds', 'record')],
  institutions: [spec('faculties'), spec('faculties.*.departments'), spec('sites'), spec('skillMerges', 'record')],
}

/** Top-level fields of a collection that merge as sets. */
export function setFieldsOf(collection: CollectionName): string[] {
  return (SET_FIELDS[collection] ?? []).filter((s) => s.pattern.length === 1).map((s) => s.pattern[0]!)
}

/** Tag of an element on the server: the version that added it and the adding device. */
export interface ElementTag {
  v: number
  d?: string
}
/** `_tags` of a server document: path key → element key → tag. */
export type Tags = Record<string, Record<string, ElementTag>>

export const pathKey = (path: readonly string[]) => path.join('/')

export function elementKey(x: unknown): string {
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>
    return String(o.skillId ?? o.id ?? o.key ?? JSON.stringify(o))
  }
  return String(x)
}

function specAt(collection: CollectionName, path: readonly string[]): SetSpec | undefined {
  return (SET_FIELDS[collection] ?? []).find(
    (s) => s.pattern.length === path.length && s.pattern.every((p, i) => p === '*' || p === path[i]),
  )
}

/** Nested set fields inside an element of the set at `path` (a question's `options`). */
function childFields(collection: CollectionName, path: readonly string[]): string[] {
  return (SET_FIELDS[collection] ?? [])
    .filter(
      (s) =>
        s.pattern.length === path.length + 2 &&
        s.pattern[path.length] === '*' &&
        path.every((p, i) => s.pattern[i] === '*' || s.pattern[i] === p),
    )
    .map((s) => s.pattern[path.length + 1]!)
}

/** A list or record seen as keyed entries. */
function entries(value: unknown, kind: 'list' | 'record'): Map<string, unknown> {
  if (kind === 'record')
    return new Map(value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : [])
  return new Map(Array.isArray(value) ? value.map((x) => [elementKey(x), x] as const) : [])
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** JSON with object keys sorted (for comparisons and fingerprints). */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

function without(element: unknown, fields: readonly string[]): unknown {
  if (!fields.length || !element || typeof element !== 'object') return element
  const copy = { ...(element as Record<string, unknown>) }
  for (const f of fields) delete copy[f]
  return copy
}

/**
 * The operations that turn `before` into `after` for the set fields present in `after`; those
 * fields then leave the patch (`rest`).
 */
export function diffSets(
  collection: CollectionName,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { ops: SetOp[]; rest: Record<string, unknown> } {
  const rest = { ...after }
  const ops: SetOp[] = []
  for (const field of setFieldsOf(collection)) {
    if (!(field in after)) continue
    delete rest[field]
    diffAt(collection, [field], before[field], after[field], ops)
  }
  return { ops, rest }
}

function diffAt(collection: CollectionName, path: string[], before: unknown, after: unknown, ops: SetOp[]): void {
  const kind = specAt(collection, path)?.kind ?? 'list'
  const children = childFields(collection, path)
  const old = entries(before, kind)
  const next = entries(after, kind)
  const op: SetOp = { path }
  const remove = [...old.keys()].filter((k) => !next.has(k))
  const add: unknown[] = []
  const nested: [string, string, unknown, unknown][] = []
  for (const [k, x] of next) {
    const prev = old.get(k)
    if (!old.has(k)) add.push(kind === 'record' ? { key: k, value: x } : x)
    else {
      if (!same(without(prev, children), without(x, children))) add.push(kind === 'record' ? { key: k, value: x } : x)
      for (const c of children) nested.push([k, c, (prev as Record<string, unknown>)?.[c], (x as Record<string, unknown>)?.[c]])
    }
  }
  if (remove.length) op.remove = remove
  if (add.length) op.add = add
  if (kind === 'list') {
    const common = [...next.keys()].filter((k) => old.has(k))
    const oldOrder = [...old.keys()].filter((k) => next.has(k))
    if (common.some((k, i) => k !== oldOrder[i])) op.order = [...next.keys()]
  }
  if (op.add || op.remove || op.order) ops.push(op)
  for (const [k, c, b, a] of nested) diffAt(collection, [...path, k, c], b, a, ops)
}

export interface ApplyOptions {
  /** Server only: the tags of the live document (updated in place) and the version being written. */
  tags?: Tags
  version?: number
  device?: string
  /** The version the author had seen (a remove beats only adds up to it). */
  baseVersion?: number
}

/**
 * Applies `ops` to `fields` (mutated). Returns the paths where part of an op could not take
 * effect: a remove beaten by an add its author had not seen, or an element whose parent is gone.
 */
export function applySetOps(
  collection: CollectionName,
  fields: Record<string, unknown>,
  ops: readonly SetOp[],
  opts: ApplyOptions = {},
): string[] {
  const lost = new Set<string>()
  for (const op of ops) {
    const s = specAt(collection, op.path)
    if (!s) continue
    const parent = navigate(collection, fields, op.path.slice(0, -1))
    if (!parent) {
      if (op.add?.length || op.remove?.length) lost.add(pathKey(op.path))
      continue
    }
    const field = op.path.at(-1)!
    const kind = s.kind
    const children = childFields(collection, op.path)
    const map = entries(parent[field], kind)
    const key = pathKey(op.path)
    const tags = opts.tags ? (opts.tags[key] ??= {}) : undefined
    for (const k of op.remove ?? []) {
      if (!map.has(k)) continue
      const tag = tags?.[k]
      const seen = !tag || tag.v <= (opts.baseVersion ?? Number.POSITIVE_INFINITY) || (tag.d !== undefined && tag.d === opts.device)
      if (!seen) {
        lost.add(key)
        continue
      }
      map.delete(k)
      if (tags) delete tags[k]
      dropTagsUnder(opts.tags, [...op.path, k])
    }
    for (const raw of op.add ?? []) {
      const k = kind === 'record' ? String((raw as { key?: unknown })?.key) : elementKey(raw)
      let x = kind === 'record' ? (raw as { value?: unknown })?.value : raw
      const prev = map.get(k)
      if (prev && typeof prev === 'object' && x && typeof x === 'object' && children.length) {
        // The element's own fields are replaced; its nested sets keep merging by element.
        x = { ...(x as Record<string, unknown>) }
        for (const c of children) {
          if ((prev as Record<string, unknown>)[c] === undefined) delete (x as Record<string, unknown>)[c]
          else (x as Record<string, unknown>)[c] = (prev as Record<string, unknown>)[c]
        }
      }
      map.set(k, x)
      if (tags && opts.version !== undefined) tags[k] = opts.device ? { v: opts.version, d: opts.device } : { v: opts.version }
    }
    let keys = [...map.keys()]
    if (op.order && kind === 'list') {
      const rank = new Map(op.order.map((k, i) => [k, i]))
      const ranked = keys.filter((k) => rank.has(k)).sort((a, b) => rank.get(a)! - rank.get(b)!)
      let i = 0
      keys = keys.map((k) => (rank.has(k) ? ranked[i++]! : k))
    }
    parent[field] = kind === 'record' ? Object.fromEntries(keys.map((k) => [k, map.get(k)])) : keys.map((k) => map.get(k))
  }
  return [...lost]
}

function navigate(collection: CollectionName, fields: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | null {
  let cur: unknown = fields
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!
    if (!cur || typeof cur !== 'object') return null
    const s = specAt(collection, path.slice(0, i + 1))
    if (i % 2 === 1 && s === undefined) {
      // An element of the set at path[..i]: by key.
      const container = cur
      const kind = specAt(collection, path.slice(0, i))?.kind ?? 'list'
      cur = Array.isArray(container)
        ? container.find((x) => elementKey(x) === seg)
        : kind === 'record'
          ? (container as Record<string, unknown>)[seg]
          : undefined
      if (cur && typeof cur === 'object' && !Array.isArray(cur) && Array.isArray(container)) {
        // Copy on write, so a caller's objects are never changed behind its back.
        const copy = { ...(cur as Record<string, unknown>) }
        container[container.indexOf(cur)] = copy
        cur = copy
      } else if (cur && typeof cur === 'object' && kind === 'record') {
        const copy = { ...(cur as Record<string, unknown>) }
        ;(container as Record<string, unknown>)[seg] = copy
        cur = copy
      }
    } else {
      const obj = cur as Record<string, unknown>
      const value = obj[seg]
      if (Array.isArray(value)) obj[seg] = [...value]
      else if (value && typeof value === 'object') obj[seg] = { ...(value as Record<string, unknown>) }
      cur = obj[seg]
    }
  }
  return cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>) : null
}

function dropTagsUnder(tags: Tags | undefined, path: readonly string[]): void {
  if (!tags) return
  const prefix = `${pathKey(path)}/`
  for (const k of Object.keys(tags)) if (k.startsWith(prefix)) delete tags[k]
}

/** A stable fingerprint of a mutation's content (everything but its id), for the ledger. */
export function fingerprint(value: unknown): string {
  const s = JSON.stringify(canonical(value)) ?? ''
  // cyrb53: a small, well-spread 53-bit string hash.
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `${s.length.toString(36)}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`
}

/**
 * The directory's search index: an inverted index of words → (member, where it matched), a sorted
 * vocabulary for prefix lookups (results on every keystroke), a bounded-edit-distance pass over the
 * vocabulary for typos, filters and a ranking that puts experts who can teach first.
 *
 * Pure and synchronous, so the app can run it in a Web Worker and the bench can time it anywhere:
 * `createDirectoryIndex(members)` once, then `search(index, query, filters)` per keystroke.
 * `updateDirectoryIndex(index, { upsert, remove })` follows changed and removed members without a
 * rebuild (a changed member takes a new slot; the old one is skipped until the next full build),
 * and `exportIndex` / `importIndex` give a structured-cloneable copy to keep in IndexedDB.
 * Hidden, deleted and other institutions' members are never indexed, whatever the input holds.
 *
 * Where a match happened is one bit of a 32-bit mask: bits 0–4 are the name and other fields,
 * bits 5–30 the member's first 26 skills, bit 31 any later skill (rare; checked by text).
 */
import type { Member, MemberSkill } from '@/domain/entities'
import { normalise } from '@/domain/taxonomy'
import { allowedEdits, boundedDistance, fuzzyPrefixRanges } from './fuzzy'
import { queryWords, skillTerms, wordsOf } from './text'

export type SkillLevel = MemberSkill['level']
export type DirectoryField = 'name' | 'jobTitle' | 'department' | 'faculty' | 'site'

export interface DirectoryFilters {
  facultyId?: string
  roleFamily?: string
  /** Only people who can teach (a skill that matched the query, or any skill without one). */
  canTeach?: boolean
  /** Only people at this level or above (in a matching skill, or any skill without a query). */
  minLevel?: SkillLevel
}

export interface DirectoryHit {
  id: string
  score: number
  /** The member's skills that matched the query, in the member's own order. */
  matchedSkillIds: string[]
  matchedFields: DirectoryField[]
}

export interface DirectoryResult {
  hits: DirectoryHit[]
  /** Everyone who matched, beyond the page returned. */
  total: number
  /** True when the words were matched with typo tolerance (nothing matched them exactly). */
  fuzzy: boolean
}

/** What the index reads of a member; a full `Member` fits. */
export type IndexableMember = Pick<Member, 'id' | 'institutionId' | 'displayName' | 'visibility' | 'skills'> &
  Partial<Pick<Member, 'deleted' | 'jobTitle' | 'department' | 'facultyId' | 'site' | 'roleFamily'>>

export interface DirectoryIndexOptions {
  /** Only this institution's members are indexed (the directory never holds others; belt and braces). */
  institutionId?: string
  /** Faculty id → name, so "engineering" finds a faculty's members. */
  facultyNames?: Readonly<Record<string, string>>
}

/**
 * The index. Per-member data lives in slots; a member changed since the build has a new slot and
 * its old one is marked `removed` (its postings stay, skipped by every search). Typed arrays may be
 * longer than `slots` (room to grow), and postings may be views on larger buffers.
 */
export interface DirectoryIndex {
  /** Members listed (searchable). */
  size: number
  /** Slots in use, removed ones included. */
  slots: number
  /** Member id by slot. */
  ids: string[]
  /** Sorted vocabulary and, aligned with it, postings (slot << 5 | bit), ascending by slot. */
  terms: string[]
  postings: Int32Array[]
  /** Slot → position by name (listed slots only), and position → slot (length `size`). */
  nameRank: Int32Array
  byRank: Int32Array
  /** By slot: the name's sort key. */
  sortKeys: string[]
  facultyIds: (string | undefined)[]
  roleFamilies: (string | undefined)[]
  skills: (readonly Pick<MemberSkill, 'skillId' | 'name'>[])[]
  /** Per slot: skill bits that can teach / are at least practitioner / expert / exist. */
  teachMask: Uint32Array
  practitionerMask: Uint32Array
  expertMask: Uint32Array
  skillMask: Uint32Array
  /** Per slot × 27 skill slots: the rank weight of that skill (level and teaching). */
  skillWeight: Uint8Array
  /** 1 for a slot whose member was removed or changed since. */
  removed: Uint8Array
  /**
   * Words of one or two letters match thousands of terms on the first keystrokes: their postings
   * are merged per member once, when the index is built, so those keystrokes stay as fast as the rest.
   */
  short: Map<string, ShortList>
  options: DirectoryIndexOptions
  /** Member id → its listed slot. */
  slotOf: Map<string, number>
  /** Scratch space reused by every search (the index is searched by one thread). */
  scratch: Scratch
}

/** The merged postings of every term starting with a one- or two-letter prefix: one entry per slot. */
export interface ShortList {
  members: Int32Array
  masks: Uint32Array
  /** 3 when a term is exactly the prefix (e.g. "3d", "r"), else 2. */
  quality: Uint8Array
}

interface Scratch {
  epoch: Int32Array
  hits: Int32Array
  tokMask: Uint32Array
  orMask: Uint32Array
  andMask: Uint32Array
  tokQual: Int32Array
  qual: Int32Array
  touched: Int32Array
  current: number
}

const FIELD_BITS: readonly DirectoryField[] = ['name', 'jobTitle', 'department', 'faculty', 'site']
const NAME_BIT = 1
/** Job title, department, faculty and site. */
const OTHER_FIELD_BITS = 0b11110
const SKILL_BITS = 0xffffffe0 >>> 0
const FIRST_SKILL_BIT = 5
const SKILL_SLOTS = 27 // 26 own bits + the overflow bit
const OVERFLOW_BIT = 31
const LEVEL_WEIGHT: Record<SkillLevel, number> = { learning: 4, practitioner: 8, expert: 12 }
const TEACH_WEIGHT = 6
/** Bumped whenever the index's shape changes, so a stored copy of an older one is rebuilt. */
export const INDEX_FORMAT = 3

const bitOfSkill = (k: number) => (k < 26 ? FIRST_SKILL_BIT + k : OVERFLOW_BIT)
const slotOfBit = (bit: number) => (bit === OVERFLOW_BIT ? 26 : bit - FIRST_SKILL_BIT)

/** True when a member belongs in the directory at all. */
export function isListed(m: IndexableMember, institutionId?: string): boolean {
  return m.deleted !== true && m.visibility === 'institution' && (!institutionId || m.institutionId === institutionId)
}

/** Builds the index (about 0.1 s per 10,000 profiles on a laptop; run it off the main thread). */
export function createDirectoryIndex(members: readonly IndexableMember[], options: DirectoryIndexOptions = {}): DirectoryIndex {
  const byId = new Map<string, IndexableMember>()
  for (const m of members) if (isListed(m, options.institutionId)) byId.set(m.id, m)
  const kept = [...byId.values()]
  const n = kept.length
  const termMap = new Map<string, number[]>()
  const index = emptyIndex(n, options)
  // Titles, departments and sites repeat across thousands of people: split each once.
  const seen = new Map<string, string[]>()
  kept.forEach((m, i) =>
    fillSlot(index, i, m, seen, (term, bit) => {
      const posting = (i << 5) | bit
      const list = termMap.get(term)
      if (!list) termMap.set(term, [posting])
      else if (list[list.length - 1] !== posting) list.push(posting)
    }),
  )
  index.slots = n
  index.size = n
  index.terms = [...termMap.keys()].sort()
  index.postings = index.terms.map((t) => Int32Array.from(termMap.get(t)!))
  index.short = shortLists(index.terms, index.postings, n)
  index.byRank = Int32Array.from(kept.keys()).sort((a, b) => compareSlots(index, a, b))
  index.byRank.forEach((slot, rank) => (index.nameRank[slot] = rank))
  return index
}

function emptyIndex(capacity: number, options: DirectoryIndexOptions): DirectoryIndex {
  return {
    size: 0,
    slots: 0,
    ids: [],
    terms: [],
    postings: [],
    nameRank: new Int32Array(capacity),
    byRank: new Int32Array(0),
    sortKeys: [],
    facultyIds: [],
    roleFamilies: [],
    skills: [],
    teachMask: new Uint32Array(capacity),
    practitionerMask: new Uint32Array(capacity),
    expertMask: new Uint32Array(capacity),
    skillMask: new Uint32Array(capacity),
    skillWeight: new Uint8Array(capacity * SKILL_SLOTS),
    removed: new Uint8Array(capacity),
    short: new Map(),
    options: { ...options },
    slotOf: new Map(),
    scratch: scratchFor(capacity),
  }
}

function scratchFor(capacity: number): Scratch {
  return {
    epoch: new Int32Array(capacity),
    hits: new Int32Array(capacity),
    tokMask: new Uint32Array(capacity),
    orMask: new Uint32Array(capacity),
    andMask: new Uint32Array(capacity),
    tokQual: new Int32Array(capacity),
    qual: new Int32Array(capacity),
    touched: new Int32Array(capacity),
    current: 0,
  }
}

/** Writes one member's per-slot data and hands every (term, bit) it is found by to `emit`. */
function fillSlot(
  index: DirectoryIndex,
  i: number,
  m: IndexableMember,
  seen: Map<string, string[]>,
  emit: (term: string, bit: number) => void,
): void {
  const words = (text: string | undefined) => {
    if (!text) return []
    let w = seen.get(text)
    if (!w) seen.set(text, (w = wordsOf(text)))
    return w
  }
  const nameWords = wordsOf(m.displayName)
  index.ids[i] = m.id
  index.slotOf.set(m.id, i)
  index.sortKeys[i] = nameWords.join(' ') || normalise(m.displayName)
  index.facultyIds[i] = m.facultyId
  index.roleFamilies[i] = m.roleFamily
  index.skills[i] = m.skills.map(({ skillId, name }) => ({ skillId, name }))
  for (const w of nameWords) emit(w, 0)
  const fields = [m.jobTitle, m.department, m.facultyId ? index.options.facultyNames?.[m.facultyId] : undefined, m.site]
  fields.forEach((text, k) => {
    for (const w of words(text)) emit(w, k + 1)
  })
  m.skills.forEach((skill, k) => {
    const bit = bitOfSkill(k)
    const flag = (1 << bit) >>> 0
    for (const term of skillTerms(skill)) emit(term, bit)
    index.skillMask[i]! |= flag
    if (skill.canTeach) index.teachMask[i]! |= flag
    if (skill.level !== 'learning') index.practitionerMask[i]! |= flag
    if (skill.level === 'expert') index.expertMask[i]! |= flag
    const w = LEVEL_WEIGHT[skill.level] + (skill.canTeach ? TEACH_WEIGHT : 0)
    const slot = i * SKILL_SLOTS + slotOfBit(bit)
    if (w > index.skillWeight[slot]!) index.skillWeight[slot] = w
  })
}

/** By name, then by slot (the order members were added). */
function compareSlots(index: DirectoryIndex, a: number, b: number): number {
  const ka = index.sortKeys[a]!
  const kb = index.sortKeys[b]!
  return ka < kb ? -1 : ka > kb ? 1 : a - b
}

/**
 * Follows changes without a rebuild: every id in `remove` or `upsert` leaves the index, then each
 * upserted member that is still listed comes back in a new slot (the last copy of a repeated id).
 * Costs a little per changed member and one pass over the name order; removed slots are skipped by
 * searches until the next full build (`staleSlots` says how many there are).
 */
export function updateDirectoryIndex(
  index: DirectoryIndex,
  changes: { upsert?: readonly IndexableMember[]; remove?: readonly string[] },
): void {
  const upsert = new Map<string, IndexableMember>()
  for (const m of changes.upsert ?? []) upsert.set(m.id, m)
  for (const id of [...(changes.remove ?? []), ...upsert.keys()]) {
    const slot = index.slotOf.get(id)
    if (slot === undefined) continue
    index.removed[slot] = 1
    index.slotOf.delete(id)
    index.size--
  }
  const added: number[] = []
  const seen = new Map<string, string[]>()
  for (const m of upsert.values()) {
    if (!isListed(m, index.options.institutionId)) continue
    const slot = index.slots++
    ensureCapacity(index, index.slots)
    const found = new Map<string, { postings: Set<number>; bits: number }>()
    fillSlot(index, slot, m, seen, (term, bit) => {
      let entry = found.get(term)
      if (!entry) found.set(term, (entry = { postings: new Set(), bits: 0 }))
      entry.postings.add((slot << 5) | bit)
      entry.bits = (entry.bits | (1 << bit)) >>> 0
    })
    const prefixes = new Map<string, { mask: number; quality: number }>()
    for (const [term, { postings, bits }] of found) {
      for (const posting of postings) addPosting(index, term, posting)
      for (const len of [1, 2]) {
        if (term.length < len) continue
        const prefix = term.slice(0, len)
        const q = term.length === len ? 3 : 2
        const p = prefixes.get(prefix)
        if (!p) prefixes.set(prefix, { mask: bits, quality: q })
        else {
          p.mask = (p.mask | bits) >>> 0
          p.quality = Math.max(p.quality, q)
        }
      }
    }
    for (const [prefix, { mask, quality }] of prefixes) {
      const list = index.short.get(prefix)
      if (!list) index.short.set(prefix, { members: Int32Array.of(slot), masks: Uint32Array.of(mask), quality: Uint8Array.of(quality) })
      else {
        list.members = append(list.members, slot)
        list.masks = append(list.masks, mask)
        list.quality = append(list.quality, quality)
      }
    }
    index.size++
    added.push(slot)
  }
  // The name order: the listed slots that stayed, merged with the new ones.
  added.sort((a, b) => compareSlots(index, a, b))
  const byRank = new Int32Array(index.size)
  let r = 0
  let k = 0
  for (const slot of index.byRank) {
    if (index.removed[slot]) continue
    while (k < added.length && compareSlots(index, added[k]!, slot) < 0) byRank[r++] = added[k++]!
    byRank[r++] = slot
  }
  while (k < added.length) byRank[r++] = added[k++]!
  index.byRank = byRank
  byRank.forEach((slot, rank) => (index.nameRank[slot] = rank))
}

/** Slots left behind by changed or removed members; a full build drops them. */
export function staleSlots(index: DirectoryIndex): number {
  return index.slots - index.size
}

function addPosting(index: DirectoryIndex, term: string, posting: number): void {
  const at = lowerBound(index.terms, term)
  if (index.terms[at] === term) index.postings[at] = append(index.postings[at]!, posting)
  else {
    index.terms.splice(at, 0, term)
    index.postings.splice(at, 0, Int32Array.of(posting))
  }
}

type Typed = Int32Array | Uint32Array | Uint8Array

/** Buffers `append` made, each holding one list: only these grow in place (a loaded index's lists share one). */
const ownBuffers = new WeakSet<ArrayBufferLike>()

/** `view` with `value` after it, in the same buffer while it has room (else one twice the size). */
function append<T extends Typed>(view: T, value: number): T {
  const n = view.length
  const room = (view.buffer.byteLength - view.byteOffset) / view.BYTES_PER_ELEMENT
  const Typed = view.constructor as { new (buffer: ArrayBufferLike, offset: number, length: number): T; new (length: number): T }
  let out: T
  if (room > n && ownBuffers.has(view.buffer)) out = new Typed(view.buffer, view.byteOffset, n + 1)
  else {
    const bigger = new Typed(Math.max(4, n * 2))
    bigger.set(view)
    ownBuffers.add(bigger.buffer)
    out = bigger.subarray(0, n + 1) as T
  }
  out[n] = value
  return out
}

/** Grows the per-slot arrays (and the scratch space) to hold `slots`. */
function ensureCapacity(index: DirectoryIndex, slots: number): void {
  if (slots <= index.removed.length) return
  const capacity = Math.max(slots, Math.ceil(index.removed.length * 1.25) + 16)
  const grow = <T extends Typed>(a: T, size = capacity): T => {
    const b = new (a.constructor as new (n: number) => T)(size)
    b.set(a)
    return b
  }
  index.nameRank = grow(index.nameRank)
  index.teachMask = grow(index.teachMask)
  index.practitionerMask = grow(index.practitionerMask)
  index.expertMask = grow(index.expertMask)
  index.skillMask = grow(index.skillMask)
  index.skillWeight = grow(index.skillWeight, capacity * SKILL_SLOTS)
  index.removed = grow(index.removed)
  const current = index.scratch.current
  index.scratch = scratchFor(capacity)
  index.scratch.current = current
}

/**
 * A stored index, packed for IndexedDB: structured cloning thousands of small arrays, strings and
 * objects costs more than building the index again, so lists of strings travel as one string and
 * postings and short lists as one typed array each, with offsets.
 */
export interface StoredIndex extends Pick<
  DirectoryIndex,
  'nameRank' | 'byRank' | 'teachMask' | 'practitionerMask' | 'expertMask' | 'skillMask' | 'skillWeight' | 'removed'
> {
  format: number
  size: number
  slots: number
  options: DirectoryIndexOptions
  ids: PackedStrings
  sortKeys: PackedStrings
  /** '' for none. */
  facultyIds: PackedStrings
  roleFamilies: PackedStrings
  /** Per slot, how many skills; then every slot's skill ids and names in order. */
  skillCounts: Int32Array
  skillIds: PackedStrings
  skillNames: PackedStrings
  terms: PackedStrings
  postings: Int32Array
  postingOffsets: Int32Array
  shortPrefixes: PackedStrings
  shortOffsets: Int32Array
  shortMembers: Int32Array
  shortMasks: Uint32Array
  shortQuality: Uint8Array
}

/** Strings joined by NUL when none holds one (else the list itself). */
export type PackedStrings = string | string[]

export function packStrings(list: readonly string[]): PackedStrings {
  return list.some((s) => s.includes('\u0000')) ? [...list] : list.join('\u0000')
}

export function unpackStrings(packed: PackedStrings, count: number): string[] {
  if (typeof packed !== 'string') return [...packed]
  return count === 0 ? [] : packed.split('\u0000')
}

/** Typed arrays end to end, and where each starts (one more offset than arrays). */
function concat<T extends Typed>(lists: readonly T[], make: (n: number) => T): { data: T; offsets: Int32Array } {
  const offsets = new Int32Array(lists.length + 1)
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length))
  const data = make(offsets[lists.length]!)
  lists.forEach((l, i) => data.set(l, offsets[i]!))
  return { data, offsets }
}

const views = <T extends Typed>(data: T, offsets: Int32Array, i: number) => data.subarray(offsets[i]!, offsets[i + 1]!) as T

/** A copy of the index for IndexedDB (packed; see StoredIndex). */
export function exportIndex(index: DirectoryIndex): StoredIndex {
  const postings = concat(index.postings, (n) => new Int32Array(n))
  const prefixes = [...index.short.keys()]
  const lists = prefixes.map((p) => index.short.get(p)!)
  const members = concat(
    lists.map((l) => l.members),
    (n) => new Int32Array(n),
  )
  const skills = index.skills.slice(0, index.slots)
  return {
    format: INDEX_FORMAT,
    size: index.size,
    slots: index.slots,
    options: index.options,
    ids: packStrings(index.ids),
    sortKeys: packStrings(index.sortKeys),
    facultyIds: packStrings(index.facultyIds.map((f) => f ?? '')),
    roleFamilies: packStrings(index.roleFamilies.map((r) => r ?? '')),
    skillCounts: Int32Array.from(skills, (list) => list.length),
    skillIds: packStrings(skills.flatMap((list) => list.map((s) => s.skillId))),
    skillNames: packStrings(skills.flatMap((list) => list.map((s) => s.name))),
    terms: packStrings(index.terms),
    postings: postings.data,
    postingOffsets: postings.offsets,
    nameRank: index.nameRank,
    byRank: index.byRank,
    teachMask: index.teachMask,
    practitionerMask: index.practitionerMask,
    expertMask: index.expertMask,
    skillMask: index.skillMask,
    skillWeight: index.skillWeight,
    removed: index.removed,
    shortPrefixes: packStrings(prefixes),
    shortOffsets: members.offsets,
    shortMembers: members.data,
    shortMasks: concat(
      lists.map((l) => l.masks),
      (n) => new Uint32Array(n),
    ).data,
    shortQuality: concat(
      lists.map((l) => l.quality),
      (n) => new Uint8Array(n),
    ).data,
  }
}

/** The index a stored copy holds, or null when it is of another format or not a whole index. */
export function importIndex(stored: unknown): DirectoryIndex | null {
  const s = stored as Partial<StoredIndex> | null | undefined
  if (!s || s.format !== INDEX_FORMAT || !(s.removed instanceof Uint8Array)) return null
  try {
    const x = s as StoredIndex
    const termCount = x.postingOffsets.length - 1
    const terms = unpackStrings(x.terms, termCount)
    const ids = unpackStrings(x.ids, x.slots)
    const skillTotal = x.skillCounts.reduce((n, c) => n + c, 0)
    const skillIds = unpackStrings(x.skillIds, skillTotal)
    const skillNames = unpackStrings(x.skillNames, skillTotal)
    const skills: Pick<MemberSkill, 'skillId' | 'name'>[][] = []
    for (let slot = 0, k = 0; slot < x.slots; slot++) {
      const list: Pick<MemberSkill, 'skillId' | 'name'>[] = []
      for (let end = k + x.skillCounts[slot]!; k < end; k++) list.push({ skillId: skillIds[k]!, name: skillNames[k]! })
      skills.push(list)
    }
    const prefixes = unpackStrings(x.shortPrefixes, x.shortOffsets.length - 1)
    const short = new Map<string, ShortList>()
    prefixes.forEach((p, i) =>
      short.set(p, {
        members: views(x.shortMembers, x.shortOffsets, i),
        masks: views(x.shortMasks, x.shortOffsets, i),
        quality: views(x.shortQuality, x.shortOffsets, i),
      }),
    )
    const orNone = (v: string) => (v === '' ? undefined : v)
    const index: DirectoryIndex = {
      size: x.size,
      slots: x.slots,
      ids,
      terms,
      postings: terms.map((_, i) => views(x.postings, x.postingOffsets, i)),
      nameRank: x.nameRank,
      byRank: x.byRank,
      sortKeys: unpackStrings(x.sortKeys, x.slots),
      facultyIds: unpackStrings(x.facultyIds, x.slots).map(orNone),
      roleFamilies: unpackStrings(x.roleFamilies, x.slots).map(orNone),
      skills,
      teachMask: x.teachMask,
      practitionerMask: x.practitionerMask,
      expertMask: x.expertMask,
      skillMask: x.skillMask,
      skillWeight: x.skillWeight,
      removed: x.removed,
      short,
      options: x.options,
      slotOf: new Map(),
      scratch: scratchFor(x.removed.length),
    }
    if (terms.length !== termCount || ids.length !== x.slots || index.byRank.length !== x.size) return null
    for (let slot = 0; slot < index.slots; slot++) if (!index.removed[slot]) index.slotOf.set(index.ids[slot]!, slot)
    return index
  } catch {
    return null
  }
}

/** Merges, for every prefix of one or two letters, the postings of the terms that start with it. */
function shortLists(terms: readonly string[], postings: readonly Int32Array[], n: number): Map<string, ShortList> {
  const out = new Map<string, ShortList>()
  const seen = new Int32Array(n).fill(-1)
  const mask = new Uint32Array(n)
  const quality = new Uint8Array(n)
  const order = new Int32Array(n)
  let group = 0
  for (const len of [1, 2]) {
    for (let from = 0; from < terms.length;) {
      const prefix = terms[from]!.slice(0, len)
      let to = from
      while (to < terms.length && terms[to]!.startsWith(prefix)) to++
      if (prefix.length === len) {
        let count = 0
        group++
        for (let t = from; t < to; t++) {
          const q = terms[t]!.length === len ? 3 : 2
          const list = postings[t]!
          for (let p = 0; p < list.length; p++) {
            const m = list[p]! >>> 5
            if (seen[m] !== group) {
              seen[m] = group
              mask[m] = 0
              quality[m] = 0
              order[count++] = m
            }
            mask[m]! |= 1 << (list[p]! & 31)
            if (q > quality[m]!) quality[m] = q
          }
        }
        const members = order.slice(0, count)
        out.set(prefix, {
          members,
          masks: Uint32Array.from(members, (m) => mask[m]!),
          quality: Uint8Array.from(members, (m) => quality[m]!),
        })
      }
      from = to
    }
  }
  return out
}

/** One page of the directory for `query` and `filters`, best first (by name when there is no query). */
export function search(index: DirectoryIndex, query: string, filters: DirectoryFilters = {}, limit = 30): DirectoryResult {
  const words = queryWords(query)
  if (words.length === 0) return browse(index, filters, limit)
  let fuzzy = false
  let found = matchWords(index, words, false)
  if (found.count === 0) {
    found = matchWords(index, words, true)
    fuzzy = found.count > 0
  } else fuzzy = found.fuzzy
  return rank(index, words, found.candidates, found.count, filters, limit, fuzzy)
}

/** The terms a word matches: 3 = the whole word, 2 = its start, 1 = within a typo or two. */
function matchingTerms(index: DirectoryIndex, word: string, forceFuzzy: boolean): { term: number; quality: number }[] {
  const { terms } = index
  const out: { term: number; quality: number }[] = []
  const from = lowerBound(terms, word)
  let to = from
  for (; to < terms.length && terms[to]!.startsWith(word); to++) out.push({ term: to, quality: terms[to]!.length === word.length ? 3 : 2 })
  const edits = allowedEdits(word.length)
  if ((out.length === 0 || forceFuzzy) && edits > 0) {
    for (const [a, b] of fuzzyPrefixRanges(terms, word, edits)) {
      for (let t = a; t < b; t++) if (t < from || t >= to) out.push({ term: t, quality: 1 })
    }
  }
  return out
}

/** Members matching every word (anywhere in their profile), with where and how well. */
function matchWords(
  index: DirectoryIndex,
  words: string[],
  forceFuzzy: boolean,
): { candidates: Int32Array; count: number; fuzzy: boolean } {
  const s = index.scratch
  const epoch = ++s.current
  let count = 0
  let fuzzy = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    count = 0
    // One member's match of this word: where (bits) and how well.
    const visit = (m: number, bits: number, quality: number) => {
      if (s.epoch[m] !== epoch) {
        if (i > 0 || index.removed[m]) return
        s.epoch[m] = epoch
        s.hits[m] = 0
        s.orMask[m] = 0
        s.andMask[m] = 0xffffffff
        s.qual[m] = 0
      }
      const h = s.hits[m]!
      if (h === i) {
        s.hits[m] = i + 1
        s.tokMask[m] = 0
        s.tokQual[m] = 0
        s.touched[count++] = m
      } else if (h !== i + 1) return
      s.tokMask[m]! |= bits
      if (quality > s.tokQual[m]!) s.tokQual[m] = quality
    }
    const merged = word.length <= 2 ? index.short.get(word) : undefined
    if (merged) {
      for (let k = 0; k < merged.members.length; k++) visit(merged.members[k]!, merged.masks[k]!, merged.quality[k]!)
    } else {
      const matches = matchingTerms(index, word, forceFuzzy)
      if (matches.some((m) => m.quality === 1)) fuzzy = true
      for (const { term, quality } of matches) {
        const list = index.postings[term]!
        for (let p = 0; p < list.length; p++) visit(list[p]! >>> 5, 1 << (list[p]! & 31), quality)
      }
    }
    for (let k = 0; k < count; k++) {
      const m = s.touched[k]!
      s.orMask[m]! |= s.tokMask[m]!
      s.andMask[m]! &= s.tokMask[m]!
      s.qual[m]! += s.tokQual[m]!
    }
    if (count === 0) break
  }
  return { candidates: s.touched, count, fuzzy }
}

function skillFilterMask(index: DirectoryIndex, m: number, filters: DirectoryFilters): number {
  let mask = index.skillMask[m]!
  if (filters.canTeach) mask &= index.teachMask[m]!
  if (filters.minLevel === 'practitioner') mask &= index.practitionerMask[m]!
  else if (filters.minLevel === 'expert') mask &= index.expertMask[m]!
  return mask >>> 0
}

function passesFields(index: DirectoryIndex, m: number, filters: DirectoryFilters): boolean {
  return (
    (!filters.facultyId || index.facultyIds[m] === filters.facultyId) &&
    (!filters.roleFamily || index.roleFamilies[m] === filters.roleFamily)
  )
}

const hasSkillFilter = (f: DirectoryFilters) => f.canTeach === true || (f.minLevel !== undefined && f.minLevel !== 'learning')

function rank(
  index: DirectoryIndex,
  words: string[],
  candidates: Int32Array,
  count: number,
  filters: DirectoryFilters,
  limit: number,
  fuzzy: boolean,
): DirectoryResult {
  const s = index.scratch
  const skillFilter = hasSkillFilter(filters)
  const keys = new Float64Array(count)
  let total = 0
  for (let k = 0; k < count; k++) {
    const m = candidates[k]!
    if (!passesFields(index, m, filters)) continue
    const matchedSkills = (s.orMask[m]! & SKILL_BITS) >>> 0
    const allowed = skillFilter ? skillFilterMask(index, m, filters) : SKILL_BITS >>> 0
    if (skillFilter && (matchedSkills ? (matchedSkills & allowed) === 0 : allowed === 0)) continue
    let score = s.qual[m]! * 2
    const and = s.andMask[m]!
    if (and & NAME_BIT) score += 40
    // The best matching skill: one that holds every word beats one that holds some.
    const whole = (and & matchedSkills & allowed) >>> 0
    const some = (matchedSkills & allowed) >>> 0
    score += whole ? bestWeight(index, m, whole) + 10 : some ? bestWeight(index, m, some) : 0
    score += 3 * bitCount(s.orMask[m]! & OTHER_FIELD_BITS)
    keys[total++] = score * 1_048_576 + (1_048_575 - index.nameRank[m]!)
  }
  const sorted = keys.subarray(0, total).sort()
  const hits: DirectoryHit[] = []
  for (let k = total - 1; k >= 0 && hits.length < limit; k--) {
    const key = sorted[k]!
    const member = index.byRank[1_048_575 - (key % 1_048_576)]!
    hits.push(hitOf(index, member, Math.floor(key / 1_048_576), s.orMask[member]!, words, fuzzy))
  }
  return { hits, total, fuzzy }
}

function bestWeight(index: DirectoryIndex, m: number, mask: number): number {
  let best = 0
  for (let rest = mask >>> 0; rest !== 0; rest = (rest & (rest - 1)) >>> 0) {
    const bit = 31 - Math.clz32(rest & -rest)
    const w = index.skillWeight[m * SKILL_SLOTS + slotOfBit(bit)]!
    if (w > best) best = w
  }
  return best
}

function bitCount(x: number): number {
  let n = 0
  for (let rest = x >>> 0; rest !== 0; rest = (rest & (rest - 1)) >>> 0) n++
  return n
}

function hitOf(index: DirectoryIndex, m: number, score: number, mask: number, words: string[], fuzzy: boolean): DirectoryHit {
  const matchedFields = FIELD_BITS.filter((_, bit) => mask & (1 << bit))
  const matchedSkillIds: string[] = []
  index.skills[m]!.forEach((skill, k) => {
    const bit = bitOfSkill(k)
    if (!(mask & (1 << bit))) return
    // Skills past the 26th share one bit: check each by its words.
    if (bit === OVERFLOW_BIT && !skillMatchesAny(skill, words, fuzzy)) return
    matchedSkillIds.push(skill.skillId)
  })
  return { id: index.ids[m]!, score, matchedSkillIds, matchedFields }
}

function skillMatchesAny(skill: Pick<MemberSkill, 'skillId' | 'name'>, words: string[], fuzzy: boolean): boolean {
  const terms = skillTerms(skill)
  const near = (w: string, t: string) =>
    fuzzy && allowedEdits(w.length) > 0 && boundedDistance(w, t, allowedEdits(w.length), true) <= allowedEdits(w.length)
  return words.some((w) => terms.some((t) => t.startsWith(w) || near(w, t)))
}

function browse(index: DirectoryIndex, filters: DirectoryFilters, limit: number): DirectoryResult {
  const skillFilter = hasSkillFilter(filters)
  const hits: DirectoryHit[] = []
  let total = 0
  for (let r = 0; r < index.byRank.length; r++) {
    const m = index.byRank[r]!
    if (!passesFields(index, m, filters)) continue
    if (skillFilter && skillFilterMask(index, m, filters) === 0) continue
    total++
    if (hits.length < limit) hits.push({ id: index.ids[m]!, score: 0, matchedSkillIds: [], matchedFields: [] })
  }
  return { hits, total, fuzzy: false }
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The search bench's library baseline: MiniSearch (npm `minisearch`) behind the directory's own
 * interface (`build(members, options)`, `search(index, query, filters, limit)` → DirectoryResult),
 * so it is timed on the same keystrokes and held to the same ranking cases as src/search.
 *
 * MiniSearch does the matching: the same terms (src/search/text.ts: normalised words, skill
 * synonyms), one field per place a word can match (name, job title, department, faculty, site and
 * each of the first 26 skills, later ones together), prefix search on every word, AND across words,
 * and — as the app does — typo tolerance only when the exact words find no one (MiniSearch's
 * Levenshtein distance, at most the edits src/search/fuzzy.ts allows for the word's length).
 * Two rankings: MiniSearch's own (BM25 over those fields, `native`), and the app's rule (experts who
 * can teach first, a name match above skill matches) computed from MiniSearch's match information,
 * which is what replacing the hand-written index would need.
 */
import MiniSearch, { type SearchResult } from 'minisearch'
import type { MemberSkill } from '@/domain/entities'
import { normalise } from '@/domain/taxonomy'
import { allowedEdits, boundedDistance } from '@/search/fuzzy'
import { queryWords, skillTerms, wordsOf } from '@/search/text'
import {
  isListed,
  type DirectoryField,
  type DirectoryFilters,
  type DirectoryHit,
  type DirectoryIndexOptions,
  type DirectoryResult,
  type IndexableMember,
} from '@/search/directory-index'

const FIELDS: readonly DirectoryField[] = ['name', 'jobTitle', 'department', 'faculty', 'site']
const SKILL_FIELDS = Array.from({ length: 27 }, (_, k) => `skill${k}`)
const LEVEL_WEIGHT: Record<MemberSkill['level'], number> = { learning: 4, practitioner: 8, expert: 12 }
const TEACH_WEIGHT = 6
const LEVEL_ORDER: Record<MemberSkill['level'], number> = { learning: 0, practitioner: 1, expert: 2 }

interface Doc {
  id: string
  member: IndexableMember
  faculty: string
}

export interface MiniSearchDirectory {
  mini: MiniSearch<Doc>
  members: Map<string, Doc>
  sortKeys: Map<string, string>
  /** Everyone listed, by name (browsing without a query). */
  byName: string[]
  /** Rank with MiniSearch's own scores instead of the app's rule. */
  native: boolean
}

/** Skill k's terms (k = 26: every later skill). */
function skillFieldTerms(member: IndexableMember, k: number): string[] {
  const skills = k < 26 ? member.skills.slice(k, k + 1) : member.skills.slice(26)
  return skills.flatMap((s) => [...skillTerms(s)])
}

export function buildMiniSearch(
  members: readonly IndexableMember[],
  options: DirectoryIndexOptions = {},
  native = false,
): MiniSearchDirectory {
  const byId = new Map<string, Doc>()
  for (const m of members) {
    if (!isListed(m, options.institutionId)) continue
    byId.set(m.id, { id: m.id, member: m, faculty: (m.facultyId && options.facultyNames?.[m.facultyId]) || '' })
  }
  const mini = new MiniSearch<Doc>({
    fields: [...FIELDS, ...SKILL_FIELDS],
    // Fields are handed over as lists of terms already made (joined; split again below).
    extractField: (doc, field) => {
      const m = doc.member
      if (field === 'id') return doc.id
      if (field.startsWith('skill')) return skillFieldTerms(m, Number(field.slice(5))).join(' ')
      const text = { name: m.displayName, jobTitle: m.jobTitle, department: m.department, faculty: doc.faculty, site: m.site }[field]
      return wordsOf(text).join(' ')
    },
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: { tokenize: queryWords, processTerm: (term) => term },
  })
  mini.addAll([...byId.values()])
  const sortKeys = new Map(
    [...byId.values()].map((d) => [d.id, wordsOf(d.member.displayName).join(' ') || normalise(d.member.displayName)]),
  )
  const byName = [...byId.keys()].sort((a, b) => (sortKeys.get(a)! < sortKeys.get(b)! ? -1 : sortKeys.get(a)! > sortKeys.get(b)! ? 1 : 0))
  return { mini, members: byId, sortKeys, byName, native }
}

export function searchMiniSearch(index: MiniSearchDirectory, query: string, filters: DirectoryFilters = {}, limit = 30): DirectoryResult {
  const words = queryWords(query)
  if (words.length === 0) return browse(index, filters, limit)
  let fuzzy = false
  let results = index.mini.search(query, { prefix: true, combineWith: 'AND' })
  if (results.length === 0) {
    results = index.mini.search(query, { prefix: true, combineWith: 'AND', fuzzy: (term) => allowedEdits(term.length) || false })
    fuzzy = results.length > 0
  }
  const scored: { hit: DirectoryHit; rank: number; name: string }[] = []
  for (const r of results) {
    const doc = index.members.get(r.id as string)!
    const hit = hitOf(doc, r, words, filters)
    if (!hit) continue
    scored.push({ hit, rank: index.native ? r.score : hit.score, name: index.sortKeys.get(doc.id)! })
  }
  scored.sort((a, b) => b.rank - a.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { hits: scored.slice(0, limit).map((s) => s.hit), total: scored.length, fuzzy }
}

/** The app's ranking and filters over one MiniSearch result (null: filtered out). */
function hitOf(doc: Doc, r: SearchResult, words: string[], filters: DirectoryFilters): DirectoryHit | null {
  const m = doc.member
  if (filters.facultyId && m.facultyId !== filters.facultyId) return null
  if (filters.roleFamily && m.roleFamily !== filters.roleFamily) return null
  // Which fields each query word matched, and how well (3 whole word, 2 its start, 1 a typo).
  const perWord = words.map(() => ({ fields: new Set<string>(), quality: 0 }))
  for (const [term, fields] of Object.entries(r.match)) {
    words.forEach((w, i) => {
      const q = term === w ? 3 : term.startsWith(w) ? 2 : near(w, term) ? 1 : 0
      if (q === 0) return
      for (const f of fields) perWord[i]!.fields.add(f)
      perWord[i]!.quality = Math.max(perWord[i]!.quality, q)
    })
  }
  const inAll = (f: string) => perWord.every((p) => p.fields.has(f))
  const inAny = (f: string) => perWord.some((p) => p.fields.has(f))
  const skillOk = (s: MemberSkill) =>
    (!filters.canTeach || s.canTeach) && LEVEL_ORDER[s.level] >= LEVEL_ORDER[filters.minLevel ?? 'learning']
  const skillFilter = filters.canTeach === true || (filters.minLevel !== undefined && filters.minLevel !== 'learning')
  const skillField = (k: number) => `skill${Math.min(k, 26)}`
  const matched = m.skills.filter(
    (s, k) => inAny(skillField(k)) && (k < 26 || skillTerms(s).some((t) => words.some((w) => t.startsWith(w)))),
  )
  const allowed = (matched.length ? matched : m.skills).filter(skillOk)
  if (skillFilter && allowed.length === 0) return null
  const weight = (s: MemberSkill) => LEVEL_WEIGHT[s.level] + (s.canTeach ? TEACH_WEIGHT : 0)
  let score = perWord.reduce((n, p) => n + p.quality, 0) * 2
  if (inAll('name')) score += 40
  const whole = matched.filter((s) => skillOk(s) && inAll(skillField(m.skills.indexOf(s))))
  const some = matched.filter(skillOk)
  score += whole.length ? Math.max(...whole.map(weight)) + 10 : some.length ? Math.max(...some.map(weight)) : 0
  score += 3 * FIELDS.slice(1).filter(inAny).length
  return { id: doc.id, score, matchedSkillIds: matched.map((s) => s.skillId), matchedFields: FIELDS.filter(inAny) }
}

/** Within the typos allowed of the start of `term`. */
function near(word: string, term: string): boolean {
  const edits = allowedEdits(word.length)
  return edits > 0 && boundedDistance(word, term, edits, true) <= edits
}

function browse(index: MiniSearchDirectory, filters: DirectoryFilters, limit: number): DirectoryResult {
  const skillFilter = filters.canTeach === true || (filters.minLevel !== undefined && filters.minLevel !== 'learning')
  const hits: DirectoryHit[] = []
  let total = 0
  for (const id of index.byName) {
    const m = index.members.get(id)!.member
    if (filters.facultyId && m.facultyId !== filters.facultyId) continue
    if (filters.roleFamily && m.roleFamily !== filters.roleFamily) continue
    const ok = (s: MemberSkill) => (!filters.canTeach || s.canTeach) && LEVEL_ORDER[s.level] >= LEVEL_ORDER[filters.minLevel ?? 'learning']
    if (skillFilter && !m.skills.some(ok)) continue
    total++
    if (hits.length < limit) hits.push({ id, score: 0, matchedSkillIds: [], matchedFields: [] })
  }
  return { hits, total, fuzzy: false }
}

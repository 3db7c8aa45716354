/**
 * Bench page: directory search per keystroke over generated profiles (the directory projection of
 * scripts/demo/demo-data.ts; 10,000 and 20,000), driven by scripts/bench/search.mjs at 4× CPU.
 * Subjects: the directory's search index (src/search `createDirectoryIndex` + `search`, the code
 * the app's worker runs), MiniSearch behind the same interface (./minisearch-directory.ts) and the
 * naive baseline `naiveSearch` (a full scan per keystroke). Also: the ranking cases
 * (src/search/ranking-cases.ts) against each, and what following one changed profile and loading
 * the stored index cost against a full build.
 */
import { directoryProjection } from '@/domain/collections'
import { DEMO_INSTITUTION_ID, generateDemoData } from '../../demo/demo-data'
import type { Member } from '@/domain/entities'
import {
  createDirectoryIndex,
  exportIndex,
  importIndex,
  naiveSearch,
  search,
  updateDirectoryIndex,
  type DirectoryFilters,
  type DirectoryIndexOptions,
  type DirectoryResult,
  type IndexableMember,
} from '@/search'
import { caseFailure, options as caseOptions, people as casePeople, RANKING_CASES } from '@/search/ranking-cases'
import { buildMiniSearch, searchMiniSearch } from './minisearch-directory'

export const INDEX = 'src/search index'
export const MINISEARCH = 'MiniSearch 7.2'
export const NAIVE = 'src/search naiveSearch'
/** MiniSearch's own search call alone (no filters, no ranking, no highlighting): the floor of any MiniSearch design. */
export const MINISEARCH_CALL = 'MiniSearch 7.2, search call alone'

/** A search implementation: built once over the profiles, asked once per keystroke. */
interface Implementation {
  build(members: readonly IndexableMember[], options: DirectoryIndexOptions): (query: string, filters?: DirectoryFilters) => DirectoryResult
}

const IMPLEMENTATIONS: Record<string, Implementation> = {
  [INDEX]: {
    build: (members, options) => {
      const index = createDirectoryIndex(members, options)
      return (q, f) => search(index, q, f, 30)
    },
  },
  [MINISEARCH]: {
    build: (members, options) => {
      const index = buildMiniSearch(members, options)
      return (q, f) => searchMiniSearch(index, q, f, 30)
    },
  },
  [`${MINISEARCH}, its own ranking (BM25)`]: {
    build: (members, options) => {
      const index = buildMiniSearch(members, options, true)
      return (q, f) => searchMiniSearch(index, q, f, 30)
    },
  },
  [NAIVE]: { build: (members, options) => (q, f) => naiveSearch(members, q, f, 30, options) },
}

let members: Member[] = []
let options: DirectoryIndexOptions = {}
const searchers = new Map<string, (query: string) => DirectoryResult>()

/** Generates the profiles and builds every subject; returns what was prepared. */
function prepare(count: number): { members: number; skills: number } {
  const data = generateDemoData({ members: count })
  // Every profile listed, as scripts/bench/node/demo-members.ts gives the cold start.
  const listed = (m: Member): Member | null => directoryProjection<Member>({ ...m, visibility: 'institution' })
  members = data.members.map(listed).filter((m): m is Member => m !== null)
  options = { institutionId: DEMO_INSTITUTION_ID, facultyNames: Object.fromEntries(data.institution.faculties.map((f) => [f.id, f.name])) }
  searchers.clear()
  for (const name of [INDEX, NAIVE]) searchers.set(name, IMPLEMENTATIONS[name]!.build(members, options))
  // One MiniSearch index, asked through the directory's interface and directly.
  const mini = buildMiniSearch(members, options)
  searchers.set(MINISEARCH, (q) => searchMiniSearch(mini, q, {}, 30))
  searchers.set(MINISEARCH_CALL, (q) => ({
    hits: [],
    total: mini.mini.search(q, { prefix: true, combineWith: 'AND' }).length,
    fuzzy: false,
  }))
  return { members: members.length, skills: members.reduce((n, m) => n + m.skills.length, 0) }
}

/** Times one subject over every prefix of every query (one keystroke each); ms per keystroke. */
function type(subjectName: string, queries: readonly string[], repeat: number): { times: number[]; hits: Record<string, number> } {
  const run = searchers.get(subjectName)
  if (!run) throw new Error(`no subject ${subjectName}`)
  const times: number[] = []
  const hits: Record<string, number> = {}
  for (let r = 0; r < repeat; r++) {
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) {
        const t0 = performance.now()
        const n = run(query.slice(0, i)).total
        times.push(performance.now() - t0)
        if (i === query.length) hits[query] = n
      }
    }
  }
  return { times, hits }
}

/** Times building a subject's index again over the same profiles (after throttling is on), ms. */
function timeBuild(subjectName: string): number {
  const start = performance.now()
  IMPLEMENTATIONS[subjectName]!.build(members, options)
  return performance.now() - start
}

/** The ranking cases each implementation passes (the same data as src/search/directory-index.test.ts). */
function rankingCases(): Record<string, { passed: number; cases: number; failures: string[] }> {
  const out: Record<string, { passed: number; cases: number; failures: string[] }> = {}
  for (const [name, impl] of Object.entries(IMPLEMENTATIONS)) {
    const run = impl.build(casePeople, caseOptions)
    const failures = RANKING_CASES.flatMap((c) => {
      const failure = caseFailure(c, run(c.query, c.filters))
      return failure ? [`${c.name}: ${failure}`] : []
    })
    out[name] = { passed: RANKING_CASES.length - failures.length, cases: RANKING_CASES.length, failures }
  }
  return out
}

/**
 * What the app's worker does instead of a rebuild: one changed profile followed in place (median of
 * `times`), and the stored index copied back (a structured clone, as IndexedDB hands it over).
 */
function timeIncremental(times: number): { updateMs: number; restoreMs: number } {
  const index = createDirectoryIndex(members, options)
  const updates: number[] = []
  for (let k = 0; k < times; k++) {
    const m = members[(k * 97) % members.length]!
    const changed = { ...m, displayName: `${m.displayName} ${k}`, skills: [...m.skills].reverse() }
    const t0 = performance.now()
    updateDirectoryIndex(index, { upsert: [changed] })
    updates.push(performance.now() - t0)
  }
  const t0 = performance.now()
  importIndex(structuredClone(exportIndex(index)))
  const restoreMs = performance.now() - t0
  updates.sort((a, b) => a - b)
  return { updateMs: updates[Math.floor(updates.length / 2)]!, restoreMs }
}

declare global {
  interface Window {
    benchSearch: {
      prepare: typeof prepare
      type: typeof type
      timeBuild: typeof timeBuild
      rankingCases: typeof rankingCases
      timeIncremental: typeof timeIncremental
    }
  }
}
window.benchSearch = { prepare, type, timeBuild, rankingCases, timeIncremental }
document.title = 'Bench: search ready'

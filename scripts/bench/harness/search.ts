/**
 * Bench page: directory search per keystroke over 10,000 generated profiles (the directory
 * projection of scripts/demo/demo-data.ts), driven by scripts/bench/search.mjs at 4× CPU.
 * Subjects: the directory's search index (src/search `createDirectoryIndex` + `search`, the code
 * the app's worker runs) and its naive baseline `naiveSearch` (a full scan per keystroke).
 */
import { directoryProjection } from '@/domain/collections'
import { DEMO_INSTITUTION_ID, generateDemoData } from '../../demo/demo-data'
import type { Member } from '@/domain/entities'
import { createDirectoryIndex, naiveSearch, search } from '@/search'

export interface Subject {
  name: string
  /** How long preparing it took (the index build), ms. */
  prepareMs: number
  run(query: string): number
}

export const INDEX = 'src/search index'
export const NAIVE = 'src/search naiveSearch'

let subjects: Subject[] = []
/** Times building the index again over the same profiles (after throttling is on). */
let rebuild: () => number = () => Number.NaN

/** Generates the profiles and builds the index; returns what was prepared. */
function prepare(count: number): { members: number; skills: number; subjects: { name: string; prepareMs: number }[] } {
  const data = generateDemoData({ members: count })
  // Every profile listed, as scripts/bench/node/demo-members.ts gives the cold start.
  const listed = (m: Member): Member | null => directoryProjection<Member>({ ...m, visibility: 'institution' })
  const members = data.members.map(listed).filter((m): m is Member => m !== null)
  const facultyNames = Object.fromEntries(data.institution.faculties.map((f) => [f.id, f.name]))
  const options = { institutionId: DEMO_INSTITUTION_ID, facultyNames }
  const t0 = performance.now()
  const index = createDirectoryIndex(members, options)
  const prepareMs = performance.now() - t0
  rebuild = () => {
    const start = performance.now()
    createDirectoryIndex(members, options)
    return performance.now() - start
  }
  subjects = [
    { name: INDEX, prepareMs, run: (q) => search(index, q, {}, 30).total },
    { name: NAIVE, prepareMs: 0, run: (q) => naiveSearch(members, q, {}, 30, options).total },
  ]
  return {
    members: members.length,
    skills: members.reduce((n, m) => n + m.skills.length, 0),
    subjects: subjects.map(({ name, prepareMs: ms }) => ({ name, prepareMs: ms })),
  }
}

/** Times one subject over every prefix of every query (one keystroke each); ms per keystroke. */
function type(subjectName: string, queries: readonly string[], repeat: number): { times: number[]; hits: Record<string, number> } {
  const subject = subjects.find((s) => s.name === subjectName)
  if (!subject) throw new Error(`no subject ${subjectName}`)
  const times: number[] = []
  const hits: Record<string, number> = {}
  for (let r = 0; r < repeat; r++) {
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) {
        const t0 = performance.now()
        const n = subject.run(query.slice(0, i))
        times.push(performance.now() - t0)
        if (i === query.length) hits[query] = n
      }
    }
  }
  return { times, hits }
}

declare global {
  interface Window {
    benchSearch: { prepare: typeof prepare; type: typeof type; timeIndexBuild: () => number }
  }
}
window.benchSearch = { prepare, type, timeIndexBuild: () => rebuild() }
document.title = 'Bench: search ready'

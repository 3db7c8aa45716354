import { describe, expect, it } from 'vitest'
import { DEMO_INSTITUTION_ID, generateDemoData } from '../../scripts/demo/demo-data'
import { createDirectoryIndex, exportIndex, importIndex, naiveSearch, search, staleSlots, updateDirectoryIndex } from './index'
import { caseFailure, options, people, person, RANKING_CASES, type SkillSpec } from './ranking-cases'

const index = createDirectoryIndex(people, options)
const ids = (query: string, filters = {}) => search(index, query, filters).hits.map((h) => h.id)

describe('who is in the index', () => {
  it('never holds hidden, deleted or other institutions’ members', () => {
    expect([...index.ids].sort()).toEqual(['a', 'b', 'c', 'd'])
    for (const q of ['', 'confocal', 'hannah', 'hidden', 'olga', 'deleted dan', 'confcal']) {
      expect(ids(q)).not.toContain('h')
      expect(ids(q)).not.toContain('o')
      expect(ids(q)).not.toContain('x')
    }
  })
  it('keeps the last copy when a member appears twice', () => {
    const twice = createDirectoryIndex([people[0]!, { ...people[0]!, displayName: 'Aisha Renamed' }], options)
    expect(search(twice, 'renamed').hits.map((h) => h.id)).toEqual(['a'])
    expect(search(twice, 'patel').total).toBe(0)
  })
})

describe.each(['matching', 'ranking', 'filters'] as const)('%s', (group) => {
  // The cases are data (src/search/ranking-cases.ts), so the search bench can hold its baselines to them too.
  it.each(RANKING_CASES.filter((c) => c.group === group).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(caseFailure(c, search(index, c.query, c.filters))).toBeNull()
  })
})

describe('synonyms and long skill lists', () => {
  it('finds a skill by its synonyms, either way round', () => {
    const named = createDirectoryIndex([person('p', 'Pat', [['polymerase chain reaction', 'expert', true, 'tag:pcr-long']])], options)
    expect(search(named, 'pcr').hits.map((h) => h.id)).toEqual(['p'])
  })
  it('highlights skills past the 26th by their words', () => {
    const many = person(
      'm',
      'Max Many',
      Array.from({ length: 30 }, (_, k): SkillSpec => [`Skill${k} thing`, 'practitioner']),
    )
    const idx = createDirectoryIndex([many], options)
    expect(search(idx, 'skill28').hits[0]!.matchedSkillIds).toEqual(['tag:skill28-thing'])
    expect(search(idx, 'thing').hits[0]!.matchedSkillIds).toHaveLength(30)
  })
  it('a case that is not met says how', () => {
    const c = RANKING_CASES.find((x) => x.group === 'ranking' && x.ids)!
    expect(caseFailure(c, { hits: [], total: 0, fuzzy: false })).toMatch(/^gave \[\], not \[/)
  })
})

describe('browsing and pages', () => {
  it('lists everyone by name when there is no query, with the total', () => {
    const r = search(index, '  ', {}, 2)
    expect(r.hits.map((h) => h.id)).toEqual(['a', 'b'])
    expect(r.total).toBe(4)
  })
  it('works on an empty index', () => {
    const empty = createDirectoryIndex([])
    expect(search(empty, 'anything')).toEqual({ hits: [], total: 0, fuzzy: false })
    expect(search(empty, '').total).toBe(0)
  })
})

describe('against the naive scan on demo data', () => {
  const demo = generateDemoData({ members: 400 })
  const opts = {
    institutionId: DEMO_INSTITUTION_ID,
    facultyNames: Object.fromEntries(demo.institution.faculties.map((f) => [f.id, f.name])),
  }
  const idx = createDirectoryIndex(demo.members, opts)
  it.each(['python', 'confocal microscopy', 'cnc', 'biosciences', 'risk assessment', 'mass spectrometry'])(
    'finds the same people for "%s"',
    (q) => {
      const fast = search(idx, q, {}, 1000)
      const slow = naiveSearch(demo.members, q, {}, 1000, opts)
      expect(fast.total).toBe(slow.total)
      expect(new Set(fast.hits.map((h) => h.id))).toEqual(new Set(slow.hits.map((h) => h.id)))
    },
  )
  it('agrees on filters too', () => {
    const f = { canTeach: true, minLevel: 'expert' as const }
    expect(search(idx, 'python', f, 1000).total).toBe(naiveSearch(demo.members, 'python', f, 1000, opts).total)
  })
  it('leaves out the hidden demo members', () => {
    const hidden = demo.members.filter((m) => m.visibility === 'hidden').map((m) => m.id)
    expect(hidden.length).toBeGreaterThan(0)
    expect(idx.ids.some((id) => hidden.includes(id))).toBe(false)
    expect(naiveSearch(demo.members, '', {}, 1000, opts).hits.some((h) => hidden.includes(h.id))).toBe(false)
  })
})

describe('following changes without a rebuild', () => {
  const demo = generateDemoData({ members: 300 })
  const opts = {
    institutionId: DEMO_INSTITUTION_ID,
    facultyNames: Object.fromEntries(demo.institution.faculties.map((f) => [f.id, f.name])),
  }
  const QUERIES = ['', 'p', 'py', 'python', 'conf', 'confocal micro', 'weldng', 'bio pcr', 'engineering', 'amara', 'xyzzy']
  const FILTERS = [{}, { canTeach: true }, { minLevel: 'expert' as const }, { facultyId: demo.institution.faculties[0]!.id }]
  const results = (idx: ReturnType<typeof createDirectoryIndex>) => QUERIES.flatMap((q) => FILTERS.map((f) => search(idx, q, f, 1000)))

  /** Edits a name and skills, hides one, deletes two, adds a new colleague (a changed member goes last, as in a fresh build). */
  function changes() {
    const [first, second, third, fourth, fifth] = demo.members.filter((m) => m.visibility === 'institution')
    const renamed = {
      ...first!,
      displayName: 'Zebedee Quill',
      skills: [...first!.skills, { ...first!.skills[0]!, skillId: 'tag:xyzzy', name: 'Xyzzy' }],
    }
    const relevelled = { ...second!, skills: second!.skills.map((s) => ({ ...s, level: 'expert' as const, canTeach: true })) }
    const hidden = { ...third!, visibility: 'hidden' as const }
    const newcomer = { ...fourth!, id: 'new-member', displayName: 'Amara Newcomer', jobTitle: 'Python welding technician' }
    return { upsert: [renamed, relevelled, hidden, newcomer], remove: [fourth!.id, fifth!.id] }
  }

  it('gives the same results as a fresh build of the changed directory', () => {
    const idx = createDirectoryIndex(demo.members, opts)
    const before = results(idx)
    const { upsert, remove } = changes()
    updateDirectoryIndex(idx, { upsert, remove })
    const gone = new Set([...remove, ...upsert.map((m) => m.id)])
    const fresh = createDirectoryIndex([...demo.members.filter((m) => !gone.has(m.id)), ...upsert], opts)
    expect(idx.size).toBe(fresh.size)
    expect(results(idx)).toEqual(results(fresh))
    expect(results(idx)).not.toEqual(before)
    expect(search(idx, 'xyzzy').hits.map((h) => h.id)).toEqual([upsert[0]!.id])
    expect(search(idx, 'zebedee').total).toBe(1)
    expect(search(idx, upsert[2]!.displayName).hits.map((h) => h.id)).not.toContain(upsert[2]!.id)
    expect(staleSlots(idx)).toBeGreaterThan(0)
  })

  it('keeps up over many small updates, one member at a time', () => {
    const idx = createDirectoryIndex(demo.members, opts)
    let current = [...demo.members]
    for (let k = 0; k < 40; k++) {
      const m = current[(k * 7) % current.length]!
      const edited = { ...m, displayName: `${m.displayName} ${k % 2 ? 'Python' : 'Confocal'}`, skills: m.skills.slice(1) }
      updateDirectoryIndex(idx, { upsert: [edited] })
      current = [...current.filter((x) => x.id !== m.id), edited]
    }
    expect(results(idx)).toEqual(results(createDirectoryIndex(current, opts)))
  })

  it('a stored copy answers exactly as the index it was made from', () => {
    const idx = createDirectoryIndex(demo.members, opts)
    updateDirectoryIndex(idx, changes())
    const stored = structuredClone(exportIndex(idx))
    const loaded = importIndex(stored)!
    expect(results(loaded)).toEqual(results(idx))
    // …and keeps following changes once loaded.
    const extra = {
      ...demo.members.find((m) => m.visibility === 'institution' && m.id !== changes().upsert[0]!.id)!,
      displayName: 'Zygmunt Qwerty',
    }
    updateDirectoryIndex(loaded, { upsert: [extra] })
    updateDirectoryIndex(idx, { upsert: [extra] })
    expect(search(loaded, 'qwerty').hits.map((h) => h.id)).toEqual([extra.id])
    expect(results(loaded)).toEqual(results(idx))
  })

  it('refuses a stored copy of another format', () => {
    const stored = exportIndex(createDirectoryIndex(demo.members, opts))
    expect(importIndex({ ...stored, format: stored.format - 1 })).toBeNull()
    expect(importIndex(undefined)).toBeNull()
    expect(importIndex({ format: stored.format })).toBeNull()
  })
})

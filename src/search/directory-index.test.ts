import { describe, expect, it } from 'vitest'
import { DEMO_INSTITUTION_ID, generateDemoData } from '../../scripts/demo/demo-data'
import type { Member, MemberSkill } from '@/domain/entities'
import {
  createDirectoryIndex,
  exportIndex,
  importIndex,
  naiveSearch,
  search,
  staleSlots,
  updateDirectoryIndex,
  type IndexableMember,
} from './index'

type SkillSpec = [name: string, level: MemberSkill['level'], canTeach?: boolean, skillId?: string]
function person(id: string, displayName: string, skills: SkillSpec[], extra: Partial<Member> = {}): IndexableMember {
  return {
    id,
    displayName,
    institutionId: 'inst',
    visibility: 'institution',
    deleted: false,
    skills: skills.map(([name, level, canTeach = false, skillId]) => ({
      skillId: skillId ?? `tag:${name.toLowerCase().replace(/\W+/g, '-')}`,
      name,
      category: 'technique',
      level,
      canTeach,
      wantsToLearn: false,
    })),
    ...extra,
  }
}

const people = [
  person(
    'a',
    'Aisha Patel',
    [
      ['Confocal microscope', 'expert', true, 'confocal-microscope'],
      ['Python', 'practitioner'],
    ],
    { facultyId: 'sci', roleFamily: 'laboratory', jobTitle: 'Imaging Technician', department: 'Biosciences' },
  ),
  person('b', 'Ben Okafor', [['Confocal microscope', 'expert', false, 'confocal-microscope']], {
    facultyId: 'sci',
    roleFamily: 'research',
  }),
  person(
    'c',
    'Cara Jones',
    [
      ['Confocal microscope', 'learning', false, 'confocal-microscope'],
      ['TIG welding', 'expert', true],
    ],
    { facultyId: 'eng', roleFamily: 'workshop', department: 'Mechanical Engineering' },
  ),
  person(
    'd',
    'Dev Singh',
    [
      ['PCR', 'practitioner', true, 'pcr'],
      ['Confocal microscope', 'practitioner', true, 'confocal-microscope'],
    ],
    { facultyId: 'med', roleFamily: 'laboratory' },
  ),
  person('h', 'Hidden Hannah', [['Confocal microscope', 'expert', true, 'confocal-microscope']], { visibility: 'hidden' }),
  person('x', 'Deleted Dan', [['Confocal microscope', 'expert', true, 'confocal-microscope']], { deleted: true }),
  person('o', 'Other Olga', [['Confocal microscope', 'expert', true, 'confocal-microscope']], { institutionId: 'elsewhere' }),
]
const options = { institutionId: 'inst', facultyNames: { sci: 'Faculty of Science', eng: 'Faculty of Engineering', med: 'Medicine' } }
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

describe('matching', () => {
  it('finds people by the start of any word, as they type', () => {
    expect(ids('conf').sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(ids('ais')).toEqual(['a'])
    expect(ids('mech eng')).toEqual(['c'])
    expect(ids('science')).toEqual(expect.arrayContaining(['a', 'b']))
  })
  it('needs every word to match somewhere', () => {
    expect(ids('aisha welding')).toEqual([])
    expect(ids('cara welding')).toEqual(['c'])
  })
  it('tolerates typos and says so', () => {
    const r = search(index, 'confocl')
    expect(r.fuzzy).toBe(true)
    expect(r.hits.map((h) => h.id).sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(ids('weldng')).toEqual(['c'])
    expect(ids('microscpoe')).toHaveLength(4)
    expect(search(index, 'confocal').fuzzy).toBe(false)
  })
  it('falls back to typo tolerance when the exact words find no one', () => {
    // "tig" matches exactly, "weldin" is a prefix of nothing… except with one edit it is.
    expect(ids('tig weldimg')).toEqual(['c'])
  })
  it('finds a skill by its synonyms, either way round', () => {
    expect(ids('polymerase chain reaction')).toEqual(['d'])
    expect(ids('laser scanning')).toHaveLength(4)
    const named = createDirectoryIndex([person('p', 'Pat', [['polymerase chain reaction', 'expert', true, 'tag:pcr-long']])], options)
    expect(search(named, 'pcr').hits.map((h) => h.id)).toEqual(['p'])
  })
  it('does not match words under four letters with typos, or stop words at all', () => {
    expect(ids('pcx')).toEqual([])
    expect(ids('and the')).toEqual([])
  })
})

describe('ranking and highlighting', () => {
  it('puts experts who can teach first, then experts, practitioners, learners', () => {
    expect(ids('confocal')).toEqual(['a', 'd', 'b', 'c'])
  })
  it('puts a name match above skill matches', () => {
    expect(ids('cara confocal')[0]).toBe('c')
  })
  it('reports which skills and fields matched', () => {
    const hit = search(index, 'confocal').hits.find((h) => h.id === 'd')!
    expect(hit.matchedSkillIds).toEqual(['confocal-microscope'])
    const byDept = search(index, 'biosciences python').hits[0]!
    expect(byDept).toMatchObject({ id: 'a', matchedSkillIds: ['tag:python'], matchedFields: ['department'] })
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
})

describe('filters', () => {
  it('filters by faculty and role family', () => {
    expect(ids('confocal', { facultyId: 'sci' })).toEqual(['a', 'b'])
    expect(ids('', { roleFamily: 'laboratory' })).toEqual(['a', 'd'])
  })
  it('"can teach" and level apply to the skill that matched', () => {
    expect(ids('confocal', { canTeach: true })).toEqual(['a', 'd'])
    expect(ids('confocal', { minLevel: 'expert' })).toEqual(['a', 'b'])
    expect(ids('welding', { canTeach: true })).toEqual(['c'])
    // Cara teaches welding, not confocal.
    expect(ids('confocal', { canTeach: true })).not.toContain('c')
  })
  it('without a query, "can teach" means any skill', () => {
    expect(ids('', { canTeach: true })).toEqual(['a', 'c', 'd'])
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

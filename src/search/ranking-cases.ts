/**
 * The directory search's matching and ranking cases, as data: a small fictional directory and what
 * each query must give. src/search/directory-index.test.ts asserts every case against the index the
 * app runs; the search bench (scripts/bench/harness/search.ts) runs the same cases against each
 * baseline it times, so a faster library is only chosen if it also ranks people as these say.
 */
import type { Member, MemberSkill } from '@/domain/entities'
import type { DirectoryField, DirectoryFilters, DirectoryResult, IndexableMember } from './directory-index'

export type SkillSpec = [name: string, level: MemberSkill['level'], canTeach?: boolean, skillId?: string]
export function person(id: string, displayName: string, skills: SkillSpec[], extra: Partial<Member> = {}): IndexableMember {
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

export const people = [
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
export const options = {
  institutionId: 'inst',
  facultyNames: { sci: 'Faculty of Science', eng: 'Faculty of Engineering', med: 'Medicine' },
}

export interface RankingCase {
  group: 'matching' | 'ranking' | 'filters'
  name: string
  query: string
  filters?: DirectoryFilters
  /** Exactly these people, in this order. */
  ids?: string[]
  /** Exactly these people, in any order. */
  set?: string[]
  /** At least these people. */
  includes?: string[]
  /** This many people. */
  count?: number
  /** This person first. */
  first?: string
  /** Whether typo tolerance was used. */
  fuzzy?: boolean
  /** What one person's hit says matched. */
  hit?: { id: string; matchedSkillIds: string[]; matchedFields?: DirectoryField[] }
}

export const RANKING_CASES: readonly RankingCase[] = [
  { group: 'matching', name: 'the start of a skill word finds everyone with it', query: 'conf', set: ['a', 'b', 'c', 'd'] },
  { group: 'matching', name: 'the start of a name', query: 'ais', ids: ['a'] },
  { group: 'matching', name: 'the starts of two department words', query: 'mech eng', ids: ['c'] },
  { group: 'matching', name: 'a faculty name', query: 'science', includes: ['a', 'b'] },
  { group: 'matching', name: 'every word must match somewhere', query: 'aisha welding', ids: [] },
  { group: 'matching', name: 'a name and a skill', query: 'cara welding', ids: ['c'] },
  { group: 'matching', name: 'a typo, and it says so', query: 'confocl', set: ['a', 'b', 'c', 'd'], fuzzy: true },
  { group: 'matching', name: 'an exact word is not fuzzy', query: 'confocal', count: 4, fuzzy: false },
  { group: 'matching', name: 'a missing letter', query: 'weldng', ids: ['c'] },
  { group: 'matching', name: 'two letters swapped', query: 'microscpoe', count: 4 },
  { group: 'matching', name: 'two letters swapped in a short word', query: 'pyhton', ids: ['a'] },
  { group: 'matching', name: 'typo tolerance when the exact words find no one', query: 'tig weldimg', ids: ['c'] },
  { group: 'matching', name: 'a skill by its synonym', query: 'polymerase chain reaction', ids: ['d'] },
  { group: 'matching', name: 'a skill by a synonym of another name', query: 'laser scanning', count: 4 },
  { group: 'matching', name: 'no typos under four letters', query: 'pcx', ids: [] },
  { group: 'matching', name: 'stop words alone find no one', query: 'and the', ids: [] },
  {
    group: 'ranking',
    name: 'experts who can teach first, then experts, practitioners, learners',
    query: 'confocal',
    ids: ['a', 'd', 'b', 'c'],
  },
  { group: 'ranking', name: 'a name match above skill matches', query: 'cara confocal', first: 'c' },
  {
    group: 'ranking',
    name: 'which skill matched',
    query: 'confocal',
    hit: { id: 'd', matchedSkillIds: ['confocal-microscope'] },
  },
  {
    group: 'ranking',
    name: 'which skill and field matched',
    query: 'biosciences python',
    first: 'a',
    hit: { id: 'a', matchedSkillIds: ['tag:python'], matchedFields: ['department'] },
  },
  { group: 'filters', name: 'by faculty', query: 'confocal', filters: { facultyId: 'sci' }, ids: ['a', 'b'] },
  { group: 'filters', name: 'by role family, without a query', query: '', filters: { roleFamily: 'laboratory' }, ids: ['a', 'd'] },
  { group: 'filters', name: '"can teach" the skill that matched', query: 'confocal', filters: { canTeach: true }, ids: ['a', 'd'] },
  { group: 'filters', name: 'level of the skill that matched', query: 'confocal', filters: { minLevel: 'expert' }, ids: ['a', 'b'] },
  { group: 'filters', name: '"can teach" another skill', query: 'welding', filters: { canTeach: true }, ids: ['c'] },
  { group: 'filters', name: 'without a query, "can teach" means any skill', query: '', filters: { canTeach: true }, ids: ['a', 'c', 'd'] },
]

/** What is wrong with `result` for `c`, or null when it is as the case says. */
export function caseFailure(c: RankingCase, result: DirectoryResult): string | null {
  const got = result.hits.map((h) => h.id)
  const show = (ids: readonly string[]) => `[${ids.join(', ')}]`
  if (c.ids && show(got) !== show(c.ids)) return `gave ${show(got)}, not ${show(c.ids)}`
  if (c.set && show([...got].sort()) !== show([...c.set].sort())) return `gave ${show(got)}, not ${show(c.set)} in any order`
  if (c.includes && !c.includes.every((id) => got.includes(id))) return `gave ${show(got)}, without all of ${show(c.includes)}`
  if (c.count !== undefined && got.length !== c.count) return `gave ${got.length} people, not ${c.count}`
  if (c.first && got[0] !== c.first) return `put ${got[0] ?? 'no one'} first, not ${c.first}`
  if (c.fuzzy !== undefined && result.fuzzy !== c.fuzzy) return `said fuzzy ${result.fuzzy}, not ${c.fuzzy}`
  if (c.hit) {
    const hit = result.hits.find((h) => h.id === c.hit!.id)
    if (!hit) return `did not find ${c.hit.id}`
    if (show(hit.matchedSkillIds) !== show(c.hit.matchedSkillIds))
      return `said skills ${show(hit.matchedSkillIds)} matched, not ${show(c.hit.matchedSkillIds)}`
    if (c.hit.matchedFields && show(hit.matchedFields) !== show(c.hit.matchedFields))
      return `said fields ${show(hit.matchedFields)} matched, not ${show(c.hit.matchedFields)}`
  }
  return null
}

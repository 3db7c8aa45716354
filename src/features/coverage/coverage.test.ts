import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { Member, MemberSkill } from '@/domain/entities'
import { coverageCsv, departmentCoverage } from './coverage'
import { i18n } from '@/i18n'
import { i18nFor } from '../../../tests/support/i18n'

const t = (key: string) => i18n.global.t(key)

const skill = (skillId: string, level: MemberSkill['level'], canTeach = false, wantsToLearn = false): MemberSkill => ({ skillId, name: skillId.toUpperCase(), category: 'technique', level, canTeach, wantsToLearn })
const member = (id: string, department: string, skills: MemberSkill[], extra: Partial<Member> = {}): Member => ({
  id, updatedAt: 0, version: 1, deleted: false, lastMutationId: null, institutionId: 'inst', displayName: `Person ${id}`, email: `${id}@example.ac.uk`,
  role: 'technician', visibility: 'institution', joinedAt: 0, facultyId: 'sci', department, skills, ...extra,
})
const institution = { id: 'inst', faculties: [{ id: 'sci', name: 'Faculty of Science', departments: ['Chemistry', 'Physics'] }] }
const members = [
  member('a', 'Chemistry', [skill('nmr', 'expert', true), skill('hplc', 'expert'), skill('python', 'learning', false, true)]),
  member('b', 'Chemistry', [skill('nmr', 'practitioner'), skill('python', 'learning', false, true), skill('xrd', 'learning', false, true)]),
  member('c', 'Physics', [skill('python', 'expert', true)]),
  member('h', 'Chemistry', [skill('hplc', 'expert', true)], { visibility: 'hidden' }),
  member('o', 'Chemistry', [skill('hplc', 'expert', true)], { institutionId: 'other' }),
]

describe('departmentCoverage', () => {
  const [chem, phys] = departmentCoverage(members, institution)
  it('groups listed people by department (hidden and other institutions never count)', () => {
    expect(chem).toMatchObject({ faculty: 'Faculty of Science', department: 'Chemistry', people: 2 })
    expect(phys).toMatchObject({ department: 'Physics', people: 1 })
  })
  it('finds single points of failure and who they are', () => {
    expect(chem!.singlePoints.map((c) => [c.skillId, c.holder])).toEqual([['hplc', 'Person a']])
  })
  it('finds skills no one in the department can teach, and who can elsewhere', () => {
    expect(chem!.noTeacher.map((c) => [c.skillId, c.teachersElsewhere])).toEqual([['hplc', 0], ['python', 1], ['xrd', 0]])
  })
  it('ranks the most wanted skills', () => {
    expect(chem!.mostWanted.map((c) => [c.skillId, c.wanted])).toEqual([['python', 2], ['xrd', 1]])
  })
  it('exports one row per finding', async () => {
    await i18nFor('en')
    const parsed = Papa.parse<string[]>(coverageCsv([chem!], t), { skipEmptyLines: true }).data
    expect(parsed[0]![3]).toBe('Finding')
    expect(parsed.slice(1).map((r) => [r[3], r[4]])).toEqual([
      ['Single point of failure', 'HPLC'], ['No one here can teach', 'HPLC'], ['No one here can teach', 'PYTHON'], ['No one here can teach', 'XRD'], ['Most wanted', 'PYTHON'], ['Most wanted', 'XRD'],
    ])
  })

  it('exports in Welsh when Welsh is shown, a missing department named in Welsh', async () => {
    await i18nFor('cy')
    const [none] = departmentCoverage([member('z', '', [skill('nmr', 'expert')], { facultyId: undefined })], institution)
    const parsed = Papa.parse<string[]>(coverageCsv([none!], t), { skipEmptyLines: true }).data
    expect(parsed[0]!.slice(0, 4)).toEqual(['Cyfadran', 'Adran', 'Pobl', 'Canfyddiad'])
    expect(parsed[1]!.slice(0, 5)).toEqual(['Dim cyfadran wedi’i rhoi', 'Dim adran wedi’i rhoi', '1', 'Un pwynt methiant', 'NMR'])
  })
})

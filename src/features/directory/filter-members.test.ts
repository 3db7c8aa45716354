import { describe, expect, it } from 'vitest'
import type { Member } from '@/domain/entities'
import { filterMembers } from './filter-members'

function member(displayName: string, skills: string[], jobTitle?: string): Member {
  return {
    id: displayName.toLowerCase().replace(/\W+/g, '-'), updatedAt: 0, version: 0, deleted: false, lastMutationId: null,
    institutionId: 'demo', displayName, email: 'x@example.ac.uk', role: 'technician', visibility: 'institution', joinedAt: 0, jobTitle,
    skills: skills.map((name) => ({ skillId: name, name, category: 'technique', level: 'practitioner', canTeach: true, wantsToLearn: false })),
  }
}

const people = [member('Aisha Patel', ['Confocal microscopy', 'Python']), member('José Ortega', ['CNC milling'], 'Workshop technician'), member('Sam Lee', [])]

describe('filterMembers', () => {
  it('returns everyone for an empty query', () => {
    expect(filterMembers(people, '  ')).toHaveLength(3)
  })
  it('matches names without accents or case', () => {
    expect(filterMembers(people, 'jose').map((m) => m.displayName)).toEqual(['José Ortega'])
  })
  it('matches skills and job titles', () => {
    expect(filterMembers(people, 'microscopy')[0]?.displayName).toBe('Aisha Patel')
    expect(filterMembers(people, 'workshop')[0]?.displayName).toBe('José Ortega')
  })
  it('needs every word to match', () => {
    expect(filterMembers(people, 'aisha milling')).toHaveLength(0)
  })
})

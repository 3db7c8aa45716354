import { describe, expect, it } from 'vitest'
import type { Member, MemberSkill } from '@/domain/entities'
import { skillKey, teachSuggestions } from './suggestions'

const s = (skillId: string, name: string, level: MemberSkill['level'], canTeach = false, wantsToLearn = false): MemberSkill => ({
  skillId,
  name,
  category: 'technique',
  level,
  canTeach,
  wantsToLearn,
})
const m = (id: string, skills: MemberSkill[], extra: Partial<Member> = {}): Member => ({
  id,
  updatedAt: 0,
  version: 1,
  deleted: false,
  lastMutationId: null,
  institutionId: 'inst',
  displayName: id,
  email: `${id}@example.ac.uk`,
  role: 'technician',
  visibility: 'institution',
  joinedAt: 0,
  skills,
  ...extra,
})

describe('skillKey', () => {
  it('meets taxonomy skills however they were stored', () => {
    expect(skillKey({ skillId: 'confocal-microscopy', name: 'Confocal microscopy' })).toBe('confocal-microscope')
    expect(skillKey({ skillId: 'pcr', name: 'PCR and qPCR' })).toBe('pcr')
    expect(skillKey({ skillId: 'tag:bookbinding', name: 'Book-binding' })).toBe('tag:book binding')
  })
})

describe('teachSuggestions', () => {
  const me = m(
    'me',
    [
      s('confocal-microscope', 'Confocal microscope', 'learning', false, true),
      s('tag:x', 'Glass engraving', 'learning', false, true),
      s('pcr', 'PCR', 'expert', true),
    ],
    { department: 'Biosciences' },
  )
  const members = [
    me,
    m('zed', [s('confocal-microscopy', 'Confocal microscopy', 'expert', true)]),
    m('amy', [s('confocal-microscope', 'Confocal microscope', 'practitioner', true)], { department: 'Biosciences' }),
    m('bob', [s('confocal-microscope', 'Confocal microscope', 'practitioner', true)]),
    m('cat', [s('confocal-microscope', 'Confocal microscope', 'expert', false)]),
    m('hid', [s('confocal-microscope', 'Confocal microscope', 'expert', true)], { visibility: 'hidden' }),
    m('far', [s('confocal-microscope', 'Confocal microscope', 'expert', true)], { institutionId: 'other' }),
  ]
  it('lists teachers of each skill I want to learn: experts, then my department, then by name', () => {
    const [confocal, glass] = teachSuggestions(me, members)
    expect(confocal!.teachers.map((t) => t.id)).toEqual(['zed', 'amy', 'bob'])
    expect(glass).toEqual({ skill: { skillId: 'tag:x', name: 'Glass engraving' }, teachers: [] })
  })
  it('never suggests hidden people, other institutions, or me', () => {
    const ids = teachSuggestions(me, members, 10).flatMap((x) => x.teachers.map((t) => t.id))
    expect(ids).not.toContain('hid')
    expect(ids).not.toContain('far')
    expect(ids).not.toContain('me')
  })
  it('is empty without a profile', () => {
    expect(teachSuggestions(undefined, members)).toEqual([])
  })
})

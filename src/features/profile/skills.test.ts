import { describe, expect, it } from 'vitest'
import { MemberSkillSchema, type MemberSkill } from '@/domain/entities'
import { validate } from '@/domain/validation'
import { addSkill, MAX_SKILLS, removeSkill, skillOptions, updateSkill } from './skills'

const pcr: MemberSkill = { skillId: 'pcr', name: 'PCR', category: 'technique', level: 'expert', canTeach: true, wantsToLearn: false }

describe('skillOptions', () => {
  it('resolves synonyms to one taxonomy skill', () => {
    expect(skillOptions('polymerase chain reaction', [])[0]).toEqual({
      id: 'pcr',
      name: 'PCR',
      category: 'technique',
      via: 'polymerase chain reaction',
    })
    expect(skillOptions('PCR', [])[0]).toEqual({ id: 'pcr', name: 'PCR', category: 'technique' })
  })
  it('suggests as you type and offers the words as a new tag', () => {
    const options = skillOptions('confoc', [])
    expect(options[0]).toMatchObject({ id: 'confocal-microscope' })
    expect(options.at(-1)).toEqual({ id: 'tag:confoc', name: 'confoc', category: null })
  })
  it('leaves out skills already listed and blank input', () => {
    expect(skillOptions('PCR', [pcr]).some((o) => o.id === 'pcr')).toBe(false)
    expect(skillOptions('   ', [])).toEqual([])
  })
  it('offers a free tag for anything not in the taxonomy', () => {
    expect(skillOptions('Bookbinding', [])).toContainEqual({ id: 'tag:bookbinding', name: 'Bookbinding', category: null })
  })
})

describe('editing skills', () => {
  it('adds a valid skill once', () => {
    const skills = addSkill([], { id: 'tag:bookbinding', name: 'Bookbinding', category: null })
    expect(skills).toEqual([
      {
        skillId: 'tag:bookbinding',
        name: 'Bookbinding',
        category: 'technique',
        level: 'practitioner',
        canTeach: false,
        wantsToLearn: false,
      },
    ])
    expect(validate(MemberSkillSchema, skills[0]).ok).toBe(true)
    expect(addSkill(skills, { id: 'tag:bookbinding', name: 'Bookbinding', category: null })).toHaveLength(1)
  })
  it('stops at the cap', () => {
    const full = Array.from({ length: MAX_SKILLS }, (_, i) => ({ ...pcr, skillId: `tag:s${i}` }))
    expect(addSkill(full, { id: 'hplc', name: 'HPLC', category: 'equipment' })).toHaveLength(MAX_SKILLS)
  })
  it('changes level and flags; a learner is not a teacher', () => {
    expect(updateSkill([pcr], 'pcr', { level: 'learning' })[0]).toMatchObject({ level: 'learning', canTeach: false })
    expect(updateSkill([pcr], 'pcr', { wantsToLearn: true })[0]).toMatchObject({ level: 'expert', canTeach: true, wantsToLearn: true })
    expect(removeSkill([pcr], 'pcr')).toEqual([])
  })
})

describe('skillOptions with typos', () => {
  it('offers the taxonomy skill a typo is close to before the words as a new tag', () => {
    const options = skillOptions('spectromety', [])
    expect(options[0]).toEqual({ id: 'mass-spectrometer', name: 'Mass spectrometer', category: 'equipment', near: 'mass spectrometry' })
    expect(options.at(-1)).toEqual({ id: 'tag:spectromety', name: 'spectromety', category: null })
  })
  it('offers no close skill the profile already lists', () => {
    const ms: MemberSkill = { ...pcr, skillId: 'mass-spectrometer', name: 'Mass spectrometer', category: 'equipment' }
    expect(skillOptions('spectromety', [ms]).some((o) => o.id === 'mass-spectrometer')).toBe(false)
  })
})

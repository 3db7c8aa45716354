import { describe, expect, it } from 'vitest'
import { resolveSkill } from '@/domain/taxonomy'
import { closeSkills } from './skill-match'

describe('closeSkills', () => {
  it('finds the taxonomy skill a typo is close to, with the synonym it came close to', () => {
    expect(closeSkills('spectromety')[0]).toMatchObject({ skill: { id: 'mass-spectrometer' }, via: 'mass spectrometry', edits: 1 })
    expect(closeSkills('Mass spectromety')[0]).toMatchObject({ skill: { id: 'mass-spectrometer' }, edits: 1 })
    expect(closeSkills('confocl microscpy')[0]).toMatchObject({ skill: { id: 'confocal-microscope' } })
    expect(closeSkills('elctron microscope')[0]).toMatchObject({ skill: { id: 'electron-microscope' } })
  })
  it('puts the closest first and lists each skill once', () => {
    const found = closeSkills('spectrometer', 10)
    expect(found[0]!.edits).toBe(0)
    expect(new Set(found.map((c) => c.skill.id)).size).toBe(found.length)
    expect(found.map((c) => c.edits)).toEqual([...found.map((c) => c.edits)].sort((a, b) => a - b))
  })
  it('allows no typo in short words and finds nothing for unrelated words', () => {
    expect(closeSkills('PCT')).toEqual([])
    expect(closeSkills('bookbinding')).toEqual([])
    expect(closeSkills('   ')).toEqual([])
  })
})

describe('one skill under its synonyms', () => {
  it('"Mass spectrometer" and "Mass spectrometry" resolve to the same skill', () => {
    expect(resolveSkill('Mass spectrometry')?.id).toBe('mass-spectrometer')
    expect(resolveSkill('Mass spectrometer')?.id).toBe('mass-spectrometer')
  })
})

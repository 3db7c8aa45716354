import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { InstitutionSchema } from './entities'
import { skill } from '../../tests/support/rule-fixtures'
import { applySkillMerges, canonicalSkillId, mergeCounts, mergeSkill, type SkillMerges } from './skill-merges'

describe('skill merges', () => {
  const merges = mergeSkill({}, 'tag:mass-spec', { id: 'mass-spectrometer', name: 'Mass spectrometer' })!

  it('a merged skill counts as its target, following merges of merges, never looping', () => {
    expect(canonicalSkillId('tag:mass-spec', merges)).toBe('mass-spectrometer')
    const chained = mergeSkill(merges, 'tag:ms', { id: 'tag:mass-spec', name: 'Mass spec' })!
    expect(chained['tag:ms']).toEqual({ into: 'mass-spectrometer', name: 'Mass spectrometer' })
    // Merging the target away takes what was merged into it along.
    const moved = mergeSkill(merges, 'mass-spectrometer', { id: 'tag:lc-ms', name: 'LC-MS' })!
    expect(canonicalSkillId('tag:mass-spec', moved)).toBe('tag:lc-ms')
    expect(mergeSkill(merges, 'mass-spectrometer', { id: 'tag:mass-spec', name: 'x' })).toBeNull()
    expect(mergeSkill(merges, 'pcr', { id: 'pcr', name: 'PCR' })).toBeNull()
    expect(canonicalSkillId('a', { a: { into: 'b', name: 'B' }, b: { into: 'a', name: 'A' } })).toBe('b')
  })

  it('members’ skills follow the merge: one skill, the higher level, teaching if either', () => {
    const skills = [
      skill('tag:mass-spec', 'Mass spec', { level: 'expert', canTeach: true }),
      skill('mass-spectrometer', 'Mass spectrometer', { category: 'equipment', level: 'learning', wantsToLearn: true }),
      skill('pcr', 'PCR'),
    ]
    expect(applySkillMerges(skills, merges)).toEqual([
      {
        skillId: 'mass-spectrometer',
        name: 'Mass spectrometer',
        category: 'equipment',
        level: 'expert',
        canTeach: true,
        wantsToLearn: true,
      },
      skill('pcr', 'PCR'),
    ])
    expect(applySkillMerges([skill('tag:mass-spec', 'Mass spec')], merges)).toEqual([skill('mass-spectrometer', 'Mass spectrometer')])
    expect(applySkillMerges(skills, undefined)).toEqual(skills)
  })

  it('endorsements are summed under the skill they now count as', () => {
    expect(mergeCounts({ 'tag:mass-spec': 2, 'mass-spectrometer': 1, pcr: 4 }, merges)).toEqual({ 'mass-spectrometer': 3, pcr: 4 })
  })

  it('an institution keeps its merges (and an older one without any is still valid)', () => {
    const inst = {
      id: 'i',
      updatedAt: 1,
      version: 1,
      deleted: false,
      lastMutationId: null,
      name: 'U',
      emailDomains: [],
      faculties: [],
      sites: [],
    }
    expect(v.is(InstitutionSchema, inst)).toBe(true)
    expect(v.parse(InstitutionSchema, { ...inst, skillMerges: merges }).skillMerges).toEqual(merges)
    const bad: SkillMerges = { 'tag:x': { into: '', name: 'X' } }
    expect(v.is(InstitutionSchema, { ...inst, skillMerges: bad })).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import type { MemberSkill } from '@/domain/entities'
import { cardSkills } from './card-skills'

const s = (skillId: string, level: MemberSkill['level'], canTeach = false): MemberSkill => ({
  skillId,
  name: skillId,
  category: 'technique',
  level,
  canTeach,
  wantsToLearn: false,
})

describe('cardSkills', () => {
  const skills = [
    s('a', 'learning'),
    s('b', 'expert', true),
    s('c', 'practitioner'),
    s('d', 'expert'),
    s('e', 'learning'),
    s('f', 'practitioner', true),
  ]
  it('shows matches first, then the strongest skills, up to the limit', () => {
    expect(cardSkills(skills, ['e'], 3).map((c) => [c.skill.skillId, c.matched])).toEqual([
      ['e', true],
      ['b', false],
      ['f', false],
    ])
  })
  it('always shows every match', () => {
    expect(cardSkills(skills, ['a', 'c', 'e'], 2).map((c) => c.skill.skillId)).toEqual(['a', 'c', 'e'])
  })
  it('with no matches shows the best skills', () => {
    expect(cardSkills(skills, []).map((c) => c.skill.skillId)).toEqual(['b', 'f', 'd', 'c', 'a'])
  })
})

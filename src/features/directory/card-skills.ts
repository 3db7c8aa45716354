import type { MemberSkill } from '@/domain/entities'

export interface CardSkill {
  skill: MemberSkill
  matched: boolean
}

/**
 * The skills a result card shows: those that matched the search first (highlighted), then the
 * member's best — experts who can teach before learners — up to `max` in all (matches always show).
 */
export function cardSkills(skills: readonly MemberSkill[], matchedIds: readonly string[], max = 5): CardSkill[] {
  const matched = new Set(matchedIds)
  const weight = (s: MemberSkill) => (s.level === 'expert' ? 3 : s.level === 'practitioner' ? 2 : 1) + (s.canTeach ? 3 : 0)
  const first = skills.filter((s) => matched.has(s.skillId))
  const rest = skills.filter((s) => !matched.has(s.skillId)).sort((a, b) => weight(b) - weight(a))
  return [
    ...first.map((skill) => ({ skill, matched: true })),
    ...rest.slice(0, Math.max(0, max - first.length)).map((skill) => ({ skill, matched: false })),
  ]
}

import type { Member, MemberSkill } from '@/domain/entities'
import { normalise, resolveSkill, skillById } from '@/domain/taxonomy'
import { isListed } from '@/search/directory-index'

/** One skill to learn and the colleagues who have offered to teach it, best first. */
export interface TeachSuggestion {
  skill: Pick<MemberSkill, 'skillId' | 'name'>
  teachers: Member[]
}

/**
 * The identity of a skill across profiles: its taxonomy skill (by id, or by what its name
 * resolves to, so "Confocal microscopy" and "Confocal microscope" meet), else its normalised name.
 */
export function skillKey(skill: Pick<MemberSkill, 'skillId' | 'name'>): string {
  const byId = skillById(skill.skillId)
  if (byId) return byId.id
  const resolved = resolveSkill(skill.name)
  return resolved?.kind === 'taxonomy' ? resolved.id : `tag:${normalise(skill.name)}`
}

const LEVEL_RANK = { expert: 2, practitioner: 1, learning: 0 } as const

/**
 * "People who can teach what you want to learn": for each skill I want to learn, listed
 * colleagues who are happy to teach it — experts first, then my own department, then by name.
 */
export function teachSuggestions(
  me: Pick<Member, 'id' | 'skills' | 'department' | 'institutionId'> | undefined,
  members: readonly Member[],
  perSkill = 3,
): TeachSuggestion[] {
  if (!me) return []
  const wanted = me.skills.filter((s) => s.wantsToLearn)
  const teachersByKey = new Map<string, { member: Member; skill: MemberSkill }[]>()
  for (const m of members) {
    if (m.id === me.id || !isListed(m, me.institutionId)) continue
    for (const s of m.skills) {
      if (!s.canTeach) continue
      const key = skillKey(s)
      teachersByKey.set(key, [...(teachersByKey.get(key) ?? []), { member: m, skill: s }])
    }
  }
  return wanted.map((skill) => {
    const found = teachersByKey.get(skillKey(skill)) ?? []
    const sorted = [...found].sort(
      (a, b) =>
        LEVEL_RANK[b.skill.level] - LEVEL_RANK[a.skill.level] ||
        Number(b.member.department === me.department && !!me.department) -
          Number(a.member.department === me.department && !!me.department) ||
        a.member.displayName.localeCompare(b.member.displayName),
    )
    return { skill: { skillId: skill.skillId, name: skill.name }, teachers: sorted.slice(0, perSkill).map((t) => t.member) }
  })
}

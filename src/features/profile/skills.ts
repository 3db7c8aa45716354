import type { MemberSkill } from '@/domain/entities'
import { resolveSkill, searchSkills, skillById, type SkillCategory } from '@/domain/taxonomy'
import { closeSkills } from '@/search/skill-match'

/** The most skills a profile may list (the shared schema's cap). */
export const MAX_SKILLS = 100

/** One option of the skill type-ahead: a taxonomy skill, or what was typed as a new free tag. */
export interface SkillOption {
  id: string
  name: string
  /** Taxonomy category, or null for a free tag. */
  category: SkillCategory | null
  /** When the typed words matched a synonym ("polymerase chain reaction" → PCR), that synonym. */
  via?: string
  /** When the words were only close (a typo: "spectromety"), the name or synonym they came close to. */
  near?: string
}

/**
 * The type-ahead's options for `query`: taxonomy skills (synonyms resolve to their skill), then
 * skills the words are a typo of (the directory's edit distance), then, unless the words are
 * exactly a taxonomy skill, the words themselves as a free tag. Skills the profile already lists
 * are left out.
 */
export function skillOptions(query: string, existing: readonly Pick<MemberSkill, 'skillId'>[], limit = 6): SkillOption[] {
  const have = new Set(existing.map((s) => s.skillId))
  const resolved = resolveSkill(query)
  if (!resolved) return []
  const options: SkillOption[] = []
  if (resolved.kind === 'taxonomy' && !have.has(resolved.id)) {
    const typed = query.trim()
    options.push({
      id: resolved.id,
      name: resolved.name,
      category: resolved.category,
      ...(typed.toLowerCase() !== resolved.name.toLowerCase() ? { via: typed } : {}),
    })
  }
  for (const s of searchSkills(query, limit + 1)) {
    if (options.length >= limit) break
    if (!have.has(s.id) && !options.some((o) => o.id === s.id)) options.push({ id: s.id, name: s.name, category: s.category })
  }
  if (resolved.kind === 'tag')
    for (const c of closeSkills(query)) {
      if (options.length >= limit) break
      if (!have.has(c.skill.id) && !options.some((o) => o.id === c.skill.id))
        options.push({ id: c.skill.id, name: c.skill.name, category: c.skill.category, near: c.via })
    }
  if (resolved.kind === 'tag' && !have.has(resolved.id)) options.push({ id: resolved.id, name: resolved.name, category: null })
  return options
}

/** Adds a chosen option as a skill (practitioner, not yet teaching); unchanged when already listed or full. */
export function addSkill(skills: readonly MemberSkill[], option: SkillOption): MemberSkill[] {
  if (skills.some((s) => s.skillId === option.id) || skills.length >= MAX_SKILLS) return [...skills]
  const category = option.category ?? skillById(option.id)?.category ?? 'technique'
  return [...skills, { skillId: option.id, name: option.name, category, level: 'practitioner', canTeach: false, wantsToLearn: false }]
}

/** Changes one skill's level or flags. Someone learning a skill is not yet its teacher. */
export function updateSkill(
  skills: readonly MemberSkill[],
  skillId: string,
  change: Partial<Pick<MemberSkill, 'level' | 'canTeach' | 'wantsToLearn'>>,
): MemberSkill[] {
  return skills.map((s) => {
    if (s.skillId !== skillId) return s
    const next = { ...s, ...change }
    if (change.level === 'learning' && s.level !== 'learning') next.canTeach = false
    return next
  })
}

export function removeSkill(skills: readonly MemberSkill[], skillId: string): MemberSkill[] {
  return skills.filter((s) => s.skillId !== skillId)
}

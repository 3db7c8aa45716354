/** A lead merges duplicate skills: an edit of the institution's `skillMerges` (src/domain/skill-merges.ts), synced like any other. */
import { reads as defaultReads, type Reads } from '@/db/read'
import { repos as defaultRepos, type Repos } from '@/db/repos'
import type { Member } from '@/domain/entities'
import { mergeSkill } from '@/domain/skill-merges'

export interface SkillChoice {
  id: string
  name: string
  /** Listed members who list it. */
  people: number
}

/** Every skill listed across the institution's directory (merges already applied), by name. */
export function skillChoices(members: readonly Pick<Member, 'skills'>[]): SkillChoice[] {
  const byId = new Map<string, SkillChoice>()
  for (const m of members)
    for (const s of m.skills) {
      const c = byId.get(s.skillId) ?? { id: s.skillId, name: s.name, people: 0 }
      c.people++
      byId.set(s.skillId, c)
    }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** Records that `from` now counts as `into` for the whole institution; false when the merge makes no sense. */
export async function mergeSkills(
  institutionId: string,
  from: string,
  into: { id: string; name: string },
  deps: { reads?: Reads; repos?: Repos } = {},
): Promise<boolean> {
  const current = await (deps.reads ?? defaultReads).institutions.get(institutionId)
  if (!current) return false
  const next = mergeSkill(current.skillMerges, from, into)
  if (!next) return false
  await (deps.repos ?? defaultRepos).institutions.patchFrom(institutionId, { skillMerges: current.skillMerges }, { skillMerges: next })
  return true
}

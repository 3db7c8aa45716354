/**
 * Duplicate skills merged by a lead ("Mass spec" and "Mass spectrometry" as two free tags): an
 * institution-level alias map, `skillMerges` on the institution document, from a skill id to the
 * skill it now counts as. Every client applies it when reading the directory (members' skills,
 * endorsement counts), so members' profiles follow a merge at once, offline too, without a lead
 * ever writing someone else's profile (profiles belong to their owners). A lead's merge is an
 * ordinary synced edit of the institution (by key: two leads merging different skills offline
 * both keep theirs).
 */
import * as v from 'valibot'
import { requiredText } from './common'
import type { MemberSkill } from './entities'

export const SkillMergeSchema = v.strictObject({
  /** The skill id it now counts as. */
  into: requiredText(80, 'skill'),
  /** That skill's name (a free tag's name is known only from profiles). */
  name: requiredText(80, 'skillName'),
})
export type SkillMerge = v.InferOutput<typeof SkillMergeSchema>
export const SkillMergesSchema = v.pipe(
  v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(80)), SkillMergeSchema),
  v.check((m) => Object.keys(m).length <= 500),
)
export type SkillMerges = Record<string, SkillMerge>

/** The id a skill counts as after the merges (following a merge of a merged skill; a cycle stops where it closes). */
export function canonicalSkillId(id: string, merges: SkillMerges | undefined): string {
  if (!merges) return id
  const seen = new Set([id])
  let current = id
  for (let next = merges[current]; next && !seen.has(next.into); next = merges[current]) {
    current = next.into
    seen.add(current)
  }
  return current
}

/**
 * The merges with `from` now counting as `into`; skills merged into `from` before follow it. Null
 * when the merge would make no sense (a skill into itself, or into one already merged into it).
 */
export function mergeSkill(merges: SkillMerges | undefined, from: string, into: { id: string; name: string }): SkillMerges | null {
  const target = canonicalSkillId(into.id, merges)
  if (from === into.id || target === from) return null
  const next: SkillMerges = { ...merges, [from]: { into: target, name: merges?.[into.id]?.name ?? into.name } }
  for (const [id, m] of Object.entries(next)) if (m.into === from) next[id] = { into: target, name: next[from]!.name }
  return next
}

const LEVELS: readonly MemberSkill['level'][] = ['learning', 'practitioner', 'expert']

/**
 * A member's skills as the institution now counts them: each merged skill under its target's id
 * and name; two that became one keep the higher level, and teaching or wanting either.
 */
export function applySkillMerges(skills: readonly MemberSkill[], merges: SkillMerges | undefined): MemberSkill[] {
  if (!merges || Object.keys(merges).length === 0) return [...skills]
  const out = new Map<string, MemberSkill>()
  // The skill the member listed under the target's own id keeps its name and category.
  const own = new Set(skills.map((s) => s.skillId))
  for (const s of skills) {
    const id = canonicalSkillId(s.skillId, merges)
    const renamed = id === s.skillId ? s : { ...s, skillId: id, name: merges[s.skillId]?.name ?? s.name }
    const had = out.get(id)
    if (!had) out.set(id, renamed)
    else {
      const keep = own.has(id) && s.skillId === id ? renamed : had
      out.set(id, {
        ...keep,
        level: LEVELS.indexOf(had.level) >= LEVELS.indexOf(renamed.level) ? had.level : renamed.level,
        canTeach: had.canTeach || renamed.canTeach,
        wantsToLearn: had.wantsToLearn || renamed.wantsToLearn,
      })
    }
  }
  return [...out.values()].map((s) => (s.level === 'learning' ? { ...s, canTeach: false } : s))
}

/** Endorsement counts summed under the skills they now count as. */
export function mergeCounts(counts: Record<string, number> | undefined, merges: SkillMerges | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [id, n] of Object.entries(counts ?? {})) {
    const key = canonicalSkillId(id, merges)
    out[key] = (out[key] ?? 0) + n
  }
  return out
}

/** A directory entry (or profile) as the institution now counts its skills and endorsements. */
export function withSkillMerges<T extends { skills: readonly MemberSkill[]; endorsements?: Record<string, number> }>(
  member: T,
  merges: SkillMerges | undefined,
): T {
  if (!merges || Object.keys(merges).length === 0) return member
  return {
    ...member,
    skills: applySkillMerges(member.skills, merges),
    ...(member.endorsements ? { endorsements: mergeCounts(member.endorsements, merges) } : {}),
  }
}

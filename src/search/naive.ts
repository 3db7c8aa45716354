/**
 * The naive baseline the bench compares the index with: every keystroke scans every profile,
 * normalising its text and checking each word with `includes` (no typo tolerance). Same filters
 * and result shape as `search`, ranked the same simple way, so the two can be timed side by side.
 */
import { normalise } from '@/domain/taxonomy'
import {
  isListed,
  type DirectoryFilters,
  type DirectoryHit,
  type DirectoryIndexOptions,
  type DirectoryResult,
  type IndexableMember,
  type SkillLevel,
} from './directory-index'
import { queryWords, skillTexts } from './text'

const LEVEL_ORDER: Record<SkillLevel, number> = { learning: 0, practitioner: 1, expert: 2 }

/** Scans `members` for `query`; the baseline of `search(createDirectoryIndex(members), …)`. */
export function naiveSearch(
  members: readonly IndexableMember[],
  query: string,
  filters: DirectoryFilters = {},
  limit = 30,
  options: DirectoryIndexOptions = {},
): DirectoryResult {
  const words = queryWords(query)
  const scored: { hit: DirectoryHit; name: string }[] = []
  for (const m of members) {
    if (!isListed(m, options.institutionId)) continue
    if (filters.facultyId && m.facultyId !== filters.facultyId) continue
    if (filters.roleFamily && m.roleFamily !== filters.roleFamily) continue
    const fieldText = normalise(
      [m.displayName, m.jobTitle, m.department, m.facultyId ? options.facultyNames?.[m.facultyId] : '', m.site].join(' '),
    )
    const skillText = m.skills.map((s) => normalise(skillTexts(s).join(' ')))
    if (!words.every((w) => fieldText.includes(w) || skillText.some((t) => t.includes(w)))) continue
    const matched = m.skills.filter((_, k) => words.some((w) => skillText[k]!.includes(w)))
    const pool = words.length > 0 && matched.length > 0 ? matched : m.skills
    const eligible = pool.filter(
      (s) => (!filters.canTeach || s.canTeach) && LEVEL_ORDER[s.level] >= LEVEL_ORDER[filters.minLevel ?? 'learning'],
    )
    if ((filters.canTeach || filters.minLevel) && eligible.length === 0) continue
    const best = Math.max(0, ...eligible.map((s) => LEVEL_ORDER[s.level] * 4 + (s.canTeach ? 6 : 0)))
    const hit: DirectoryHit = {
      id: m.id,
      score: words.length ? best : 0,
      matchedSkillIds: words.length ? matched.map((s) => s.skillId) : [],
      matchedFields: [],
    }
    scored.push({ hit, name: normalise(m.displayName) })
  }
  scored.sort((a, b) => b.hit.score - a.hit.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { hits: scored.slice(0, limit).map((s) => s.hit), total: scored.length, fuzzy: false }
}

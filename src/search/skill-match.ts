/**
 * Typos and near-synonyms against the skills taxonomy, with the directory's own edit distance
 * (./fuzzy.ts): "spectromety" is one letter from "spectrometry", so the skill pickers offer "Mass
 * spectrometer" (whose synonym it is) before the words become a new free tag nobody else shares.
 */
import { normalise, SKILLS, type TaxonomySkill } from '@/domain/taxonomy'
import { allowedEdits, boundedDistance } from './fuzzy'

export interface CloseSkill {
  skill: TaxonomySkill
  /** The taxonomy name or synonym the words came close to. */
  via: string
  /**
   * Total edits between the typed words and that name or synonym (0: exact words); a last word
   * that only matched the start of a word adds half an edit.
   */
  edits: number
}

/** Each taxonomy term as its normalised words, worked out once. */
const TERMS: readonly { skill: TaxonomySkill; text: string; words: readonly string[] }[] = SKILLS.flatMap((skill) =>
  [skill.name, ...skill.synonyms].map((text) => ({ skill, text, words: normalise(text).split(' ').filter(Boolean) })),
)

/**
 * Taxonomy skills whose name or a synonym has, for every typed word, a word within the directory's
 * typo allowance (none under 4 letters, 1 up to 6, else 2; the last word may still be being typed,
 * so it may match the start of a word). Fewest edits first, each skill once, with the term it
 * matched. Empty for blank input.
 */
export function closeSkills(query: string, limit = 3): CloseSkill[] {
  const typed = normalise(query).split(' ').filter(Boolean)
  if (typed.length === 0) return []
  const best = new Map<string, CloseSkill>()
  for (const term of TERMS) {
    let edits = 0
    for (const [i, w] of typed.entries()) {
      const max = allowedEdits(w.length)
      const last = i === typed.length - 1
      let d = max + 1
      for (const t of term.words) {
        // A word matched only by its start ranks half an edit behind a whole word as close.
        const start = last && w.length >= 4 ? boundedDistance(w, t, max, true) + 0.5 : max + 1
        d = Math.min(d, boundedDistance(w, t, max), start)
        if (d === 0) break
      }
      if (d > max) {
        edits = -1
        break
      }
      edits += d
    }
    if (edits < 0) continue
    const seen = best.get(term.skill.id)
    if (!seen || edits < seen.edits) best.set(term.skill.id, { skill: term.skill, via: term.text, edits })
  }
  return [...best.values()].sort((a, b) => a.edits - b.edits || a.skill.name.localeCompare(b.skill.name)).slice(0, limit)
}

/**
 * How directory text becomes search terms: the taxonomy's normalisation (case, accents,
 * punctuation), minus a few words too common to search by, and a skill's synonyms so "polymerase
 * chain reaction" finds someone who listed "PCR".
 */
import type { MemberSkill } from '@/domain/entities'
import { normalise, resolveSkill, skillById } from '@/domain/taxonomy'

/** Words that would match almost everyone; never indexed, dropped from queries. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'to', 'with', 'or', '&'])

/** The words of a text, normalised, stop words removed, duplicates kept in order once. */
export function wordsOf(text: string | undefined): string[] {
  if (!text) return []
  const out: string[] = []
  for (const w of normalise(text).split(' ')) if (w && !STOP_WORDS.has(w) && !out.includes(w)) out.push(w)
  return out
}

/**
 * The words a query searches for (at most 8). Stop words are dropped unless the query has
 * nothing else.
 */
export function queryWords(query: string): string[] {
  const words = wordsOf(query)
  if (words.length > 0) return words.slice(0, 8)
  return normalise(query).split(' ').filter(Boolean).slice(0, 8)
}

const synonymCache = new Map<string, readonly string[]>()

/**
 * Every text a skill is known by: its own name, and the taxonomy name and synonyms of the skill
 * it is (by id, else by what its name resolves to).
 */
export function skillTexts(skill: Pick<MemberSkill, 'skillId' | 'name'>): readonly string[] {
  const key = `${skill.skillId}\u0000${skill.name}`
  let texts = synonymCache.get(key)
  if (!texts) {
    const resolved = resolveSkill(skill.name)
    const taxonomy = skillById(skill.skillId) ?? (resolved?.kind === 'taxonomy' ? skillById(resolved.id) : undefined)
    texts = taxonomy ? [skill.name, taxonomy.name, ...taxonomy.synonyms] : [skill.name]
    if (synonymCache.size > 5000) synonymCache.clear()
    synonymCache.set(key, texts)
  }
  return texts
}

/**
 * The index terms of a skill: the words of all its texts, and a very short word joined to its
 * neighbour, so "xray" finds "X-ray diffraction" and "elearning" finds "E-learning".
 */
export function skillTerms(skill: Pick<MemberSkill, 'skillId' | 'name'>): readonly string[] {
  const key = `${skill.skillId}\u0000${skill.name}`
  let terms = termCache.get(key)
  if (!terms) {
    const out = new Set<string>()
    for (const text of skillTexts(skill)) {
      const words = wordsOf(text)
      for (let i = 0; i < words.length; i++) {
        out.add(words[i]!)
        if (i > 0 && (words[i - 1]!.length <= 2 || words[i]!.length <= 2)) out.add(words[i - 1]! + words[i]!)
      }
    }
    terms = [...out]
    // Skills repeat across thousands of profiles: worked out once each (bounded for free tags).
    if (termCache.size > 20_000) termCache.clear()
    termCache.set(key, terms)
  }
  return terms
}

const termCache = new Map<string, readonly string[]>()

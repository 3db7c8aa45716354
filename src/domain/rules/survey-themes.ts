/**
 * The technician voice as content: the themes leads tagged in a survey's free-text answers, for the
 * self-assessment. A theme shows its name and how many anonymous answers carry it; a count under
 * {@link MIN_GROUP} is withheld, and answers are quoted only from a theme of at least MIN_GROUP
 * answers (each answer is already one the server released: its question had 5 or more answers).
 */
import * as v from 'valibot'
import { MIN_GROUP } from './suppression'

/** At most this many answers are quoted per theme (the most frequent first). */
export const MAX_QUOTES = 3

export interface ThemeSummary {
  name: string
  /** Tagged answers (identical answers counted each time); null when fewer than MIN_GROUP. */
  count: number | null
  /** Up to MAX_QUOTES answers, only when the theme holds MIN_GROUP or more. */
  quotes: string[]
}

/** The shape of a survey's free texts this needs (the `surveyTexts` callable's answer). */
export interface TaggedTexts {
  entries: readonly { key: string; text: string; count: number }[]
  themes: readonly { name: string; keys: readonly string[] }[]
}

/** Each theme with its count (withheld under MIN_GROUP) and quotes, largest first, then by name. */
export function themeSummaries(texts: TaggedTexts, min = MIN_GROUP): ThemeSummary[] {
  const byKey = new Map(texts.entries.map((e) => [e.key, e]))
  return texts.themes
    .map((theme) => {
      const tagged = [...new Set(theme.keys)].flatMap((k) => {
        const entry = byKey.get(k)
        return entry ? [entry] : []
      })
      const total = tagged.reduce((sum, e) => sum + e.count, 0)
      const quotes =
        total >= min
          ? [...tagged]
              .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
              .slice(0, MAX_QUOTES)
              .map((e) => e.text)
          : []
      return { name: theme.name, total, summary: { name: theme.name, count: total >= min ? total : null, quotes } }
    })
    .filter((x) => x.total > 0)
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
    .map((x) => x.summary)
}

/** One survey's themes as a device keeps them (Dexie `meta`) for the document, offline too. */
export const SurveyVoiceSchema = v.object({
  surveyId: v.string(),
  title: v.string(),
  titleCy: v.optional(v.string()),
  themes: v.array(v.object({ name: v.string(), count: v.nullable(v.number()), quotes: v.array(v.string()) })),
})
export type SurveyVoice = v.InferOutput<typeof SurveyVoiceSchema>

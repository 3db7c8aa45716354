/**
 * Bilingual surveys: a survey is written in English (its stable values: options, show-if and
 * results refer to the English option text) and may carry Welsh text beside each piece
 * (`titleCy`, `descriptionCy`, a section's `titleCy`, a question's `promptCy`, `helpCy` and
 * `optionsCy` by position). Respondents see the text of their language, falling back to English;
 * answers always hold the stable value, so results count both languages together.
 *
 * The opening rule is shared by the builder (phone) and the push callable (server): a survey
 * whose organiser requires Welsh cannot open while any Welsh text is missing. Pure.
 */
import type { Question, Survey } from '../entities'
import { problem } from '../problems'

export type SurveyLanguage = 'en' | 'cy'

/** The five Likert points, when a question gives no labels of its own. */
export const DEFAULT_LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] as const
/** The same five points in Welsh (used with the default English labels). */
export const DEFAULT_LIKERT_LABELS_CY = [
  'Anghytuno’n gryf',
  'Anghytuno',
  'Dim yn cytuno nac yn anghytuno',
  'Cytuno',
  'Cytuno’n gryf',
] as const

type BilingualQuestion = Pick<Question, 'id' | 'type' | 'prompt' | 'promptCy' | 'help' | 'helpCy' | 'options' | 'optionsCy'>
type BilingualSurvey = Pick<Survey, 'title' | 'titleCy' | 'description' | 'descriptionCy' | 'sections'> & {
  questions: readonly BilingualQuestion[]
}

const filled = (s: string | undefined): s is string => !!s && s.trim() !== ''

/** Does this question's Likert scale use the built-in labels (which have their Welsh already)? */
export function usesDefaultLikert(q: Pick<Question, 'type' | 'options'>): boolean {
  return q.type === 'likert' && (q.options?.length !== 5 || q.options.every((o, i) => o === DEFAULT_LIKERT_LABELS[i]))
}

/** Which options of a question need their own Welsh label. */
function translatableOptions(q: BilingualQuestion): readonly string[] {
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'ranking') return q.options ?? []
  if (q.type === 'likert' && !usesDefaultLikert(q)) return q.options ?? []
  return []
}

/** One piece of Welsh text a survey still lacks. */
export interface MissingWelsh {
  /** Field path of the missing Welsh text, e.g. `questions.2.optionsCy.1`. */
  field: string
  kind: 'title' | 'description' | 'section' | 'prompt' | 'help' | 'option'
  /** The question it belongs to (prompt, help, option). */
  questionId?: string
  /** 1-based position of the question in the survey's list (prompt, help, option). */
  questionNumber?: number
  /** The English text that has no Welsh yet. */
  english: string
}

/** Every piece of Welsh text the survey lacks, in reading order (empty when fully bilingual). */
export function missingWelsh(survey: BilingualSurvey): MissingWelsh[] {
  const out: MissingWelsh[] = []
  if (!filled(survey.titleCy)) out.push({ field: 'titleCy', kind: 'title', english: survey.title })
  if (filled(survey.description) && !filled(survey.descriptionCy))
    out.push({ field: 'descriptionCy', kind: 'description', english: survey.description })
  survey.sections.forEach((s, i) => {
    if (!filled(s.titleCy)) out.push({ field: `sections.${i}.titleCy`, kind: 'section', english: s.title })
  })
  survey.questions.forEach((q, i) => {
    const at = { questionId: q.id, questionNumber: i + 1 }
    if (!filled(q.promptCy)) out.push({ field: `questions.${i}.promptCy`, kind: 'prompt', english: q.prompt, ...at })
    if (filled(q.help) && !filled(q.helpCy)) out.push({ field: `questions.${i}.helpCy`, kind: 'help', english: q.help, ...at })
    translatableOptions(q).forEach((o, j) => {
      if (!filled(q.optionsCy?.[j])) out.push({ field: `questions.${i}.optionsCy.${j}`, kind: 'option', english: o, ...at })
    })
  })
  return out
}

/** Question id → how many of its Welsh texts are missing (questions with none missing are absent). */
export function missingWelshByQuestion(survey: BilingualSurvey): Map<string, number> {
  const counts = new Map<string, number>()
  for (const m of missingWelsh(survey)) if (m.questionId) counts.set(m.questionId, (counts.get(m.questionId) ?? 0) + 1)
  return counts
}

export interface WelshRefusal {
  code: 'welsh-missing'
  message: string
  field: string
  missing: MissingWelsh[]
}

/**
 * Refuses opening (status becoming 'open' from draft, closed or new) a survey that requires Welsh
 * while any Welsh text is missing; null when it may open. An already-open survey is not re-checked.
 */
export function welshOpeningRefusal(
  next: BilingualSurvey & Pick<Survey, 'status' | 'welshRequired'>,
  previousStatus: Survey['status'] | undefined,
): WelshRefusal | null {
  if (next.status !== 'open' || previousStatus === 'open' || !next.welshRequired) return null
  const missing = missingWelsh(next)
  if (missing.length === 0) return null
  return {
    code: 'welsh-missing',
    // A code the author's phone words (errors.problem.welshMissing); the builder lists what is missing.
    message: problem('welshMissing', { count: missing.length }),
    field: missing[0]!.field,
    missing,
  }
}

/** A question's text in a language: Welsh where written, else English; options keep their stable value. */
export function questionIn(
  q: BilingualQuestion,
  lang: SurveyLanguage,
): { prompt: string; help?: string; options: { value: string; label: string }[]; likert: string[] } {
  const cy = lang === 'cy'
  const pick = (en: string, welsh: string | undefined) => (cy && filled(welsh) ? welsh.trim() : en)
  const options = (q.options ?? []).map((value, i) => ({ value, label: pick(value, q.optionsCy?.[i]) }))
  const likert = usesDefaultLikert(q) ? [...(cy ? DEFAULT_LIKERT_LABELS_CY : DEFAULT_LIKERT_LABELS)] : options.map((o) => o.label)
  const help = q.help ? pick(q.help, q.helpCy) : undefined
  return { prompt: pick(q.prompt, q.promptCy), ...(help ? { help } : {}), options, likert }
}

/** A survey's title and description in a language (Welsh where written, else English). */
export function surveyTextIn(
  s: Pick<Survey, 'title' | 'titleCy' | 'description' | 'descriptionCy'>,
  lang: SurveyLanguage,
): { title: string; description: string } {
  const cy = lang === 'cy'
  return {
    title: cy && filled(s.titleCy) ? s.titleCy.trim() : s.title,
    description: cy && filled(s.descriptionCy) ? s.descriptionCy.trim() : s.description,
  }
}

/** A section's title in a language. */
export function sectionTitleIn(s: { title: string; titleCy?: string }, lang: SurveyLanguage): string {
  return lang === 'cy' && filled(s.titleCy) ? s.titleCy.trim() : s.title
}

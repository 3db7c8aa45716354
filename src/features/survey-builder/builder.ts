/**
 * The survey builder's rules: the shared Survey schema plus what a phone needs to make sense of
 * a survey (choices to choose from, show-if on an earlier answer, dates in order), and the edits
 * the builder makes. Pure and unit-tested beside this file.
 */
import * as v from 'valibot'
import { SurveyFields, type Question, type QUESTION_TYPES } from '@/domain/entities'
import { validate } from '@/domain/validation'
import { DEFAULT_LIKERT_LABELS, orderQuestions } from '@/survey-engine/rules'
import type { SurveyDraft } from '@/survey-engine/templates'

export type QuestionType = (typeof QUESTION_TYPES)[number]
/** Field path (e.g. `questions.2.options`) → message. */
export type BuilderErrors = Record<string, string>

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  likert: 'Agree–disagree (5 points)',
  rating: 'Rating 0–10',
  short: 'Short text',
  long: 'Long text',
  ranking: 'Ranking',
}

const SurveyDraftSchema = v.object(SurveyFields)
const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple', 'ranking']

/** The answers a show-if condition on `q` can test for (none for text questions). */
export function showIfChoices(q: Question): string[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return [...(q.options ?? [])]
    case 'likert':
      return ['1', '2', '3', '4', '5']
    case 'rating':
      return Array.from({ length: 11 }, (_, i) => String(i))
    default:
      return []
  }
}

/** Trims what the builder's inputs hold: blank option lines and blank help text are dropped. */
export function normaliseDraft(draft: SurveyDraft): SurveyDraft {
  return {
    ...draft,
    title: draft.title.trim(),
    questions: draft.questions.map((q) => {
      const next: Question = { ...q, prompt: q.prompt.trim() }
      if (q.options) next.options = q.options.map((o) => o.trim()).filter(Boolean)
      if (q.help !== undefined && !q.help.trim()) delete next.help
      return next
    }),
  }
}

/** Checks a survey before it is saved or opened: the schema's verdict first, then the builder's. */
export function checkSurveyDraft(draft: SurveyDraft): { ok: true; value: SurveyDraft } | { ok: false; errors: BuilderErrors } {
  const errors: BuilderErrors = {}
  const add = (field: string, message: string) => {
    errors[field] ??= message
  }
  const checked = validate(SurveyDraftSchema, draft)
  if (!checked.ok) for (const issue of checked.issues) add(issue.field, humanise(issue.field, issue.message))
  const ordered = orderQuestions(draft)
  const position = new Map(ordered.map((q, i) => [q.id, i]))
  const sectionIds = new Set(draft.sections.map((s) => s.id))
  const seen = new Set<string>()
  draft.questions.forEach((q, i) => {
    const at = `questions.${i}`
    if (seen.has(q.id)) add(`${at}.prompt`, 'Two questions share an id; remove one and add it again')
    seen.add(q.id)
    const options = q.options ?? []
    if (CHOICE_TYPES.includes(q.type)) {
      if (options.filter((o) => o.trim()).length < 2) add(`${at}.options`, 'Add at least two options')
      else if (new Set(options.map((o) => o.trim())).size !== options.length) add(`${at}.options`, 'Each option must be different')
    }
    if (q.type === 'likert' && q.options !== undefined && q.options.length !== 5)
      add(`${at}.options`, 'An agree–disagree question has exactly five labels')
    if (q.sectionId && !sectionIds.has(q.sectionId)) add(`${at}.sectionId`, 'Choose one of the sections')
    if (q.showIf) {
      const target = draft.questions.find((t) => t.id === q.showIf?.questionId)
      const before = target && (position.get(target.id) ?? 0) < (position.get(q.id) ?? 0)
      if (!target || !before) add(`${at}.showIf`, 'Show this only after an earlier question')
      else if (!showIfChoices(target).includes(q.showIf.equals)) add(`${at}.showIf`, 'Choose one of the earlier question’s answers')
    }
  })
  if (!errors.closesAt && !errors.opensAt && draft.closesAt < draft.opensAt)
    add('closesAt', 'The closing date cannot be before the opening date')
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: checked.ok ? { ...draft, questions: ordered } : draft }
}

function humanise(field: string, message: string): string {
  if (!message.startsWith('Invalid')) return message
  if (field === 'opensAt' || field === 'closesAt') return 'Enter a date'
  return 'Check this field'
}

/** A new question of a type, with sensible starting options. */
export function newQuestion(type: QuestionType, id: string, sectionId?: string): Question {
  const q: Question = { id, type, prompt: '', required: false }
  if (CHOICE_TYPES.includes(type)) q.options = ['', '']
  if (type === 'likert') q.options = [...DEFAULT_LIKERT_LABELS]
  if (sectionId) q.sectionId = sectionId
  return q
}

/** The same question as another type, keeping prompt, help and options where they fit. */
export function changeType(q: Question, type: QuestionType): Question {
  const next: Question = { ...q, type }
  if (CHOICE_TYPES.includes(type)) next.options = CHOICE_TYPES.includes(q.type) && q.options?.length ? q.options : ['', '']
  else if (type === 'likert') next.options = [...DEFAULT_LIKERT_LABELS]
  else delete next.options
  return next
}

/** Moves a question up (-1) or down (+1) among the questions of its own section. */
export function moveQuestion(questions: readonly Question[], id: string, delta: -1 | 1): Question[] {
  const list = [...questions]
  const i = list.findIndex((q) => q.id === id)
  const q = list[i]
  if (!q) return list
  let j = i + delta
  while (j >= 0 && j < list.length && list[j]!.sectionId !== q.sectionId) j += delta
  if (j < 0 || j >= list.length) return list
  list[i] = list[j]!
  list[j] = q
  return list
}

/** Removes a question and any show-if that depended on it. */
export function removeQuestion(questions: readonly Question[], id: string): Question[] {
  return questions
    .filter((q) => q.id !== id)
    .map((q) => {
      if (q.showIf?.questionId !== id) return q
      const { showIf: _dropped, ...rest } = q
      return rest
    })
}

/** Removes a section; its questions stay, outside any section. */
export function removeSection(draft: SurveyDraft, sectionId: string): SurveyDraft {
  return {
    ...draft,
    sections: draft.sections.filter((s) => s.id !== sectionId),
    questions: draft.questions.map((q) => {
      if (q.sectionId !== sectionId) return q
      const { sectionId: _dropped, ...rest } = q
      return rest
    }),
  }
}

/** Can this survey's questions still change? Not once it has been opened to answers. */
export function questionsLocked(status: SurveyDraft['status']): boolean {
  return status !== 'draft'
}

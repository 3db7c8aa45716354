/**
 * The survey builder's rules: the shared Survey schema plus what a phone needs to make sense of
 * a survey (choices to choose from, show-if on an earlier answer, dates in order), and the edits
 * the builder makes. Pure and unit-tested beside this file.
 */
import * as v from 'valibot'
import { SurveyFields, type Question, type QUESTION_TYPES, type Survey } from '@/domain/entities'
import { welshOpeningRefusal } from '@/domain/rules/survey-language'
import { validate, type FieldIssue } from '@/domain/validation'
import { errorsFor, type ProblemLike } from '@/ui/field-errors'
import { DEFAULT_LIKERT_LABELS, orderQuestions } from '@/survey-engine/rules'
import type { SurveyDraft } from '@/survey-engine/templates'

export type QuestionType = (typeof QUESTION_TYPES)[number]
/** Field path (e.g. `questions.2.options`) → message. */
export type BuilderErrors = Record<string, string>

/** The builder's own messages (`surveyBuilder.errors.<key>`), English by default; the app passes its `t`. */
const ENGLISH = {
  duplicateId: 'Two questions share an id; remove one and add it again',
  twoOptions: 'Add at least two options',
  distinctOptions: 'Each option must be different',
  fiveLabels: 'An agree–disagree question has exactly five labels',
  chooseSection: 'Choose one of the sections',
  showIfEarlier: 'Show this only after an earlier question',
  showIfChoice: 'Choose one of the earlier question’s answers',
  closesBeforeOpens: 'The closing date cannot be before the opening date',
  enterDate: 'Enter a date',
  checkField: 'Check this field',
  welshOptions: 'Give a Welsh label for each option, in the same order (no more lines than options)',
} as const
export type BuilderMessage = keyof typeof ENGLISH
export type Say = (key: BuilderMessage) => string
export const sayEnglish: Say = (key) => ENGLISH[key]
/** Words a domain problem (a schema's code and parameters): `src/ui/field-errors.ts`, the app's language by default. */
export type Words = (p: ProblemLike) => string
/** Error key of a refused opening: Welsh is required and some is missing (the view lists what). */
export const WELSH_MISSING = 'welsh'

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

/**
 * Trims what the builder's inputs hold: blank option lines and blank help text are dropped (a
 * Welsh option label goes with its English option, so the two stay in step); blank Welsh is dropped.
 */
export function normaliseDraft(draft: SurveyDraft): SurveyDraft {
  const out: SurveyDraft = { ...draft, title: draft.title.trim() }
  if (draft.titleCy !== undefined && !draft.titleCy.trim()) delete out.titleCy
  if (draft.descriptionCy !== undefined && !draft.descriptionCy.trim()) delete out.descriptionCy
  out.questions = draft.questions.map((q) => {
    const next: Question = { ...q, prompt: q.prompt.trim() }
    if (q.options) {
      const kept = q.options.map((o, i) => ({ o: o.trim(), cy: q.optionsCy?.[i]?.trim() ?? '' })).filter((x) => x.o)
      next.options = kept.map((x) => x.o)
      if (q.optionsCy) {
        const extra = q.optionsCy.slice(q.options.length).filter((c) => c.trim())
        next.optionsCy = [...kept.map((x) => x.cy), ...extra]
        while (next.optionsCy.length && !next.optionsCy[next.optionsCy.length - 1]) next.optionsCy.pop()
        if (!next.optionsCy.length) delete next.optionsCy
      }
    } else delete next.optionsCy
    if (q.help !== undefined && !q.help.trim()) delete next.help
    if (q.promptCy !== undefined && !q.promptCy.trim()) delete next.promptCy
    if (q.helpCy !== undefined && (!q.helpCy.trim() || next.help === undefined)) delete next.helpCy
    return next
  })
  return out
}

/**
 * Checks a survey before it is saved or opened: the schema's verdict first, then the builder's,
 * then (when it is being opened from `previousStatus`) the Welsh-required rule the server applies too.
 */
export function checkSurveyDraft(
  draft: SurveyDraft,
  {
    say = sayEnglish,
    words = errorsFor().problemText,
    previousStatus,
  }: { say?: Say; words?: Words; previousStatus?: Survey['status'] } = {},
): { ok: true; value: SurveyDraft } | { ok: false; errors: BuilderErrors } {
  const errors: BuilderErrors = {}
  const add = (field: string, message: string) => {
    errors[field] ??= message
  }
  const checked = validate(SurveyDraftSchema, draft)
  if (!checked.ok) for (const issue of checked.issues) add(issue.field, humanise(issue, say, words))
  const ordered = orderQuestions(draft)
  const position = new Map(ordered.map((q, i) => [q.id, i]))
  const sectionIds = new Set(draft.sections.map((s) => s.id))
  const seen = new Set<string>()
  draft.questions.forEach((q, i) => {
    const at = `questions.${i}`
    if (seen.has(q.id)) add(`${at}.prompt`, say('duplicateId'))
    seen.add(q.id)
    const options = q.options ?? []
    if (CHOICE_TYPES.includes(q.type)) {
      if (options.filter((o) => o.trim()).length < 2) add(`${at}.options`, say('twoOptions'))
      else if (new Set(options.map((o) => o.trim())).size !== options.length) add(`${at}.options`, say('distinctOptions'))
    }
    if (q.type === 'likert' && q.options !== undefined && q.options.length !== 5) add(`${at}.options`, say('fiveLabels'))
    if (q.optionsCy && q.optionsCy.length > options.length) add(`${at}.optionsCy`, say('welshOptions'))
    if (q.sectionId && !sectionIds.has(q.sectionId)) add(`${at}.sectionId`, say('chooseSection'))
    if (q.showIf) {
      const target = draft.questions.find((t) => t.id === q.showIf?.questionId)
      const before = target && (position.get(target.id) ?? 0) < (position.get(q.id) ?? 0)
      if (!target || !before) add(`${at}.showIf`, say('showIfEarlier'))
      else if (!showIfChoices(target).includes(q.showIf.equals)) add(`${at}.showIf`, say('showIfChoice'))
    }
  })
  if (!errors.closesAt && !errors.opensAt && draft.closesAt < draft.opensAt) add('closesAt', say('closesBeforeOpens'))
  const welsh = welshOpeningRefusal(draft, previousStatus)
  if (welsh) add(WELSH_MISSING, welsh.message)
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: checked.ok ? { ...draft, questions: ordered } : draft }
}

/** A schema problem in words; one with no more to say than "invalid" names what to do at the field instead. */
function humanise(issue: FieldIssue, say: Say, words: Words): string {
  if (issue.code !== 'invalid') return words(issue)
  if (issue.field === 'opensAt' || issue.field === 'closesAt') return say('enterDate')
  return say('checkField')
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

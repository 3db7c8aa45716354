/**
 * Survey answer rules shared by the phone (drafts, the answering flow, checks before queueing)
 * and the `submitSurveyResponse` callable, so both refuse the same answers with the same message.
 * Pure: no Dexie, no Vue, no Firebase.
 */
import type { Question } from '@/domain/entities'
import { isXmlSafe } from '@/domain/common'
import { problem } from '@/domain/problems'
import { MIN_GROUP } from '@/domain/rules/suppression'
import { DEFAULT_LIKERT_LABELS } from '@/domain/rules/survey-language'

export const MAX_TEXT_ANSWER = 5000
/** Results (and every breakdown cell) are withheld below this many respondents. */
export const MIN_RESPONSES = MIN_GROUP

export type AnswerValue = string | number | string[]
/** Answers as a form holds them: question id → value (absent or empty = unanswered). */
export type AnswerMap = Record<string, AnswerValue>

export interface StoredAnswer {
  questionId: string
  value: AnswerValue
}

export type AnswerCheck = { ok: true; answers: StoredAnswer[] } | { ok: false; message: string; field: string }

export { DEFAULT_LIKERT_LABELS, missingWelsh, welshOpeningRefusal } from '@/domain/rules/survey-language'

/** The labels of a Likert question's five points (its own when it lists exactly five). */
export function likertLabels(q: Pick<Question, 'options'>): readonly string[] {
  return q.options?.length === 5 ? q.options : DEFAULT_LIKERT_LABELS
}

const fail = (questionId: string, message: string): AnswerCheck => ({ ok: false, message, field: `answers.${questionId}` })

/** Is a show-if condition met by the answers given so far (normalised, visible ones only)? */
export function showIfMet(q: Pick<Question, 'showIf'>, given: ReadonlyMap<string, AnswerValue>): boolean {
  if (!q.showIf) return true
  const prior = given.get(q.showIf.questionId)
  return Array.isArray(prior) ? prior.includes(q.showIf.equals) : prior !== undefined && String(prior) === q.showIf.equals
}

/**
 * Check every answer against its question; returns the answers to store, in question order.
 * Unknown question ids are an error; answers to questions hidden by show-if logic are dropped
 * (a draft may keep them); empty answers count as unanswered; required visible questions must be
 * answered.
 */
export function checkAnswers(questions: readonly Question[], answers: Record<string, unknown>): AnswerCheck {
  const byId = new Map(questions.map((q) => [q.id, q]))
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) return { ok: false, message: problem('answerUnknownQuestion'), field: `answers.${id.slice(0, 128)}` }
  }
  const given = new Map<string, AnswerValue>()
  const out: StoredAnswer[] = []
  for (const q of questions) {
    if (!showIfMet(q, given)) continue
    const raw = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined
    const checked = checkOne(q, raw)
    if ('error' in checked) return fail(q.id, checked.error)
    if (checked.value === null) {
      if (q.required) return fail(q.id, problem('answerRequired'))
      continue
    }
    given.set(q.id, checked.value)
    out.push({ questionId: q.id, value: checked.value })
  }
  return { ok: true, answers: out }
}

export type OneCheck = { value: AnswerValue | null } | { error: string }

/** The normalised answer to one question (null when unanswered), or its problem (`problem()`: a code the client words). */
export function checkOne(q: Question, raw: unknown): OneCheck {
  if (raw === undefined || raw === null) return { value: null }
  const options = q.options ?? []
  switch (q.type) {
    case 'single':
      if (typeof raw !== 'string') return { error: problem('answerChooseOne') }
      if (raw === '') return { value: null }
      return options.includes(raw) ? { value: raw } : { error: problem('answerChooseListed') }
    case 'multiple':
    case 'ranking': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string'))
        return { error: problem(q.type === 'ranking' ? 'answerRankListed' : 'answerChooseFromListed') }
      const list = raw as string[]
      if (list.length === 0) return { value: null }
      if (new Set(list).size !== list.length) return { error: problem('answerOnce') }
      if (list.some((x) => !options.includes(x))) return { error: problem('answerChooseFromListed') }
      return { value: [...list] }
    }
    case 'likert':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 5)
        return { error: problem('answerScale', { min: 1, max: 5 }) }
      return { value: raw }
    case 'rating':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 10)
        return { error: problem('answerRating', { min: 0, max: 10 }) }
      return { value: raw }
    case 'short':
    case 'long': {
      if (typeof raw !== 'string') return { error: problem('answerText') }
      if (!isXmlSafe(raw)) return { error: problem('badCharacter', { label: 'answer' }) }
      const text = raw.trim()
      if (text.length > MAX_TEXT_ANSWER) return { error: problem('answerTooLong', { max: MAX_TEXT_ANSWER }) }
      return { value: text === '' ? null : text }
    }
    default:
      return { error: problem('invalid') }
  }
}

/**
 * The questions a respondent sees, in order, given their answers so far: a question hidden by
 * show-if logic is skipped, and so is any question that depends on a hidden one.
 */
export function visibleQuestions(questions: readonly Question[], answers: Readonly<Record<string, unknown>>): Question[] {
  const given = new Map<string, AnswerValue>()
  const shown: Question[] = []
  for (const q of questions) {
    if (!showIfMet(q, given)) continue
    shown.push(q)
    const checked = checkOne(q, answers[q.id])
    if ('value' in checked && checked.value !== null) given.set(q.id, checked.value)
  }
  return shown
}

/** Has this question been answered (a non-empty, valid value)? */
export function isAnswered(q: Question, value: unknown): boolean {
  const checked = checkOne(q, value)
  return 'value' in checked && checked.value !== null
}

/** Questions in answering order: those outside any section first, then section by section. */
export function orderQuestions<Q extends Pick<Question, 'sectionId'>>(survey: {
  sections: readonly { id: string }[]
  questions: readonly Q[]
}): Q[] {
  const known = new Set(survey.sections.map((s) => s.id))
  const loose = survey.questions.filter((q) => !q.sectionId || !known.has(q.sectionId))
  return [...loose, ...survey.sections.flatMap((s) => survey.questions.filter((q) => q.sectionId === s.id))]
}

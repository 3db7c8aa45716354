/**
 * Survey answers: validation against the survey's questions, and aggregation with small-number
 * suppression. Pure, so the same rules can be unit-tested without the emulators.
 */
import type { Question } from '@/domain/entities'

export const MAX_TEXT_ANSWER = 5000
/** Results (and every breakdown cell) are withheld below this many respondents. */
export const MIN_RESPONSES = 5

export type AnswerValue = string | number | string[]
export interface StoredAnswer {
  questionId: string
  value: AnswerValue
}

export type AnswerCheck = { ok: true; answers: StoredAnswer[] } | { ok: false; message: string; field: string }

const fail = (questionId: string, message: string): AnswerCheck => ({ ok: false, message, field: `answers.${questionId}` })

/**
 * Check every answer against its question; returns the answers to store, in question order.
 * Unknown question ids are an error; answers to questions hidden by show-if logic are dropped
 * (a draft may keep them); empty answers count as unanswered; required visible questions must be
 * answered.
 */
export function checkAnswers(questions: readonly Question[], answers: Record<string, unknown>): AnswerCheck {
  const byId = new Map(questions.map((q) => [q.id, q]))
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) return { ok: false, message: 'Answer to an unknown question', field: `answers.${id.slice(0, 128)}` }
  }
  const given = new Map<string, AnswerValue>()
  const out: StoredAnswer[] = []
  for (const q of questions) {
    if (q.showIf) {
      const prior = given.get(q.showIf.questionId)
      const shown = Array.isArray(prior) ? prior.includes(q.showIf.equals) : prior !== undefined && String(prior) === q.showIf.equals
      if (!shown) continue
    }
    const raw = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined
    const checked = checkOne(q, raw)
    if ('error' in checked) return fail(q.id, checked.error)
    if (checked.value === null) {
      if (q.required) return fail(q.id, `Please answer: ${q.prompt.slice(0, 80)}`)
      continue
    }
    given.set(q.id, checked.value)
    out.push({ questionId: q.id, value: checked.value })
  }
  return { ok: true, answers: out }
}

type OneCheck = { value: AnswerValue | null } | { error: string }

/** The normalised answer (null when unanswered), or an error message. */
function checkOne(q: Question, raw: unknown): OneCheck {
  if (raw === undefined || raw === null) return { value: null }
  const options = q.options ?? []
  switch (q.type) {
    case 'single':
      if (typeof raw !== 'string') return { error: 'Choose one option' }
      if (raw === '') return { value: null }
      return options.includes(raw) ? { value: raw } : { error: 'Choose one of the listed options' }
    case 'multiple':
    case 'ranking': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) return { error: q.type === 'ranking' ? 'Rank the listed options' : 'Choose from the listed options' }
      const list = raw as string[]
      if (list.length === 0) return { value: null }
      if (new Set(list).size !== list.length) return { error: 'Each option can be chosen once' }
      if (list.some((x) => !options.includes(x))) return { error: 'Choose from the listed options' }
      return { value: [...list] }
    }
    case 'likert':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 5) return { error: 'Choose a point from 1 to 5' }
      return { value: raw }
    case 'rating':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 10) return { error: 'Choose a rating from 0 to 10' }
      return { value: raw }
    case 'short':
    case 'long': {
      if (typeof raw !== 'string') return { error: 'Answer with text' }
      const text = raw.trim()
      if (text.length > MAX_TEXT_ANSWER) return { error: `Answers are limited to ${MAX_TEXT_ANSWER} characters` }
      return { value: text === '' ? null : text }
    }
    default:
      return { error: 'Unsupported question type' }
  }
}

export interface OptionCount {
  option: string
  count: number
}

export interface QuestionResult {
  questionId: string
  type: Question['type']
  prompt: string
  answered: number
  /** True when fewer than MIN_RESPONSES answered this question: no figures are given. */
  withheld: boolean
  /** single / multiple: how many chose each option. */
  options?: OptionCount[]
  /** likert (1–5) / rating (0–10): count per point, index = point − min. */
  distribution?: number[]
  mean?: number
  /** ranking: mean position (1 = top) per option, over those who ranked it. */
  meanRank?: { option: string; meanRank: number; count: number }[]
  /** short / long: the answers, sorted (order carries no link to respondents). */
  texts?: string[]
}

export interface ResponseLike {
  answers: StoredAnswer[]
}

/** Aggregate responses per question; a question answered by fewer than `min` is withheld. */
export function aggregate(questions: readonly Question[], responses: readonly ResponseLike[], opts: { includeTexts?: boolean; min?: number } = {}): QuestionResult[] {
  const min = opts.min ?? MIN_RESPONSES
  return questions.map((q) => {
    const values: AnswerValue[] = []
    for (const r of responses) for (const a of r.answers) if (a.questionId === q.id) values.push(a.value)
    const base: QuestionResult = { questionId: q.id, type: q.type, prompt: q.prompt, answered: values.length, withheld: values.length < min }
    if (base.withheld) return base
    const options = q.options ?? []
    switch (q.type) {
      case 'single':
      case 'multiple':
        base.options = options.map((option) => ({ option, count: values.filter((x) => (Array.isArray(x) ? x.includes(option) : x === option)).length }))
        break
      case 'likert':
      case 'rating': {
        const lo = q.type === 'likert' ? 1 : 0
        const hi = q.type === 'likert' ? 5 : 10
        const nums = values.filter((x): x is number => typeof x === 'number')
        base.distribution = Array.from({ length: hi - lo + 1 }, (_, i) => nums.filter((n) => n === lo + i).length)
        base.mean = nums.length ? Math.round((nums.reduce((s, n) => s + n, 0) / nums.length) * 100) / 100 : 0
        break
      }
      case 'ranking':
        base.meanRank = options.map((option) => {
          const ranks = values.filter(Array.isArray).map((list) => list.indexOf(option)).filter((i) => i >= 0)
          return { option, count: ranks.length, meanRank: ranks.length ? Math.round((ranks.reduce((s, i) => s + i + 1, 0) / ranks.length) * 100) / 100 : 0 }
        })
        break
      case 'short':
      case 'long':
        if (opts.includeTexts !== false) base.texts = values.filter((x): x is string => typeof x === 'string').sort((a, b) => a.localeCompare(b))
        break
    }
    return base
  })
}

export interface GroupCell<K> {
  key: K
  size: number
  withheld: boolean
}

/**
 * Which breakdown cells may be shown: cells under `min` are withheld, and if the withheld cells
 * together hold 1…min−1 respondents, the smallest shown cells are withheld too — otherwise the
 * total minus the shown cells would give the small cells away.
 */
export function suppressCells<K>(sizes: readonly { key: K; size: number }[], min = MIN_RESPONSES): GroupCell<K>[] {
  const cells = sizes.map((s) => ({ ...s, withheld: s.size < min }))
  const hiddenTotal = () => cells.filter((c) => c.withheld).reduce((s, c) => s + c.size, 0)
  while (hiddenTotal() > 0 && hiddenTotal() < min) {
    const shown = cells.filter((c) => !c.withheld).sort((a, b) => a.size - b.size)
    if (!shown[0]) break
    shown[0].withheld = true
  }
  return cells
}

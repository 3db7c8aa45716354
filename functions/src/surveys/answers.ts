/**
 * Survey answers: validation against the survey's questions (shared with the app), and
 * aggregation with small-number suppression. Pure, so it can be unit-tested without the emulators.
 */
import type { Question } from '@/domain/entities'
import { type AnswerValue, type StoredAnswer, MIN_RESPONSES } from '@/survey-engine/rules'
import type { QuestionResult } from '@/survey-engine/types'

// The answer rules live in src/survey-engine/rules.ts so the phone checks answers exactly as the server does.
export { checkAnswers, MAX_TEXT_ANSWER, MIN_RESPONSES, type AnswerCheck, type AnswerValue, type StoredAnswer } from '@/survey-engine/rules'
export type { OptionCount, QuestionResult } from '@/survey-engine/types'

export interface ResponseLike {
  answers: StoredAnswer[]
}

/** Aggregate responses per question; a question answered by fewer than `min` is withheld. */
export function aggregate(
  questions: readonly Question[],
  responses: readonly ResponseLike[],
  opts: { includeTexts?: boolean; min?: number } = {},
): QuestionResult[] {
  const min = opts.min ?? MIN_RESPONSES
  return questions.map((q) => {
    const values: AnswerValue[] = []
    for (const r of responses) for (const a of r.answers) if (a.questionId === q.id) values.push(a.value)
    const withheld = values.length < min
    // A withheld question gives no exact count ("fewer than 5"), or it would say who skipped it.
    const base: QuestionResult = { questionId: q.id, type: q.type, prompt: q.prompt, answered: withheld ? null : values.length, withheld }
    if (base.withheld) return base
    const options = q.options ?? []
    switch (q.type) {
      case 'single':
      case 'multiple':
        base.options = options.map((option) => ({
          option,
          count: values.filter((x) => (Array.isArray(x) ? x.includes(option) : x === option)).length,
        }))
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
          const ranks = values
            .filter(Array.isArray)
            .map((list) => list.indexOf(option))
            .filter((i) => i >= 0)
          return {
            option,
            count: ranks.length,
            meanRank: ranks.length ? Math.round((ranks.reduce((s, i) => s + i + 1, 0) / ranks.length) * 100) / 100 : 0,
          }
        })
        break
      case 'short':
      case 'long':
        if (opts.includeTexts !== false)
          base.texts = values.filter((x): x is string => typeof x === 'string').sort((a, b) => a.localeCompare(b))
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

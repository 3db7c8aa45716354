import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Question } from '@/domain/entities'
import { aggregate, checkAnswers, MAX_TEXT_ANSWER, MIN_RESPONSES, suppressCells } from './answers'

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
  id,
  type,
  prompt: `Prompt ${id}`,
  required: false,
  ...extra,
})
const questions: Question[] = [
  q('theme', 'single', { required: true, options: ['Visibility', 'Recognition'] }),
  q('barriers', 'multiple', { options: ['Time', 'Funding'] }),
  q('valued', 'likert'),
  q('rate', 'rating'),
  q('why', 'long', { showIf: { questionId: 'theme', equals: 'Visibility' }, required: true }),
  q('rank', 'ranking', { options: ['A', 'B', 'C'] }),
]

describe('checkAnswers', () => {
  it('accepts valid answers and stores them in question order, normalised', () => {
    const out = checkAnswers(questions, { rate: 10, theme: 'Recognition', barriers: ['Funding'], valued: 5, rank: ['C', 'A'] })
    expect(out).toEqual({
      ok: true,
      answers: [
        { questionId: 'theme', value: 'Recognition' },
        { questionId: 'barriers', value: ['Funding'] },
        { questionId: 'valued', value: 5 },
        { questionId: 'rate', value: 10 },
        { questionId: 'rank', value: ['C', 'A'] },
      ],
    })
  })

  it.each([
    ['an unknown question', { theme: 'Recognition', nope: 1 }, 'answers.nope'],
    ['an option not listed', { theme: 'Other' }, 'answers.theme'],
    ['a missing required answer', {}, 'answers.theme'],
    ['likert out of range', { theme: 'Recognition', valued: 6 }, 'answers.valued'],
    ['likert not an integer', { theme: 'Recognition', valued: 2.5 }, 'answers.valued'],
    ['rating as text', { theme: 'Recognition', rate: '7' }, 'answers.rate'],
    ['a repeated choice', { theme: 'Recognition', barriers: ['Time', 'Time'] }, 'answers.barriers'],
    ['a ranking with an unknown option', { theme: 'Recognition', rank: ['A', 'Z'] }, 'answers.rank'],
    ['a required follow-up left empty', { theme: 'Visibility', why: '   ' }, 'answers.why'],
    ['text over the limit', { theme: 'Visibility', why: 'x'.repeat(MAX_TEXT_ANSWER + 1) }, 'answers.why'],
  ])('refuses %s', (_name, answers, field) => {
    expect(checkAnswers(questions, answers)).toMatchObject({ ok: false, field })
  })

  it('drops answers to questions hidden by show-if logic', () => {
    const out = checkAnswers(questions, { theme: 'Recognition', why: 'Because' })
    expect(out.ok && out.answers.map((a) => a.questionId)).toEqual(['theme'])
  })

  it('never accepts a value outside its question’s domain (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('theme', 'valued', 'rate', 'rank'), fc.jsonValue()), (answers) => {
        const out = checkAnswers(questions, answers)
        if (!out.ok) return true
        return out.answers.every(({ questionId, value }) =>
          questionId === 'theme'
            ? ['Visibility', 'Recognition'].includes(value as string)
            : questionId === 'valued'
              ? Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
              : questionId === 'rate'
                ? Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10
                : Array.isArray(value) && value.every((x) => ['A', 'B', 'C'].includes(x)),
        )
      }),
    )
  })
})

describe('aggregate', () => {
  const resp = (theme: string, valued: number, why?: string) => ({
    answers: [
      { questionId: 'theme', value: theme },
      { questionId: 'valued', value: valued },
      ...(why ? [{ questionId: 'why', value: why }] : []),
    ],
  })

  it('counts options, distributes points, and lists texts sorted', () => {
    const rs = [
      resp('Visibility', 5, 'b'),
      resp('Visibility', 4, 'a'),
      resp('Recognition', 5, 'c'),
      resp('Visibility', 1, 'e'),
      resp('Recognition', 2, 'd'),
    ]
    const [theme, , valued, , why] = aggregate(questions, rs)
    expect(theme!.options).toEqual([
      { option: 'Visibility', count: 3 },
      { option: 'Recognition', count: 2 },
    ])
    expect(valued!.distribution).toEqual([1, 1, 0, 1, 2])
    expect(valued!.mean).toBe(3.4)
    expect(why!.texts).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('withholds any question answered by fewer than 5', () => {
    const rs = [resp('Visibility', 5, 'x'), resp('Visibility', 4), resp('Visibility', 3), resp('Visibility', 2), resp('Recognition', 1)]
    const out = aggregate(questions, rs)
    expect(out.find((r) => r.questionId === 'why')).toEqual({
      questionId: 'why',
      type: 'long',
      prompt: 'Prompt why',
      answered: null,
      withheld: true,
    })
    expect(out.find((r) => r.questionId === 'theme')?.withheld).toBe(false)
  })

  it('never gives figures for a question under the threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ theme: fc.constantFrom('Visibility', 'Recognition'), valued: fc.integer({ min: 1, max: 5 }) }), {
          maxLength: 12,
        }),
        (rows) => {
          const out = aggregate(
            questions,
            rows.map((r) => resp(r.theme, r.valued)),
          )
          return out.every((r) =>
            r.answered === null ? r.withheld && !r.options && !r.distribution && !r.texts : !r.withheld && r.answered >= MIN_RESPONSES,
          )
        },
      ),
    )
  })
})

describe('suppressCells', () => {
  it('withholds small cells and the smallest shown cell when subtraction would reveal them', () => {
    expect(
      suppressCells([
        { key: 'a', size: 9 },
        { key: 'b', size: 6 },
        { key: 'c', size: 1 },
      ]).map((c) => c.withheld),
    ).toEqual([false, true, true])
    expect(
      suppressCells([
        { key: 'a', size: 9 },
        { key: 'b', size: 3 },
        { key: 'c', size: 2 },
      ]).map((c) => c.withheld),
    ).toEqual([false, true, true])
    expect(
      suppressCells([
        { key: 'a', size: 5 },
        { key: 'b', size: 5 },
      ]).map((c) => c.withheld),
    ).toEqual([false, false])
  })

  it('leaves no recoverable small group: hidden cells hold 0 or ≥ 5 respondents (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20 }), { maxLength: 8 }), (sizes) => {
        const cells = suppressCells(sizes.map((size, i) => ({ key: i, size })))
        const hidden = cells.filter((c) => c.withheld).reduce((s, c) => s + c.size, 0)
        const shownSmall = cells.some((c) => !c.withheld && c.size < MIN_RESPONSES)
        return !shownSmall && (hidden === 0 || hidden >= MIN_RESPONSES || cells.every((c) => c.withheld))
      }),
    )
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { IdeaFields } from '@/domain/entities'
import * as v from 'valibot'
import type { BreakdownCell, QuestionResult } from '@/survey-engine/types'
import { i18nFor } from '../../../tests/support/i18n'
import {
  barRows,
  breakdownTable,
  cellName,
  ideaFromAnswer,
  ideaFromTheme,
  responseRateText,
  withheldText,
  type Translate,
} from './results-view'

// The words come from the real messages: the tests read what a person reads.
let t: Translate
let cy: Translate
beforeAll(async () => {
  await i18nFor('cy')
  const i18n = (await i18nFor('en')).global as unknown as {
    t: (key: string, named: Record<string, unknown>, options: { locale: string; plural?: number }) => string
  }
  const tIn =
    (locale: string): Translate =>
    (key, named = {}, plural) =>
      i18n.t(key, named, plural === undefined ? { locale } : { locale, plural })
  t = tIn('en')
  cy = tIn('cy')
})

const result = (extra: Partial<QuestionResult>): QuestionResult => ({
  questionId: 'q',
  type: 'single',
  prompt: 'P',
  answered: 10,
  withheld: false,
  ...extra,
})

describe('results view', () => {
  it('bars for choices, Likert points with labels, ratings, and nothing for withheld results', () => {
    expect(
      barRows(
        result({
          options: [
            { option: 'A', count: 7 },
            { option: 'B', count: 3 },
          ],
        }),
        undefined,
        'en',
        t,
      ),
    ).toEqual([
      { label: 'A', count: 7, percent: 70 },
      { label: 'B', count: 3, percent: 30 },
    ])
    const likert = barRows(result({ type: 'likert', distribution: [1, 0, 0, 4, 5] }), undefined, 'en', t)
    expect(likert[0]).toEqual({ label: '1 Strongly disagree', count: 1, percent: 10 })
    expect(
      barRows(result({ type: 'rating', distribution: Array(11).fill(1) as number[], answered: 11 }), undefined, 'en', t)[10]!.label,
    ).toBe('10')
    expect(barRows(result({ withheld: true, options: [{ option: 'A', count: 1 }] }), undefined, 'en', t)).toEqual([])
  })

  it('states the response rate against the audience', () => {
    expect(responseRateText(6, 40, t)).toBe('6 of 40 responded (15%)')
    expect(responseRateText(6, 0, t)).toBe('6 responded')
    expect(withheldText(3, 0, t)).toMatch(/at least 5 .* 3 so far/)
    expect(responseRateText(6, 40, cy)).toBe('6 o 40 wedi ymateb (15%)')
  })

  it('breakdown tables name groups and leave withheld cells empty', () => {
    const cells: BreakdownCell[] = [
      {
        key: 'fac-science',
        responseCount: 8,
        withheld: false,
        questions: [
          result({
            answered: 8,
            options: [
              { option: 'A', count: 5 },
              { option: 'B', count: 3 },
            ],
          }),
        ],
      },
      { key: 'unspecified', responseCount: null, withheld: true, questions: [] },
    ]
    const table = breakdownTable(cells, 'q', 'faculty', [{ id: 'fac-science', name: 'Faculty of Science' }], undefined, 'en', t)
    expect(table.columns).toEqual(['A', 'B'])
    expect(table.rows).toEqual([
      { name: 'Faculty of Science', responses: 8, values: [5, 3] },
      { name: 'Not stated or in a group under 5', responses: null, values: [null, null] },
    ])
    expect(cellName('workshop', 'roleFamily', [], t)).toBe('Workshop')
    expect(cellName('laboratory', 'roleFamily', [], cy)).toBe('Labordy')
    expect(cellName('unspecified', 'roleFamily', [], cy)).toBe('Heb ei nodi neu mewn grŵp o lai na 5')
    // Options are columns in the reader's language; counts stay per option's stable value.
    const welsh = breakdownTable(cells, 'q', 'faculty', [], { options: ['A', 'B'], optionsCy: ['Ie', 'Na'] }, 'cy', cy)
    expect(welsh.columns).toEqual(['Ie', 'Na'])
    expect(welsh.rows[0]!.values).toEqual([5, 3])
  })

  it('makes valid ideas that link back to the survey', () => {
    const entries = [
      { key: 'k1', questionId: 'q', text: 'No time for training', count: 2 },
      { key: 'k2', questionId: 'q', text: 'Other', count: 1 },
    ]
    const idea = ideaFromTheme({ id: 't', name: 'Workload', keys: ['k1'] }, entries, { id: 's1', title: 'Pulse' }, 'lead', 5, t)
    expect(idea).toMatchObject({ authorUid: 'lead', title: 'Workload', status: 'open', surveyId: 's1', createdAt: 5 })
    expect(idea.body).toContain('2 anonymous answers tagged “Workload”')
    expect(idea.body).toContain('• No time for training (×2)')
    expect(v.safeParse(v.object(IdeaFields), idea).success).toBe(true)
    const fromAnswer = ideaFromAnswer(
      { key: 'k', questionId: 'q', text: 'x'.repeat(5000), count: 1 },
      { id: 's1', title: 'Pulse' },
      'lead',
      5,
      t,
    )
    expect(v.safeParse(v.object(IdeaFields), fromAnswer).success).toBe(true)
  })

  it('counts each option once whichever language it was answered in, labelled in the reader’s language', () => {
    const question = { options: ['Yes', 'No'], optionsCy: ['Ydw', ''] }
    const r = result({
      options: [
        { option: 'Yes', count: 6 },
        { option: 'No', count: 4 },
      ],
    })
    expect(barRows(r, question, 'cy', cy)).toEqual([
      { label: 'Ydw', count: 6, percent: 60 },
      { label: 'No', count: 4, percent: 40 },
    ])
    expect(barRows(r, question, 'en', t).map((b) => b.label)).toEqual(['Yes', 'No'])
    expect(barRows(result({ type: 'likert', distribution: [1, 0, 0, 4, 5] }), undefined, 'cy', cy)[0]!.label).toBe('1 Anghytuno’n gryf')
  })
})

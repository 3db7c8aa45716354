import { describe, expect, it } from 'vitest'
import type { SurveyResults, SurveyTexts } from '@/survey-engine/types'
import { toCsv } from '@/domain/csv'
import { csvFilename, resultsCsvRows } from './csv'

const results = (extra: Partial<SurveyResults> = {}): SurveyResults => ({
  surveyId: 's',
  title: 'Pulse',
  responseCount: 6,
  waiting: 0,
  audienceSize: 30,
  minResponses: 5,
  withheld: false,
  questions: [
    {
      questionId: 'q1',
      type: 'single',
      prompt: 'Better?',
      answered: 6,
      withheld: false,
      options: [
        { option: 'Yes', count: 4 },
        { option: 'No', count: 2 },
      ],
    },
    { questionId: 'q2', type: 'likert', prompt: 'Valued', answered: 6, withheld: false, distribution: [0, 1, 1, 2, 2], mean: 3.83 },
    { questionId: 'q3', type: 'long', prompt: 'Change?', answered: 5, withheld: false, texts: ['a'] },
    { questionId: 'q4', type: 'rating', prompt: 'Rate', answered: null, withheld: true },
  ],
  ...extra,
})
const texts: SurveyTexts = {
  surveyId: 's',
  responseCount: 6,
  minResponses: 5,
  withheld: false,
  questions: [{ questionId: 'q3', prompt: 'Change?', answered: 5, withheld: false }],
  entries: [
    { key: 'k1', questionId: 'q3', text: '=HYPERLINK("x")', count: 2 },
    { key: 'k2', questionId: 'q3', text: 'More time, "really"', count: 3 },
  ],
  themes: [{ id: 't', name: 'Time', keys: ['k2'] }],
}

describe('results CSV', () => {
  it('holds aggregates only: counts, Likert labels, texts with themes, breakdown cells (withheld said so)', () => {
    const byFaculty: SurveyResults = {
      ...results(),
      breakdown: {
        by: 'faculty',
        cells: [
          { key: 'f1', responseCount: 6, withheld: false, questions: [] },
          { key: 'unspecified', responseCount: null, withheld: true, questions: [] },
        ],
      },
    }
    const rows = resultsCsvRows({
      results: results(),
      texts,
      questions: [],
      breakdowns: [{ label: 'faculty', results: byFaculty }],
      facultyNames: { f1: 'Science' },
    })
    expect(rows[0]).toEqual(['Section', 'Question', 'Answer', 'Count', 'Note'])
    expect(rows[1]).toEqual(['Summary', 'Pulse', 'Responses', 6, '20% of 30 in the audience'])
    expect(rows).toContainEqual(['Question', 'Better?', 'Yes', 4, ''])
    expect(rows).toContainEqual(['Question', 'Valued', '4 Agree', 2, ''])
    expect(rows).toContainEqual(['Question', 'Valued', 'Mean', 3.83, ''])
    expect(rows).toContainEqual(['Question', 'Rate', '', '', 'Withheld: fewer than 5 answers'])
    expect(rows).toContainEqual(['Free text', 'Change?', 'More time, "really"', 3, 'Time'])
    expect(rows).toContainEqual(['By faculty', '', 'Science', 6, ''])
    expect(rows).toContainEqual(['By faculty', '', 'unspecified', '', 'Withheld: fewer than 5'])
    expect(toCsv(rows)).toContain(`'=HYPERLINK(""x"")`)
  })

  it('says only that results are withheld under 5', () => {
    const rows = resultsCsvRows({
      results: results({ withheld: true, responseCount: 3, questions: [] }),
      texts: { ...texts, withheld: true, entries: [], themes: [] },
      questions: [],
      breakdowns: [],
      facultyNames: {},
    })
    expect(rows).toHaveLength(3)
    expect(rows[2]![4]).toMatch(/Withheld/)
  })

  it('names the file after the survey', () => {
    expect(csvFilename('Technician voice: Visibility!', '2026-11-23')).toBe('technician-voice-visibility-results-2026-11-23.csv')
    expect(csvFilename('???', '2026-11-23')).toBe('survey-results-2026-11-23.csv')
  })
})

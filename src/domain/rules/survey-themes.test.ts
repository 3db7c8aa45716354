import { describe, expect, it } from 'vitest'
import { themeSummaries } from './survey-themes'

const entry = (key: string, text: string, count = 1) => ({ key, text, count })

describe('themeSummaries', () => {
  const texts = {
    entries: [
      entry('a', 'More training time', 3),
      entry('b', 'Time for courses', 1),
      entry('c', 'Protected development days', 2),
      entry('d', 'Better kit', 2),
      entry('e', 'Unanswered by any theme', 9),
    ],
    themes: [
      { name: 'Equipment', keys: ['d'] },
      { name: 'Development time', keys: ['a', 'b', 'c', 'a'] },
      { name: 'Gone', keys: ['zz'] },
    ],
  }

  it('counts tagged answers per theme, largest first, and quotes only a theme of 5 or more', () => {
    expect(themeSummaries(texts)).toEqual([
      { name: 'Development time', count: 6, quotes: ['More training time', 'Protected development days', 'Time for courses'] },
      { name: 'Equipment', count: null, quotes: [] },
    ])
  })

  it('quotes at most three answers, the most frequent first', () => {
    const many = {
      entries: [1, 2, 3, 4, 5].map((n) => entry(`k${n}`, `Answer ${n}`, n)),
      themes: [{ name: 'All', keys: ['k1', 'k2', 'k3', 'k4', 'k5'] }],
    }
    expect(themeSummaries(many)[0]).toEqual({ name: 'All', count: 15, quotes: ['Answer 5', 'Answer 4', 'Answer 3'] })
  })
})

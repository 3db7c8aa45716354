import { describe, expect, it } from 'vitest'
import type { Question } from '@/domain/entities'
import { textKey } from './access'
import { listTexts } from './texts'

const questions: Question[] = [
  { id: 'q1', type: 'long', prompt: 'Barriers?', required: false },
  { id: 'q2', type: 'short', prompt: 'One word', required: false },
  { id: 'q3', type: 'single', prompt: 'Pick', required: false, options: ['A', 'B'] },
]
const resp = (q1?: string, q2?: string) => ({
  answers: [
    ...(q1 ? [{ questionId: 'q1', value: q1 }] : []),
    ...(q2 ? [{ questionId: 'q2', value: q2 }] : []),
    { questionId: 'q3', value: 'A' },
  ],
})

describe('listTexts', () => {
  it('lists distinct texts with counts, sorted, keyed by content; withholds questions under 5 answers', () => {
    const out = listTexts(questions, [resp('Time', 'x'), resp('Funding'), resp('Time'), resp('Awareness', 'y'), resp('Space')])
    expect(out.questions).toEqual([
      { questionId: 'q1', prompt: 'Barriers?', answered: 5, withheld: false },
      { questionId: 'q2', prompt: 'One word', answered: null, withheld: true },
    ])
    expect(out.entries.map((e) => [e.text, e.count])).toEqual([
      ['Awareness', 1],
      ['Funding', 1],
      ['Space', 1],
      ['Time', 2],
    ])
    expect(out.entries[0]!.key).toBe(textKey('q1', 'Awareness'))
    expect(out.entries[0]!.key).toMatch(/^[0-9a-f]{64}$/)
  })

  it('keys the same words differently per question', () => {
    expect(textKey('q1', 'Time')).not.toBe(textKey('q2', 'Time'))
  })
})

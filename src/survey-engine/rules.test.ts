import { describe, expect, it } from 'vitest'
import { checkAnswers, isAnswered, likertLabels, MIN_RESPONSES, orderQuestions, visibleQuestions } from './rules'
import { question as q } from '../../tests/support/rule-fixtures'

describe('survey rules shared by the phone and the callable', () => {
  const questions = [
    q('theme', 'single', { options: ['Visibility', 'Recognition'] }),
    q('why', 'long', { showIf: { questionId: 'theme', equals: 'Visibility' } }),
    q('more', 'short', { showIf: { questionId: 'why', equals: 'x' } }),
    q('score', 'likert'),
    q('follow', 'short', { showIf: { questionId: 'score', equals: '5' } }),
  ]

  it('shows a follow-up only when the earlier answer matches, and hides what depends on a hidden question', () => {
    expect(visibleQuestions(questions, {}).map((x) => x.id)).toEqual(['theme', 'score'])
    expect(visibleQuestions(questions, { theme: 'Visibility' }).map((x) => x.id)).toEqual(['theme', 'why', 'score'])
    expect(visibleQuestions(questions, { theme: 'Recognition', why: 'x' }).map((x) => x.id)).toEqual(['theme', 'score'])
    expect(visibleQuestions(questions, { score: 5 }).map((x) => x.id)).toEqual(['theme', 'score', 'follow'])
  })

  it('agrees with checkAnswers on what is stored', () => {
    const answers = { theme: 'Recognition', why: 'dropped', score: 5, follow: 'kept' }
    const shown = visibleQuestions(questions, answers).map((x) => x.id)
    const out = checkAnswers(questions, answers)
    expect(out.ok && out.answers.map((a) => a.questionId)).toEqual(shown.filter((id) => id in answers))
  })

  it('treats blank text, empty choices and out-of-range points as unanswered', () => {
    expect(isAnswered(q('t', 'short'), '   ')).toBe(false)
    expect(isAnswered(q('m', 'multiple', { options: ['a'] }), [])).toBe(false)
    expect(isAnswered(q('r', 'rating'), 11)).toBe(false)
    expect(isAnswered(q('r', 'rating'), 0)).toBe(true)
  })

  it('orders questions outside sections first, then section by section', () => {
    const survey = {
      sections: [{ id: 's2' }, { id: 's1' }],
      questions: [
        q('a', 'short', { sectionId: 's1' }),
        q('b', 'short'),
        q('c', 'short', { sectionId: 's2' }),
        q('d', 'short', { sectionId: 'gone' }),
      ],
    }
    expect(orderQuestions(survey).map((x) => x.id)).toEqual(['b', 'd', 'c', 'a'])
  })

  it('uses a Likert question’s own five labels, else the standard ones', () => {
    expect(likertLabels({ options: ['1', '2', '3', '4', '5'] })).toEqual(['1', '2', '3', '4', '5'])
    expect(likertLabels({ options: ['only two', 'labels'] })[0]).toBe('Strongly disagree')
    expect(MIN_RESPONSES).toBe(5)
  })
})

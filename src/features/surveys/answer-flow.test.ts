import { describe, expect, it } from 'vitest'
import { answersToSend, buildScreens, defaultMode, progressOf, screenErrors } from './answer-flow'
import { answerState, inAudience, isOpenOn, receiptText } from './survey-status'
import { setLocale } from '@/i18n'
import { question as q } from '../../../tests/support/rule-fixtures'

// Errors are worded in the language shown: English here.
await setLocale('en')

const survey = {
  sections: [
    { id: 'v', title: 'Visibility' },
    { id: 'r', title: 'Recognition' },
  ],
  questions: [
    q('v1', 'single', { sectionId: 'v', required: true, options: ['Yes', 'No'] }),
    q('v2', 'long', { sectionId: 'v', showIf: { questionId: 'v1', equals: 'No' } }),
    q('r1', 'rating', { sectionId: 'r' }),
  ],
}

describe('answering flow', () => {
  it('one section per screen, or one question per screen, with show-if applied live', () => {
    expect(defaultMode(survey)).toBe('section')
    expect(buildScreens(survey, {}, 'section').map((s) => [s.title, s.questions.map((x) => x.id)])).toEqual([
      ['Visibility', ['v1']],
      ['Recognition', ['r1']],
    ])
    expect(buildScreens(survey, { v1: 'No' }, 'section')[0]!.questions.map((x) => x.id)).toEqual(['v1', 'v2'])
    expect(buildScreens(survey, { v1: 'No' }, 'question').map((s) => s.key)).toEqual(['v1', 'v2', 'r1'])
    expect(defaultMode({ sections: [] })).toBe('question')
  })

  it('says what is missing or wrong on a screen', () => {
    const [first] = buildScreens(survey, {}, 'section')
    expect(screenErrors(first!, {})).toEqual({ v1: 'Please answer this question' })
    expect(screenErrors(first!, { v1: 'Maybe' })).toEqual({ v1: 'Choose one of the listed options' })
    expect(screenErrors(first!, { v1: 'Yes' })).toEqual({})
  })

  it('counts progress over the questions currently shown', () => {
    const screens = buildScreens(survey, { v1: 'No', r1: 7 }, 'question')
    expect(progressOf(screens, 1, { v1: 'No', r1: 7 })).toEqual({ current: 2, total: 3, answered: 2, questions: 3 })
  })

  it('sends only answers to questions still shown', () => {
    expect(answersToSend(survey, { v1: 'Yes', v2: 'stale follow-up', r1: 3 })).toEqual({ v1: 'Yes', r1: 3 })
  })
})

describe('where a member stands', () => {
  it('labels states and receipts', () => {
    expect(answerState(undefined, false)).toBe('new')
    expect(answerState(undefined, true)).toBe('draft')
    expect(answerState({ state: 'queued' }, true)).toBe('queued')
    expect(receiptText({ state: 'queued' }, false)).toBe('waiting')
    expect(receiptText({ state: 'sent', outcome: 'submitted' }, true)).toBe('sent')
    expect(receiptText({ state: 'sent', outcome: 'replaced' }, true)).toBe('replaced')
  })

  it('is open between its dates when open, and for its audience', () => {
    const s = { status: 'open' as const, opensAt: '2026-11-01', closesAt: '2026-11-30', deleted: false }
    expect(isOpenOn(s, '2026-11-30')).toBe(true)
    expect(isOpenOn(s, '2026-12-01')).toBe(false)
    expect(isOpenOn({ ...s, status: 'draft' }, '2026-11-15')).toBe(false)
    const audience = { audience: { facultyIds: ['f1'], roleFamilies: ['workshop' as const] } }
    expect(inAudience({ audience: { facultyIds: [], roleFamilies: [] } }, undefined)).toBe(true)
    expect(inAudience(audience, { facultyId: 'f1', roleFamily: 'workshop' })).toBe(true)
    expect(inAudience(audience, { facultyId: 'f1', roleFamily: 'research' })).toBe(false)
    expect(inAudience(audience, undefined)).toBe(false)
  })
})

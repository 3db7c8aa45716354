import { beforeAll, describe, expect, it } from 'vitest'
import type { Question } from '@/domain/entities'
import { blankTemplate, type SurveyDraft } from '@/survey-engine/templates'
import { errorsFor } from '@/ui/field-errors'
import { i18nFor } from '../../../tests/support/i18n'
import { parseProblem } from '@/domain/problems'
import {
  changeType,
  checkSurveyDraft,
  moveQuestion,
  newQuestion,
  normaliseDraft,
  removeQuestion,
  removeSection,
  showIfChoices,
} from './builder'
import { question } from '../../../tests/support/rule-fixtures'

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}) => question(id, type, { prompt: `Prompt ${id}`, ...extra })
const draft = (questions: Question[], extra: Partial<SurveyDraft> = {}): SurveyDraft => ({
  ...blankTemplate({ today: '2026-11-23', createdByUid: 'lead', newId: () => 'x' }),
  questions,
  ...extra,
})

// The schema's problems are worded through the errors messages: assert the English a person reads.
beforeAll(async () => {
  await i18nFor('en')
})

describe('checkSurveyDraft', () => {
  it('accepts a sound survey and returns its questions in answering order', () => {
    const s = draft([q('b', 'short', { sectionId: 's1' }), q('a', 'single', { options: ['Yes', 'No'] })], {
      sections: [{ id: 's1', title: 'Later' }],
    })
    const out = checkSurveyDraft(s)
    expect(out.ok && out.value.questions.map((x) => x.id)).toEqual(['a', 'b'])
  })

  it.each([
    ['an empty title', { title: ' ' }, [q('a', 'short')], 'title', 'Survey title is required'],
    ['no questions', {}, [], 'questions', 'Add at least one question'],
    ['a choice question with one option', {}, [q('a', 'single', { options: ['Only'] })], 'questions.0.options', 'Add at least two options'],
    ['repeated options', {}, [q('a', 'multiple', { options: ['A', 'A'] })], 'questions.0.options', 'Each option must be different'],
    [
      'a Likert question with three labels',
      {},
      [q('a', 'likert', { options: ['a', 'b', 'c'] })],
      'questions.0.options',
      'An agree–disagree question has exactly five labels',
    ],
    ['a blank prompt', {}, [q('a', 'short', { prompt: '' })], 'questions.0.prompt', 'Question is required'],
    [
      'show-if on a later question',
      {},
      [q('a', 'short', { showIf: { questionId: 'b', equals: 'Yes' } }), q('b', 'single', { options: ['Yes', 'No'] })],
      'questions.0.showIf',
      'Show this only after an earlier question',
    ],
    [
      'show-if on an answer that cannot be given',
      {},
      [q('b', 'single', { options: ['Yes', 'No'] }), q('a', 'short', { showIf: { questionId: 'b', equals: 'Maybe' } })],
      'questions.1.showIf',
      'Choose one of the earlier question’s answers',
    ],
    [
      'a question in a missing section',
      {},
      [q('a', 'short', { sectionId: 'gone' })],
      'questions.0.sectionId',
      'Choose one of the sections',
    ],
    [
      'closing before opening',
      { opensAt: '2026-12-01', closesAt: '2026-11-30' },
      [q('a', 'short')],
      'closesAt',
      'The closing date cannot be before the opening date',
    ],
    ['a bad date', { opensAt: '1 Dec' }, [q('a', 'short')], 'opensAt', 'Use a date like 2026-11-23'],
  ])('refuses %s, at the field', (_name, extra, questions, field, message) => {
    const out = checkSurveyDraft(draft(questions as Question[], extra as Partial<SurveyDraft>))
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.errors[field]).toBe(message)
  })

  it('words the schema’s problems in the language it is given', async () => {
    const cy = errorsFor((await i18nFor('cy')).global.t as Parameters<typeof errorsFor>[0])
    try {
      const out = checkSurveyDraft(draft([q('a', 'short', { prompt: '' })], { title: ' ' }), { words: cy.problemText })
      expect(out.ok).toBe(false)
      if (!out.ok) {
        expect(out.errors.title).toBe('Teitl yr arolwg: mae angen llenwi hwn')
        expect(out.errors['questions.0.prompt']).toBe('Cwestiwn: mae angen llenwi hwn')
      }
    } finally {
      await i18nFor('en')
    }
  })
})

describe('builder edits', () => {
  it('normalises what inputs hold: blank option lines and help dropped, text trimmed', () => {
    const out = normaliseDraft(draft([q('a', 'single', { prompt: ' Which? ', options: ['A ', '', ' B'], help: '  ' })]))
    expect(out.questions[0]).toEqual({ id: 'a', type: 'single', prompt: 'Which?', required: false, options: ['A', 'B'] })
  })

  it('offers show-if answers per type', () => {
    expect(showIfChoices(q('a', 'single', { options: ['Yes', 'No'] }))).toEqual(['Yes', 'No'])
    expect(showIfChoices(q('a', 'likert'))).toEqual(['1', '2', '3', '4', '5'])
    expect(showIfChoices(q('a', 'rating'))).toHaveLength(11)
    expect(showIfChoices(q('a', 'long'))).toEqual([])
  })

  it('changes type keeping what fits', () => {
    const single = q('a', 'single', { options: ['A', 'B'] })
    expect(changeType(single, 'ranking').options).toEqual(['A', 'B'])
    expect(changeType(single, 'likert').options).toHaveLength(5)
    expect(changeType(single, 'long').options).toBeUndefined()
    expect(newQuestion('multiple', 'n', 's1')).toEqual({
      id: 'n',
      type: 'multiple',
      prompt: '',
      required: false,
      options: ['', ''],
      sectionId: 's1',
    })
  })

  it('moves a question within its section only', () => {
    const list = [q('a', 'short', { sectionId: 's1' }), q('b', 'short', { sectionId: 's2' }), q('c', 'short', { sectionId: 's1' })]
    expect(moveQuestion(list, 'c', -1).map((x) => x.id)).toEqual(['c', 'b', 'a'])
    expect(moveQuestion(list, 'a', -1).map((x) => x.id)).toEqual(['a', 'b', 'c'])
  })

  it('removing a question drops show-if conditions on it; removing a section keeps its questions', () => {
    const list = [q('a', 'single', { options: ['Y', 'N'] }), q('b', 'short', { showIf: { questionId: 'a', equals: 'Y' } })]
    expect(removeQuestion(list, 'a')).toEqual([q('b', 'short')])
    const s = removeSection(draft([q('a', 'short', { sectionId: 's1' })], { sections: [{ id: 's1', title: 'One' }] }), 's1')
    expect(s.sections).toEqual([])
    expect(s.questions[0]).toEqual(q('a', 'short'))
  })
})

describe('Welsh in the builder', () => {
  it('keeps each Welsh option label with its English option when blank lines are dropped', () => {
    const s = normaliseDraft(draft([q('a', 'single', { options: ['Yes', ' ', 'No'], optionsCy: ['Ydw', 'x', 'Nac ydw'], promptCy: ' ' })]))
    expect(s.questions[0]).toMatchObject({ options: ['Yes', 'No'], optionsCy: ['Ydw', 'Nac ydw'] })
    expect(s.questions[0]).not.toHaveProperty('promptCy')
  })

  it('refuses opening a Welsh-required survey with Welsh missing, but saves it as a draft', () => {
    const s = draft([q('a', 'single', { options: ['Yes', 'No'], promptCy: 'Cwestiwn', optionsCy: ['Ydw'] })], {
      titleCy: 'Arolwg newydd',
      welshRequired: true,
    })
    const opening = checkSurveyDraft({ ...s, status: 'open' }, { previousStatus: 'draft' })
    expect(opening.ok).toBe(false)
    if (!opening.ok) expect(parseProblem(opening.errors.welsh)).toEqual({ code: 'welshMissing', params: { count: 1 } })
    expect(checkSurveyDraft(s, { previousStatus: 'draft' }).ok).toBe(true)
    const complete = { ...s, questions: [{ ...s.questions[0]!, optionsCy: ['Ydw', 'Nac ydw'] }] }
    expect(checkSurveyDraft({ ...complete, status: 'open' }, { previousStatus: 'draft' }).ok).toBe(true)
  })
})

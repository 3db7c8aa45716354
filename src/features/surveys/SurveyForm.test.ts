// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Question } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import SurveyForm from './SurveyForm.vue'

const en = async () => ({ plugins: [await i18nFor('en')] })

const questions: Question[] = [
  { id: 'q1', type: 'single', prompt: 'Do you feel visible?', required: true, options: ['Yes', 'No'] },
  { id: 'q2', type: 'long', prompt: 'What would help?', required: false, showIf: { questionId: 'q1', equals: 'No' } },
  { id: 'q3', type: 'rating', prompt: 'Rate the plan', required: false },
]

describe('SurveyForm', () => {
  it('one question per screen: a required answer blocks Next, show-if adds a screen, Send emits only shown answers', async () => {
    const w = mount(SurveyForm, {
      props: { survey: { title: 'Pulse', sections: [], questions } },
      attachTo: document.body,
      global: await en(),
    })
    expect(w.text()).toContain('Question 1 of 2')
    await w.find('form').trigger('submit')
    expect(w.text()).toContain('Please answer this question')
    await w.findAll('input[type="radio"]')[1]!.setValue(true)
    expect(w.text()).toContain('Question 1 of 3')
    await w.find('form').trigger('submit')
    expect(w.find('textarea').exists()).toBe(true)
    await w.find('textarea').setValue('Being named on lab doors')
    await w.find('form').trigger('submit')
    expect(w.text()).toContain('Question 3 of 3')
    await w.find('form').trigger('submit')
    expect(w.emitted('submit')).toEqual([[{ q1: 'No', q2: 'Being named on lab doors' }]])
    const changes = w.emitted('change') ?? []
    expect(changes.at(-1)).toEqual([{ answers: { q1: 'No', q2: 'Being named on lab doors' }, position: 2 }])
    w.unmount()
  })

  it('preview says what would happen instead of sending', async () => {
    const w = mount(SurveyForm, {
      props: { survey: { title: 'Pulse', sections: [], questions: [questions[2]!] }, preview: true },
      global: await en(),
    })
    await w.find('form').trigger('submit')
    expect(w.emitted('submit')).toBeUndefined()
    expect(w.find('[role="status"]').text()).toMatch(/Preview/)
    w.unmount()
  })
})

describe('SurveyForm with the server’s verdict', () => {
  it('opens on the refused question with its message', async () => {
    const w = mount(SurveyForm, {
      global: await en(),
      props: {
        survey: { title: 'Pulse', sections: [], questions },
        initialAnswers: { q1: 'Yes', q3: 7 },
        fieldErrors: { q3: 'Choose a rating from 0 to 10' },
      },
    })
    expect(w.text()).toContain('Question 2 of 2')
    expect(w.text()).toContain('Choose a rating from 0 to 10')
    w.unmount()
  })
})

describe('SurveyForm in Welsh', () => {
  const bilingual: Question[] = [
    {
      id: 'q1',
      type: 'single',
      prompt: 'Do you feel visible?',
      promptCy: 'Ydych chi’n teimlo’n weladwy?',
      required: true,
      options: ['Yes', 'No', 'Not sure'],
      optionsCy: ['Ydw', 'Nac ydw', ''],
    },
    {
      id: 'q2',
      type: 'likert',
      prompt: 'The plan is clear',
      required: false,
      options: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
    },
  ]

  it('shows the Welsh text where written (English where not) and answers with the stable English value', async () => {
    const w = mount(SurveyForm, {
      props: { survey: { title: 'Pulse', titleCy: 'Pwls', sections: [], questions: bilingual } },
      attachTo: document.body,
      global: { plugins: [await i18nFor('cy')] },
    })
    expect(w.find('form').attributes('aria-label')).toBe('Pwls')
    expect(w.text()).toContain('Cwestiwn 1 o 2')
    expect(w.find('legend').text()).toBe('1. Ydych chi’n teimlo’n weladwy?')
    expect(w.findAll('label').map((l) => l.text())).toEqual(['Ydw', 'Nac ydw', 'Not sure'])
    await w.find('form').trigger('submit')
    expect(w.text()).toContain('Atebwch y cwestiwn hwn')
    await w.findAll('input[type="radio"]')[1]!.setValue(true)
    await w.find('form').trigger('submit')
    // A question with no Welsh prompt falls back to English; the default scale has its Welsh labels.
    expect(w.find('legend').text()).toBe('2. The plan is clear (dewisol)')
    expect(w.text()).toContain('1 – Anghytuno’n gryf')
    await w.find('form').trigger('submit')
    expect(w.emitted('submit')).toEqual([[{ q1: 'No' }]])
    w.unmount()
    await i18nFor('en')
  })
})

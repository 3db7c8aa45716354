// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Question } from '@/domain/entities'
import type { AnswerValue } from '@/survey-engine/rules'
import { i18nFor } from '../../../tests/support/i18n'
import QuestionInput from './QuestionInput.vue'

async function answer(question: Question, modelValue?: AnswerValue, error?: string) {
  const w = mount(QuestionInput, {
    props: { question, modelValue, error, 'onUpdate:modelValue': (v: AnswerValue | undefined) => w.setProps({ modelValue: v }) },
    global: { plugins: [await i18nFor('en')] },
  })
  return w
}

describe('QuestionInput', () => {
  it('several choices: the answer lists them in the order the options are listed, whatever order they were ticked in', async () => {
    const w = await answer({ id: 'q', type: 'multiple', prompt: 'Which apply?', required: true, options: ['Lab', 'Office', 'Field'] })
    expect(w.get('fieldset legend').text()).toBe('Which apply?')
    const boxes = w.findAll<HTMLInputElement>('input[type="checkbox"]')
    await boxes[2]!.setValue(true)
    await boxes[0]!.setValue(true)
    expect(w.props('modelValue')).toEqual(['Lab', 'Field'])
    await boxes[2]!.setValue(false)
    expect(w.props('modelValue')).toEqual(['Lab'])
  })

  it('a 0–10 rating answers with a number, one radio a point', async () => {
    const w = await answer({ id: 'q', type: 'rating', prompt: 'Rate it', required: false })
    const radios = w.findAll<HTMLInputElement>('input[type="radio"]')
    expect(radios.map((r) => r.element.closest('label')!.textContent)).toEqual(Array.from({ length: 11 }, (_, i) => String(i)))
    await radios[7]!.setValue(true)
    expect(w.props('modelValue')).toBe(7)
    expect(w.get('legend').text()).toBe('Rate it (optional)')
  })

  it('an error is linked to the group and marks it and its choices invalid', async () => {
    const w = await answer(
      { id: 'q', type: 'single', prompt: 'Visible?', help: 'At work', required: true, options: ['Yes', 'No'] },
      undefined,
      'Answer',
    )
    const fieldset = w.get('fieldset')
    expect(fieldset.attributes('aria-invalid')).toBe('true')
    const described = fieldset.attributes('aria-describedby')!.split(' ')
    expect(described.map((id) => w.get(`[id="${id}"]`).text())).toEqual(['At work', '⚠ Answer'])
    expect(w.findAll('input').every((i) => i.attributes('aria-invalid') === 'true')).toBe(true)
  })

  it('a ranking sits under the question as its legend, with no radios', async () => {
    const w = await answer({ id: 'q', type: 'ranking', prompt: 'Order these', required: true, options: ['A', 'B'] })
    expect(w.get('fieldset legend').text()).toBe('Order these')
    expect(w.find('input').exists()).toBe(false)
    expect(w.findAll('li').map((li) => li.find('span').text())).toEqual(['A', 'B'])
  })

  it('a text question is a labelled box with its help and error described', async () => {
    const w = await answer({ id: 'q', type: 'short', prompt: 'Your role', help: 'One line', required: true }, 'Tech', 'Too long')
    const input = w.get<HTMLInputElement>('input[type="text"]')
    expect(w.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Your role')
    expect(input.element.value).toBe('Tech')
    expect(input.attributes('aria-invalid')).toBe('true')
    const described = input.attributes('aria-describedby')!.split(' ')
    expect(described.map((id) => w.get(`[id="${id}"]`).text())).toEqual(['One line', '⚠ Too long'])
    await input.setValue('Technician')
    expect(w.props('modelValue')).toBe('Technician')
  })
})

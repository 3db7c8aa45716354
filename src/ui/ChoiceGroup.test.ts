// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref, type Component, type Ref } from 'vue'
import ChoiceGroup from './ChoiceGroup.vue'

const RAG = [
  { value: 'red', label: 'Red' },
  { value: 'amber', label: 'Amber', hint: 'Some risk' },
  { value: 'green', label: 'Green' },
]

function group(value: Ref<unknown>, props: Record<string, unknown> = {}) {
  return mount(
    defineComponent(
      () => () =>
        // A generic component: h() cannot infer its props from this loose record.
        h(ChoiceGroup as Component, {
          legend: 'Status',
          options: RAG,
          modelValue: value.value,
          'onUpdate:modelValue': (v: unknown) => (value.value = v),
          ...props,
        }),
    ),
  )
}

describe('ChoiceGroup', () => {
  it('is a fieldset named by its legend, one radio per option in one group, the chosen one checked', async () => {
    const value = ref('amber')
    const w = group(value)
    expect(w.get('fieldset legend').text()).toBe('Status')
    const radios = w.findAll<HTMLInputElement>('input[type="radio"]')
    expect(radios).toHaveLength(3)
    expect(new Set(radios.map((r) => r.attributes('name'))).size).toBe(1)
    expect(radios.map((r) => r.element.checked)).toEqual([false, true, false])
    expect(w.findAll('label').map((l) => l.text())).toEqual(['Red', 'AmberSome risk', 'Green'])
    await radios[0]!.setValue(true)
    expect(value.value).toBe('red')
  })

  it('as checkboxes, takes and gives a list', async () => {
    const value = ref<string[]>(['green'])
    const w = group(value, { type: 'checkbox' })
    const boxes = w.findAll<HTMLInputElement>('input[type="checkbox"]')
    expect(boxes.map((b) => b.element.checked)).toEqual([false, false, true])
    await boxes[0]!.setValue(true)
    expect(value.value).toEqual(['green', 'red'])
    await w.findAll<HTMLInputElement>('input[type="checkbox"]')[2]!.setValue(false)
    expect(value.value).toEqual(['red'])
  })

  it('links its hint and error to the group and marks the controls invalid', () => {
    const w = group(ref(''), { hint: 'How is it going?', error: 'Choose Red, Amber or Green' })
    const described = w.get('fieldset').attributes('aria-describedby')!.split(' ')
    expect(described).toHaveLength(2)
    expect(described.map((id) => w.get(`[id="${id}"]`).text())).toEqual(['How is it going?', '⚠ Choose Red, Amber or Green'])
    expect(w.get(`[id="${described[1]}"]`).classes()).toContain('field-error')
    expect(w.findAll('input').every((i) => i.attributes('aria-invalid') === 'true')).toBe(true)
  })

  it('has no error, description or invalid mark when all is well', () => {
    const w = group(ref('red'))
    expect(w.get('fieldset').attributes('aria-describedby')).toBeUndefined()
    expect(w.find('.field-error').exists()).toBe(false)
    expect(w.findAll('input').some((i) => i.attributes('aria-invalid'))).toBe(false)
  })
})

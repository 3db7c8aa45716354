// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import CheckboxField from './CheckboxField.vue'

describe('CheckboxField', () => {
  it('is a checkbox named by its label that gives true or false', async () => {
    const w = mount(CheckboxField, { props: { label: 'Can teach', modelValue: false } })
    expect(w.get('label').text()).toBe('Can teach')
    await w.get('input[type="checkbox"]').setValue(true)
    await w.get('input[type="checkbox"]').setValue(false)
    expect(w.emitted('update:modelValue')).toEqual([[true], [false]])
  })

  it('shows the value it is given, can be disabled, and its slot replaces the label', () => {
    const w = mount(CheckboxField, {
      props: { modelValue: true, disabled: true },
      slots: { default: () => ['Happy to teach', h('span', { class: 'visually-hidden' }, ' PCR')] },
    })
    const input = w.get<HTMLInputElement>('input')
    expect(input.element.checked).toBe(true)
    expect(input.element.disabled).toBe(true)
    expect(w.get('label').text()).toBe('Happy to teach PCR')
  })
})

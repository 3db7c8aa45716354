// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import ChoiceOrText from './ChoiceOrText.vue'

describe('ChoiceOrText', () => {
  it('offers the institution’s list with its labels and passes id, ARIA and listeners to the control', async () => {
    const value = ref('')
    const changes: string[] = []
    const w = mount(
      defineComponent(
        () => () =>
          h(ChoiceOrText, {
            id: 'faculty',
            'aria-invalid': 'true',
            modelValue: value.value,
            'onUpdate:modelValue': (v: string) => (value.value = v),
            options: [
              { value: 'sci', label: 'Science' },
              { value: 'eng', label: 'Engineering' },
            ],
            placeholder: 'Choose your faculty',
            onChange: () => changes.push(value.value),
          }),
      ),
    )
    const select = w.get('select')
    expect(select.attributes()).toMatchObject({ id: 'faculty', 'aria-invalid': 'true' })
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Choose your faculty', 'Science', 'Engineering'])
    await select.setValue('eng')
    expect(value.value).toBe('eng')
    expect(changes).toEqual(['eng'])
  })

  it('is a text box where the institution keeps no list', async () => {
    const value = ref('Main campus')
    const w = mount(
      defineComponent(
        () => () =>
          h(ChoiceOrText, {
            id: 'site',
            modelValue: value.value,
            'onUpdate:modelValue': (v: string) => (value.value = v),
            options: [],
            placeholder: 'Choose your site',
          }),
      ),
    )
    expect(w.find('select').exists()).toBe(false)
    const input = w.get('input')
    expect(input.attributes('id')).toBe('site')
    expect((input.element as HTMLInputElement).value).toBe('Main campus')
    await input.setValue('North site')
    expect(value.value).toBe('North site')
  })
})

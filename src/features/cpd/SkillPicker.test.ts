// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import SkillPicker from './SkillPicker.vue'

async function picker(locale: 'en' | 'cy') {
  const updates: string[][] = []
  const wrapper = mount(SkillPicker, {
    props: { modelValue: [], 'onUpdate:modelValue': (ids: string[]) => updates.push(ids) },
    global: { plugins: [await i18nFor(locale)] },
  })
  return { wrapper, updates }
}

describe('CPD SkillPicker with a typo', () => {
  it('offers the taxonomy skill the words are close to, instead of only adding them as a new tag', async () => {
    const { wrapper, updates } = await picker('en')
    await wrapper.get('input').setValue('spectromety')
    const suggestion = wrapper.get('button.skill-close')
    expect(suggestion.text()).toBe('Did you mean Mass spectrometer?')
    await suggestion.trigger('click')
    expect(updates.at(-1)).toEqual(['mass-spectrometer'])
  })
  it('offers nothing for words that are a skill, and asks in Welsh', async () => {
    const { wrapper } = await picker('cy')
    await wrapper.get('input').setValue('mass spectrometry')
    expect(wrapper.find('button.skill-close').exists()).toBe(false)
    await wrapper.get('input').setValue('spectromety')
    expect(wrapper.get('button.skill-close').text()).toBe('Ai Mass spectrometer oedd gennych mewn golwg?')
  })
})

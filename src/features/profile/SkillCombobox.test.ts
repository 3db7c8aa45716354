// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import SkillCombobox from './SkillCombobox.vue'

async function typeInto(locale: 'en' | 'cy', words: string) {
  const wrapper = mount(SkillCombobox, { props: { existing: [] }, global: { plugins: [await i18nFor(locale)] } })
  const input = wrapper.get('input[role="combobox"]')
  await input.setValue(words)
  await input.trigger('input')
  return wrapper
}

describe('SkillCombobox with a typo', () => {
  it('offers the taxonomy skill first and the typed words as a new tag last (en)', async () => {
    const wrapper = await typeInto('en', 'spectromety')
    const options = wrapper.findAll('[role="option"]')
    expect(options[0]!.text()).toContain('Mass spectrometer')
    expect(options[0]!.text()).toContain('close to “mass spectrometry”')
    expect(options.at(-1)!.text()).toContain('Add “spectromety”')
    await options[0]!.trigger('click')
    expect(wrapper.emitted('select')?.[0]?.[0]).toMatchObject({ id: 'mass-spectrometer', name: 'Mass spectrometer' })
  })
  it('says so in Welsh', async () => {
    const wrapper = await typeInto('cy', 'spectromety')
    expect(wrapper.findAll('[role="option"]')[0]!.text()).toContain('yn agos at “mass spectrometry”')
  })
})

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

describe('endorsements on my profile', () => {
  it('each skill shows how many colleagues I taught endorsed it', async () => {
    const { default: SkillsEditor } = await import('./SkillsEditor.vue')
    const hplc = { skillId: 'hplc', name: 'HPLC', category: 'equipment', level: 'expert', canTeach: true, wantsToLearn: false } as const
    const pcr = { ...hplc, skillId: 'pcr', name: 'PCR', category: 'technique' } as const
    const props = { uid: 'me', skills: [hplc, pcr], endorsements: { hplc: 2 } }
    const en = mount(SkillsEditor, { props, global: { plugins: [await i18nFor('en')] } })
    expect(en.findAll('.skill-endorsed').map((p) => p.text())).toEqual(['Endorsed by 2 colleagues you taught'])
    const cy = mount(SkillsEditor, { props: { ...props, endorsements: { pcr: 1 } }, global: { plugins: [await i18nFor('cy')] } })
    expect(cy.get('.skill-endorsed').text()).toBe('Cymeradwywyd gan 1 cydweithiwr a ddysgwyd gennych')
  })
})

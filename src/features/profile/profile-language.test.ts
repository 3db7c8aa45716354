// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import { member } from '../../../tests/support/rule-fixtures'
import ProfileForm from './ProfileForm.vue'
import ProgressRing from './ProgressRing.vue'
import SkillsEditor from './SkillsEditor.vue'

const profile = member('me', {
  skills: [{ skillId: 'pcr', name: 'PCR', category: 'technique', level: 'expert', canTeach: true, wantsToLearn: false }],
})

describe('the profile in Welsh and English', () => {
  it('the form reads in Welsh, role families and contracts included', async () => {
    const w = mount(ProfileForm, { props: { profile }, global: { plugins: [await i18nFor('cy')] } })
    expect(w.get('h2').text()).toBe('Amdanoch chi')
    expect(w.findAll('legend').map((l) => l.text())).toEqual(['Preifat: dim ond chi sy’n gweld y rhain', 'Pwy all weld eich proffil'])
    const options = w.findAll('option').map((o) => o.text())
    expect(options).toContain('Cymorth technegol')
    expect(options).toContain('Cyfnod penodol')
    expect(w.get('button[type="submit"]').text()).toBe('Cadw’r proffil')
  })

  it('the form keeps its English words', async () => {
    const w = mount(ProfileForm, { props: { profile }, global: { plugins: [await i18nFor('en')] } })
    expect(w.findAll('input[type="radio"]').map((r) => r.element.closest('label')!.textContent)).toEqual([
      'Colleagues in my institution (listed in the directory)',
      'Only me (hidden from the directory)',
    ])
    expect(w.findAll('option').map((o) => o.text())).toContain('Casual or hourly')
  })

  it('the progress ring lists what is missing in the language shown', async () => {
    const completeness = {
      percent: 40,
      complete: false,
      missing: [
        { field: 'jobTitle' as const, label: 'Job title' },
        { field: 'site' as const, label: 'Site' },
      ],
    }
    const en = mount(ProgressRing, { props: { completeness }, global: { plugins: [await i18nFor('en')] } })
    expect(en.get('h2').text()).toBe('Profile 40% complete')
    expect(en.get('p').text()).toBe('Still to add: job title, site.')
    const cy = mount(ProgressRing, { props: { completeness }, global: { plugins: [await i18nFor('cy')] } })
    expect(cy.get('h2').text()).toBe('Proffil 40% yn gyflawn')
    expect(cy.get('p').text()).toBe('I’w ychwanegu o hyd: teitl swydd, safle.')
  })

  it('the skills editor names levels and choices in Welsh', async () => {
    const w = mount(SkillsEditor, { props: { uid: 'me', skills: profile.skills }, global: { plugins: [await i18nFor('cy')] } })
    expect(w.get('h2').text()).toBe('Eich sgiliau')
    expect(w.findAll('.skill-level option').map((o) => o.text())).toEqual(['Yn dysgu', 'Ymarferydd', 'Arbenigwr'])
    const boxes = w.findAll('input[type="checkbox"]').map((c) => c.element.closest('label')!.textContent!.trim().replace(/\s+/g, ' '))
    expect(boxes).toEqual(['Hapus i addysgu PCR', 'Eisiau dysgu PCR'])
  })
})

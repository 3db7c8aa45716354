// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { Member } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import DirectoryFilters from './DirectoryFilters.vue'
import MemberCard from './MemberCard.vue'
import RemoveMember from './RemoveMember.vue'

vi.mock('vue-router', () => ({ RouterLink: { template: '<a><slot /></a>' } }))
const removeMember = vi.hoisted(() => vi.fn())
vi.mock('./use-directory', () => ({ removeMember }))

const member: Member = {
  id: 'm1',
  updatedAt: 1,
  version: 1,
  deleted: false,
  lastMutationId: null,
  institutionId: 'inst',
  displayName: 'Zoë Kowalczyk-Łęcka',
  email: 'zoe@example.ac.uk',
  role: 'technician',
  visibility: 'institution',
  joinedAt: 0,
  jobTitle: 'Technegydd labordy',
  skills: [
    { skillId: 'nmr', name: 'NMR', category: 'equipment', level: 'expert', canTeach: true, wantsToLearn: false },
    { skillId: 'pcr', name: 'PCR', category: 'technique', level: 'learning', canTeach: false, wantsToLearn: true },
  ],
}

describe('the directory in Welsh and English', () => {
  it('a member card says levels and teaching in the language shown', async () => {
    const en = mount(MemberCard, { props: { member, matchedSkillIds: ['nmr'] }, global: { plugins: [await i18nFor('en')] } })
    expect(en.get('ul').attributes('aria-label')).toBe('Skills')
    expect(en.get('li').text()).toBe('NMR · Expert, can teach (matches your search)')
    const cy = mount(MemberCard, { props: { member, matchedSkillIds: ['nmr'] }, global: { plugins: [await i18nFor('cy')] } })
    expect(cy.get('ul').attributes('aria-label')).toBe('Sgiliau')
    expect(cy.get('li').text()).toBe('NMR · Arbenigwr, yn gallu addysgu (yn cyfateb i’ch chwiliad)')
  })

  it('the filters list role families and levels in Welsh', async () => {
    const w = mount(DirectoryFilters, { props: { filters: {}, faculties: [] }, global: { plugins: [await i18nFor('cy')] } })
    expect(w.get('legend').text()).toBe('Hidlwyr')
    const options = w.findAll('option').map((o) => o.text())
    expect(options).toContain('TG a digidol')
    expect(options).toContain('Ymarferydd neu arbenigwr')
  })

  it('a lead removing a member reads the refusal in Welsh', async () => {
    removeMember.mockResolvedValueOnce({ ok: false, code: 'not-found', message: 'gone' })
    const w = mount(RemoveMember, {
      props: { member, institutionName: 'Prifysgol Enghraifft' },
      global: { plugins: [await i18nFor('cy')] },
    })
    await w.get('button').trigger('click')
    expect(w.text()).toContain('Bydd Zoë Kowalczyk-Łęcka yn colli mynediad i Prifysgol Enghraifft ar unwaith')
    await w.get('button.button-primary').trigger('click')
    await flushPromises()
    expect(removeMember).toHaveBeenCalledWith('m1')
    expect(w.get('[role="alert"]').text()).toBe('Nid yw’r person hwn yn aelod o’ch sefydliad mwyach.')
  })
})

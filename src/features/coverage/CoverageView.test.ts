// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { i18nFor } from '../../../tests/support/i18n'
import { signIn } from '../../../tests/support/people'
import { member } from '../../../tests/support/rule-fixtures'
import CoverageView from './CoverageView.vue'

const RouterLink = { template: '<a><slot /></a>' }

beforeEach(async () => {
  signIn({ role: 'lead' })
  await db.members.clear()
  await db.members.put(
    member('a', {
      department: 'Cemeg',
      skills: [{ skillId: 'nmr', name: 'NMR', category: 'technique', level: 'expert', canTeach: false, wantsToLearn: false }],
    }),
  )
})

describe('CoverageView', () => {
  it('shows the coverage in Welsh', async () => {
    const wrapper = mount(CoverageView, { global: { plugins: [await i18nFor('cy')], stubs: { RouterLink } } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('NMR — Siân ap Gwŵr'))
    expect(wrapper.get('h1').text()).toBe('Cwmpas sgiliau')
    expect(wrapper.get('h2').text()).toContain('Dim cyfadran wedi’i rhoi · 1 person')
    expect(wrapper.text()).toContain('Dim ond un person sydd â’r sgil')
    expect(wrapper.text()).toContain('does neb yn y sefydliad yn gallu ei addysgu')
    wrapper.unmount()
  })

  it('and in English as before', async () => {
    const wrapper = mount(CoverageView, { global: { plugins: [await i18nFor('en')], stubs: { RouterLink } } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('NMR — Siân ap Gwŵr'))
    expect(wrapper.get('h2').text()).toContain('No faculty given · 1 person')
    expect(wrapper.text()).toContain('Held by one person only')
    expect(wrapper.findAll('li')[1]!.text()).toBe('NMR · no one in the institution can teach it')
    expect(wrapper.get('button').text()).toBe('Download as CSV')
    wrapper.unmount()
  })
})

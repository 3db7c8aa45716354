// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { InstitutionStats } from '@/domain/stats'
import { i18nFor } from '../../../tests/support/i18n'
import StatsPanels from './StatsPanels.vue'

const none = { counts: {}, total: null }
/** A small institution: every headline count is under 5, so withheld. */
const small: InstitutionStats = {
  generatedAt: Date.UTC(2026, 10, 23),
  minGroup: 5,
  members: {
    total: null,
    byFaculty: { counts: { sci: null, eng: 7 }, total: 9 },
    byRoleFamily: none,
    byContract: none,
    facultyByContract: { columns: [], rows: [], columnTotals: {}, total: null, withheld: 0 },
    growth: [
      { month: '2026-10', total: null },
      { month: '2026-11', total: 6 },
    ],
  },
  registrations: { registered: none, inProgress: none, registeredMembers: null },
  cpd: { year: '2026', participants: null, notYet: null, percent: null },
  surveys: [],
  equality: { respondents: null, gender: none, ethnicity: none, ageBand: none, disability: none },
}

afterEach(async () => {
  await i18nFor('en')
})

const mountIn = async (locale: 'en' | 'cy') =>
  mount(StatsPanels, { props: { stats: small, institution: null }, global: { plugins: [await i18nFor(locale)] } })

describe('StatsPanels', () => {
  it('says "fewer than 5" for a headline count withheld for being small, not "withheld members"', async () => {
    const text = (await mountIn('en')).text()
    expect(text).toContain('fewer than 5 members professionally registered')
    expect(text).toContain('fewer than 5 registered members')
    expect(text).toContain('fewer than 5 members answered')
    expect(text).not.toContain('withheld members')
  })

  it('says "fewer than 5" for a month of the growth line under 5, in its table', async () => {
    const wrapper = await mountIn('en')
    const growth = wrapper.findAll('figure').find((f) => f.text().includes('Growth: registered members'))!
    await growth.get('button').trigger('click')
    const cells = growth.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))
    expect(cells).toEqual([
      ['Oct 2026', 'fewer than 5'],
      ['Nov 2026', '6'],
    ])
  })

  it('keeps "withheld" where a figure may be hidden only to protect another (a breakdown, a percentage)', async () => {
    const wrapper = await mountIn('en')
    const faculty = wrapper.findAll('.chart-value').map((el) => el.text())
    expect(faculty).toContain('withheld')
    expect(wrapper.text()).toContain('CPD participation 2026: withheld')
  })

  it('says "llai na 5" in Welsh', async () => {
    const text = (await mountIn('cy')).text()
    expect(text).toContain('llai na 5 o aelodau wedi’u cofrestru’n broffesiynol')
    expect(text).not.toContain('wedi’i atal o aelodau')
  })
})

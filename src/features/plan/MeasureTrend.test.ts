// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { SuccessMeasure } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import MeasureTrend from './MeasureTrend.vue'

const measure: SuccessMeasure = {
  id: 'm1',
  text: 'Teams members 148 → 180',
  baseline: 148,
  target: 180,
  checkIns: [
    { id: 'c2', value: 171, date: '2027-01-15', byUid: 'u-lead', note: 'After the open day' },
    { id: 'c1', value: 160, date: '2026-09-01', byUid: 'u-lead' },
  ],
}

afterEach(async () => {
  await i18nFor('en')
})

describe('MeasureTrend', () => {
  it('draws the readings as a sparkline whose text alternative says first, latest and direction, with a table', async () => {
    const wrapper = mount(MeasureTrend, { props: { measure }, global: { plugins: [await i18nFor('en')] } })
    const svg = wrapper.get('svg[role="img"]')
    expect(svg.attributes('aria-label')).toBe('From 160 on 1 September 2026 to 171 on 15 January 2027 (up)')
    expect(svg.get('polyline').attributes('points')).toBe('2,26 118,2')
    const rows = wrapper.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([
      ['15 January 2027', '171', 'After the open day'],
      ['1 September 2026', '160', ''],
    ])
    // Who checked in is not shown to readers of the plan.
    expect(wrapper.text()).not.toContain('u-lead')
  })

  it('speaks Welsh in Welsh', async () => {
    const wrapper = mount(MeasureTrend, { props: { measure }, global: { plugins: [await i18nFor('cy')] } })
    expect(wrapper.get('svg').attributes('aria-label')).toMatch(/^O 160 ar .* i 171 ar .* \(i fyny\)$/)
  })

  it('shows nothing for a measure without check-ins', async () => {
    const wrapper = mount(MeasureTrend, { props: { measure: { id: 'm2', text: 'Tours' } }, global: { plugins: [await i18nFor('en')] } })
    expect(wrapper.find('svg').exists()).toBe(false)
  })
})

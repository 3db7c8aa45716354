// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanAction, RagChange } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import PlanPanels from './PlanPanels.vue'
import type { DashboardLocal } from './use-dashboard'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const action = (id: string, themes: PlanAction['themes']): PlanAction => ({
  ...meta,
  id,
  planId: 'p1',
  code: 'V1',
  themes,
  activity: 'x',
  measures: [],
  timeframe: '',
  owner: '',
})
const local: DashboardLocal = {
  institution: null,
  planTitle: 'Our plan',
  actions: [action('a1', ['visibility']), action('a2', ['career'])],
  changes: [{ ...meta, id: 'r1', actionId: 'a1', status: 'green', rationale: '', at: 1, byUid: 'lead' } as RagChange],
  ideas: [],
  comments: [],
  votes: [],
  cached: null,
}

afterEach(async () => {
  await i18nFor('en')
})

describe('PlanPanels', () => {
  it('names themes and RAG in English', async () => {
    const text = mount(PlanPanels, { props: { local }, global: { plugins: [await i18nFor('en')] } }).text()
    expect(text).toContain('Action plan: RAG by theme')
    expect(text).toContain('Visibility')
    expect(text).toContain('1 Green')
    expect(text).toContain('Career development')
    expect(text).toContain('0 members have proposed, commented or voted.')
  })

  it('names themes, RAG and months in Welsh', async () => {
    const text = mount(PlanPanels, { props: { local }, global: { plugins: [await i18nFor('cy')] } }).text()
    expect(text).toContain('Cynllun gweithredu: RAG fesul thema')
    expect(text).toContain('Gwelededd')
    expect(text).toContain('1 Gwyrdd')
    expect(text).toContain('Datblygu gyrfa')
    expect(text).toContain('Syniadau a gynigiwyd')
    expect(text).not.toContain('Visibility')
  })

  it('shows each success measure with check-ins as a small trend, in code order, in the language shown', async () => {
    const measured = (id: string, code: string, values: [number, string][]): PlanAction => ({
      ...action(id, ['visibility']),
      code,
      measures: [
        {
          id: `${id}-m`,
          text: `Measure of ${code}`,
          textCy: `Mesur ${code}`,
          checkIns: values.map(([value, date], i) => ({ id: `${id}-c${i}`, value, date, byUid: 'lead' })),
        },
        { id: `${id}-none`, text: 'Never read' },
      ],
    })
    const withReadings = {
      ...local,
      actions: [
        measured('a3', 'R2', [[3, '2026-09-01']]),
        measured('a4', 'V2', [
          [160, '2026-09-01'],
          [171, '2027-01-15'],
        ]),
      ],
    }
    const en = mount(PlanPanels, { props: { local: withReadings }, global: { plugins: [await i18nFor('en')] } })
    const section = en.get('section[aria-labelledby="dash-measures"]')
    expect(section.get('h2').text()).toBe('Success measures over time')
    expect(section.findAll('h3').map((h) => h.text())).toEqual(['V2: Measure of V2', 'R2: Measure of R2'])
    expect(section.findAll('svg[role="img"]')[0]!.attributes('aria-label')).toBe(
      'From 160 on 1 September 2026 to 171 on 15 January 2027 (up)',
    )
    expect(section.text()).not.toContain('Never read')
    const cy = mount(PlanPanels, { props: { local: withReadings }, global: { plugins: [await i18nFor('cy')] } })
    expect(cy.get('section[aria-labelledby="dash-measures"] h3').text()).toBe('V2: Mesur V2')
    // No check-ins anywhere: no section.
    expect(
      mount(PlanPanels, { props: { local }, global: { plugins: [await i18nFor('en')] } })
        .find('#dash-measures')
        .exists(),
    ).toBe(false)
  })
})

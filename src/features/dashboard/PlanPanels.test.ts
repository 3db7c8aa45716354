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
})

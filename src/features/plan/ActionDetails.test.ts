// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanAction } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import { plan as planFixture } from '../../../tests/support/rule-fixtures'
import ActionDetails from './ActionDetails.vue'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const plan = planFixture('p1')
const action: PlanAction = {
  ...meta,
  id: 'a1',
  planId: 'p1',
  code: 'V1',
  themes: ['visibility'],
  activity: 'Grow the Teams channel',
  activityCy: 'Tyfu’r sianel Teams',
  outputs: 'Monthly posts',
  measures: [
    { id: 'm1', text: 'Teams members 148 → 180', textCy: 'Aelodau Teams 148 → 180', baseline: 148, target: 180, current: 160 },
    { id: 'm2', text: 'Tours each term' },
  ],
  timeframe: '',
  owner: '',
}

async function render(locale: 'en' | 'cy') {
  return mount(ActionDetails, {
    props: { action, plan, parent: null, children: [], feeds: {} },
    global: { plugins: [await i18nFor(locale)] },
  })
}

afterEach(async () => {
  await i18nFor('en')
})

describe('ActionDetails', () => {
  it('shows the English activity and measures in English', async () => {
    const text = (await render('en')).text()
    expect(text).toContain('Grow the Teams channel')
    expect(text).toContain('Teams members 148 → 180')
    expect(text).toContain('Monthly posts')
    expect(text).toContain('Success measures')
    expect(text).not.toContain('Tyfu’r sianel Teams')
  })

  it('shows the Welsh activity and measure in Welsh, the English where no Welsh is written', async () => {
    const wrapper = await render('cy')
    const text = wrapper.text()
    expect(text).toContain('Tyfu’r sianel Teams')
    expect(text).not.toContain('Grow the Teams channel')
    expect(text).toContain('Aelodau Teams 148 → 180')
    expect(text).toContain('Tours each term')
    expect(text).toContain('Monthly posts')
    expect(text).toContain('Mesurau llwyddiant')
    expect(text).toContain('Gwelededd')
    expect(wrapper.get('[role="progressbar"]').attributes('aria-label')).toBe('Cynnydd: Aelodau Teams 148 → 180')
  })
})

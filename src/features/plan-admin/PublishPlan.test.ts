// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionPlan } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import { plan as planFixture } from '../../../tests/support/rule-fixtures'
import PublishPlan from './PublishPlan.vue'

const publishPlan = vi.fn()
vi.mock('@/platform/load', () => ({ loadPlatform: async () => ({ plan: { publishPlan } }) }))

const plan = planFixture('p1', { title: 'Plan 2026–2029' })
const URL_ = 'http://127.0.0.1:5001/demo/europe-west2/publicPlan/inst'

async function panel(props: { current: ActionPlan | null; planUrl?: string }, locale: 'en' | 'cy' = 'en') {
  return mount(PublishPlan, { props, global: { plugins: [await i18nFor(locale)] } })
}

beforeEach(() => publishPlan.mockReset())

describe('PublishPlan', () => {
  it('publishes the current plan and shows the page’s address as a link', async () => {
    publishPlan.mockResolvedValue({ ok: true, url: URL_, publishedAt: 1, actions: 3 })
    const wrapper = await panel({ current: plan })
    expect(wrapper.text()).toContain('Publishes the current published plan, “Plan 2026–2029”.')
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(publishPlan).toHaveBeenCalledTimes(1)
    const status = wrapper.get('[role="status"]')
    expect(status.text()).toBe(`Published at ${URL_}`)
    expect(status.get('a').attributes('href')).toBe(URL_)
  })

  it('shows the address already published, and offers nothing without a published plan', async () => {
    const wrapper = await panel({ current: null, planUrl: URL_ })
    expect(wrapper.get('button').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Set a plan’s status to Published first')
    expect(wrapper.get('[role="status"]').text()).toBe(`Published plan page: ${URL_}`)
  })

  it('words a refusal in the language shown, never a code', async () => {
    publishPlan.mockResolvedValue({ ok: false, offline: false, code: 'forbidden' })
    const wrapper = await panel({ current: plan }, 'cy')
    expect(wrapper.get('button').text()).toBe('Cyhoeddi’r cynllun')
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Dim ond arweinwyr sefydliadol sy’n gallu cyhoeddi’r cynllun.')
    publishPlan.mockResolvedValue({ ok: false, offline: true, code: 'offline' })
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('Rydych chi all-lein')
    publishPlan.mockResolvedValue({ ok: false, offline: false, code: 'internal' })
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Nid oedd modd cyhoeddi’r cynllun. Rhowch gynnig arall arni yn nes ymlaen.')
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { RagChange } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import RagHistory from './RagHistory.vue'

/** Local times, so the test reads the same in any time zone. */
const history = [
  { id: 'c1', status: 'amber', rationale: 'Waiting for the supplier', at: new Date(2026, 10, 23, 9, 5).getTime() },
  { id: 'c2', status: 'green', rationale: '', at: new Date(2026, 10, 23, 14, 40).getTime() },
] as unknown as RagChange[]

afterEach(async () => {
  await i18nFor('en')
})

describe('RagHistory', () => {
  it('shows the time of each change as well as the day, so two changes on one day are told apart', async () => {
    const wrapper = mount(RagHistory, { props: { history }, global: { plugins: [await i18nFor('en')] } })
    const times = wrapper.findAll('time').map((el) => el.text())
    expect(times).toEqual(['23 November 2026 at 14:40', '23 November 2026 at 09:05'])
  })

  it('gives the machine-readable time too', async () => {
    const wrapper = mount(RagHistory, { props: { history }, global: { plugins: [await i18nFor('en')] } })
    const datetime = wrapper.get('time').attributes('datetime')
    expect(new Date(datetime!).getTime()).toBe(history[1]!.at)
  })

  it('words it in Welsh in Welsh', async () => {
    const wrapper = mount(RagHistory, { props: { history }, global: { plugins: [await i18nFor('cy')] } })
    expect(wrapper.get('time').text()).toBe('23 Tachwedd 2026 am 14:40')
  })
})

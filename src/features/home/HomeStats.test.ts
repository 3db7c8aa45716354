// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import HomeStats from './HomeStats.vue'

const RouterLink = { template: '<a><slot /></a>' }

describe('HomeStats', () => {
  it('says its counts in English', async () => {
    const wrapper = mount(HomeStats, { global: { plugins: [await i18nFor('en')], stubs: { RouterLink } } })
    await flushPromises()
    expect(wrapper.get('h2').text()).toBe('At a glance')
    expect(wrapper.text()).toContain('0 hours')
    expect(wrapper.text()).toContain('of CPD logged this year')
    expect(wrapper.text()).toContain('open surveys')
  })

  it('says them in Welsh', async () => {
    const wrapper = mount(HomeStats, { global: { plugins: [await i18nFor('cy')], stubs: { RouterLink } } })
    await flushPromises()
    expect(wrapper.get('h2').text()).toBe('Cipolwg')
    expect(wrapper.text()).toContain('0 awr')
    expect(wrapper.text()).toContain('newid yn aros i gysoni')
  })
})

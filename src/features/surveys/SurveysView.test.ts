// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import { routerAt } from '../../../tests/support/router'
import SurveysView from './SurveysView.vue'

describe('SurveysView', { timeout: 30_000 }, () => {
  it('says no survey is open only once the device has been read', async () => {
    const router = await routerAt('/surveys', [
      { path: '/surveys', name: 'surveys', component: SurveysView },
      { path: '/surveys/:id', name: 'survey-answer' },
    ])
    const wrapper = mount(SurveysView, { global: { plugins: [router, createPinia(), await i18nFor('en')] } })
    // Before the read answers: the heading, and no claim either way.
    expect(wrapper.get('h1').text()).toBe('Surveys')
    expect(wrapper.text()).not.toContain('No surveys are open')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.text()).toContain('No surveys are open right now.')
    })
  })
})

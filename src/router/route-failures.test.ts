// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h, ref } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import RouteFailed from '@/features/shell/RouteFailed.vue'
import { i18nFor } from '../../tests/support/i18n'
import { followRouteFailures } from './route-failures'

const Page = (name: string) => ({ render: () => h('h1', name) })

/** The shell's choice (App.vue): the failure when there is one, else the page. */
const Shell = (failed: { value: string | null }) => ({
  setup: () => () => (failed.value ? h(RouteFailed, { path: failed.value }) : h(RouterView)),
})

describe('followRouteFailures', () => {
  it('shows "did not load" with a link to the address when a page’s code cannot be fetched, and the page once one loads', async () => {
    let fail = true
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: Page('Home') },
        {
          path: '/plan',
          component: () =>
            fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(Page('Action plan')),
        },
      ],
    })
    const failed = ref<string | null>(null)
    followRouteFailures(router, (path) => (failed.value = path))
    await router.push('/plan?theme=v').catch(() => undefined)
    const wrapper = mount(Shell(failed), { global: { plugins: [router, await i18nFor('cy')] } })
    expect(wrapper.get('h1').text()).toBe('Ni lwythodd y dudalen hon')
    expect(wrapper.get('a').attributes('href')).toBe('/plan?theme=v')
    expect(wrapper.get('a').text()).toBe('Rhoi cynnig arall arni')

    fail = false
    await router.push('/')
    await wrapper.vm.$nextTick()
    expect(wrapper.get('h1').text()).toBe('Home')
  })

  it('a guard that cannot load the page’s words counts as a failure too; a navigation a guard cancels does not', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: Page('Home') },
        { path: '/cpd', component: Page('CPD') },
      ],
    })
    router.beforeResolve((to) => (to.path === '/cpd' ? Promise.reject(new Error('messages chunk: network error')) : true))
    const reports: (string | null)[] = []
    followRouteFailures(router, (path) => reports.push(path))
    await router.push('/')
    await router.push('/cpd').catch(() => undefined)
    // Cancelled by a guard (a failure of the navigation, not of a fetch): nothing to report.
    router.beforeEach((to) => (to.path === '/cpd' ? false : true))
    await router.push('/cpd')
    expect(reports).toEqual([null, '/cpd'])
  })
})

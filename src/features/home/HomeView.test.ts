// @vitest-environment happy-dom
/**
 * Issue 17: the signed-out Home says what the app is and offers the way in (create an account, or
 * sign in); after an account is deleted, Home (where the person lands) says so.
 */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import { i18nFor } from '../../../tests/support/i18n'
import { sessionFor } from '../../../tests/support/people'
import HomeView from './HomeView.vue'

const Blank = { template: '<p />' }

async function open(locale: 'en' | 'cy' = 'en') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Blank },
      { path: '/account', name: 'account', component: Blank },
    ],
  })
  await router.push('/')
  // The cards read the local database: not what these tests are about.
  return mount(HomeView, { global: { plugins: [router, await i18nFor(locale)], stubs: { SettledGroup: true, LanguageSwitch: true } } })
}

beforeEach(() => setActivePinia(createPinia()))

describe('Home, signed out', () => {
  // The stored session has been looked for (src/modules/background restores it after first paint).
  beforeEach(() => {
    useSessionStore().ready = true
  })

  it('says what the app is and leads to a new account or the sign-in', async () => {
    const w = await open()
    const start = w.get('section[aria-labelledby="get-started"]')
    expect(start.get('h2').text()).toBe('Get started')
    expect(start.text()).toContain(
      'Technician Hub is the Technician Commitment app for technicians at UK universities and research institutes',
    )
    const links = start.findAll('a').map((a) => [a.text(), a.attributes('href')])
    expect(links).toEqual([
      ['Create an account', '/account?create=1'],
      ['Sign in', '/account'],
    ])
  })

  it('says it in Welsh', async () => {
    const w = await open('cy')
    expect(w.findAll('section a').map((a) => a.text())).toEqual(['Creu cyfrif', 'Mewngofnodi'])
    expect(w.text()).toContain('Hwb Technegwyr yw ap yr Ymrwymiad Technegwyr')
  })

  it('offers no way in until the stored session is restored, so a signed-in person never sees one come and go', async () => {
    useSessionStore().ready = false
    const w = await open()
    expect(w.find('section[aria-labelledby="get-started"]').exists()).toBe(false)
    useSessionStore().ready = true
    await w.vm.$nextTick()
    expect(w.find('section[aria-labelledby="get-started"]').exists()).toBe(true)
  })

  it('offers no way in to someone signed in', async () => {
    useSessionStore().session = sessionFor()
    const w = await open()
    expect(w.find('section[aria-labelledby="get-started"]').exists()).toBe(false)
  })

  it('says the account and its data were deleted, when that is how the person got here', async () => {
    useSessionStore().notice = 'account-deleted'
    expect((await open()).get('[role="status"]').text()).toBe('Your account and data have been deleted.')
    expect((await open('cy')).get('[role="status"]').text()).toBe('Mae eich cyfrif a’ch data wedi’u dileu.')
  })
})

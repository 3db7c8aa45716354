// @vitest-environment happy-dom
/** Issue 15: the header's count of unread notifications, for screen readers and on the app icon. */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { useSessionStore } from '@/stores/session'
import { i18nFor } from '../../../tests/support/i18n'
import { sessionFor } from '../../../tests/support/people'
import NotificationsLink from './NotificationsLink.vue'

vi.mock('vue-router', () => ({ RouterLink: { props: ['to'], template: '<a href="/inbox"><slot /></a>' } }))
const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const note = (id: string, readAt: number | null) => ({
  ...meta,
  id,
  kind: 'survey.opened' as const,
  params: { title: 'Pulse' },
  link: '/surveys/s1',
  createdAt: 1,
  readAt,
})

const setAppBadge = vi.fn(async () => undefined)
const clearAppBadge = vi.fn(async () => undefined)

beforeEach(async () => {
  setActivePinia(createPinia())
  Object.assign(navigator, { setAppBadge, clearAppBadge })
  setAppBadge.mockClear()
  clearAppBadge.mockClear()
  await db.notifications.clear()
  await db.notifications.bulkPut([note('a', null), note('b', null), note('c', 3)])
})

describe('the notifications link', () => {
  it('says how many are unread and puts the count on the app icon, following changes', async () => {
    useSessionStore().session = sessionFor()
    const w = mount(NotificationsLink, { global: { plugins: [await i18nFor('en')] } })
    // The first count waits for the lazily imported local database (slow on a busy machine).
    await vi.waitFor(() => expect(w.get('a').attributes('aria-label')).toBe('Notifications, 2 unread'), { timeout: 20_000 })
    expect(w.get('a').text()).toBe('2')
    await vi.waitFor(() => expect(setAppBadge).toHaveBeenLastCalledWith(2))

    await db.notifications.bulkPut([note('a', 5), note('b', 6)])
    await vi.waitFor(() => expect(w.get('a').attributes('aria-label')).toBe('Notifications'))
    await vi.waitFor(() => expect(clearAppBadge).toHaveBeenCalled())
    w.unmount()
  })

  it('is not there for nobody signed in, and reads in Welsh', async () => {
    const w = mount(NotificationsLink, { global: { plugins: [await i18nFor('cy')] } })
    expect(w.find('a').exists()).toBe(false)
    useSessionStore().session = sessionFor()
    await vi.waitFor(() => expect(w.get('a').attributes('aria-label')).toBe('Hysbysiadau, 2 heb eu darllen'), { timeout: 20_000 })
    w.unmount()
  })
})

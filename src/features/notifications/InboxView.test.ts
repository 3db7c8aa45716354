// @vitest-environment happy-dom
/** Issue 15: the inbox lists the member's notifications from the device, newest first, and marks them read. */
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import type { Notification } from '@/domain/notifications'
import { i18nFor } from '../../../tests/support/i18n'
import { signIn } from '../../../tests/support/people'
import InboxView from './InboxView.vue'
import { routerAt } from '../../../tests/support/router'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const note = (id: string, createdAt: number, fields: Partial<Notification> = {}): Notification => ({
  ...meta,
  id,
  kind: 'request.received',
  params: { name: 'Aisha Patel', skill: 'PCR' },
  link: '/requests',
  createdAt,
  readAt: null,
  ...fields,
})

async function open(locale: 'en' | 'cy' = 'en') {
  const router = await routerAt('/inbox', [
    { path: '/inbox', name: 'inbox' },
    { path: '/inbox/settings', name: 'inbox-settings' },
    { path: '/account', name: 'account' },
    { path: '/:rest(.*)*' },
  ])
  const i18n = await i18nFor(locale)
  const w = mount(InboxView, { global: { plugins: [router, i18n] } })
  const loading = (i18n.global.t as (key: string) => string)('notifications.loading')
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.text()).not.toContain(loading)
  })
  return { w, router }
}

beforeEach(async () => {
  vi.spyOn(signIn(), 'init').mockResolvedValue()
  await Promise.all([db.notifications.clear(), db.outbox.clear()])
})

describe('the inbox', () => {
  it('lists notifications newest first, unread marked, each linking to its screen', async () => {
    await db.notifications.bulkPut([
      note('old', Date.UTC(2026, 10, 1, 9), { readAt: Date.UTC(2026, 10, 1, 10) }),
      note('new', Date.UTC(2026, 10, 3, 9), { kind: 'survey.opened', params: { title: 'Pulse' }, link: '/surveys/s1' }),
      note('gone', Date.UTC(2026, 10, 4, 9), { deleted: true }),
    ])
    const { w } = await open()
    const items = w.findAll('li a')
    expect(items.map((a) => a.attributes('href'))).toEqual(['/surveys/s1', '/requests'])
    expect(items[0]!.text()).toContain('A survey is open to you: Pulse')
    expect(items[0]!.text()).toContain('Unread')
    expect(items[1]!.text()).toContain('Aisha Patel asked to learn PCR from you')
    expect(items[1]!.text()).not.toContain('Unread')
  })

  it('marks one read when it is opened, and all with one tap; each change is queued for sync', async () => {
    await db.notifications.bulkPut([note('a', 1), note('b', 2), note('c', 3, { readAt: 5 })])
    const { w, router } = await open()
    // Newest first: c, b, a.
    await w.findAll('li a')[2]!.trigger('click')
    await vi.waitFor(async () => expect((await db.notifications.get('a'))?.readAt).toEqual(expect.any(Number)))
    expect(router.currentRoute.value.path).toBe('/requests')
    expect((await db.notifications.get('b'))?.readAt).toBeNull()

    const button = w.get('button')
    expect(button.text()).toBe('Mark all as read')
    await button.trigger('click')
    await vi.waitFor(async () => expect((await db.notifications.toArray()).every((n) => n.readAt !== null)).toBe(true))
    expect((await db.notifications.get('c'))?.readAt).toBe(5)
    await vi.waitFor(() => expect(w.get('[role="status"]').text()).toBe('All marked as read.'))
    expect(w.get('button').attributes('disabled')).toBeDefined()
    const queued = await db.outbox.toArray()
    expect(queued.map((m) => [m.collection, m.docId]).sort()).toEqual([
      ['notifications', 'a'],
      ['notifications', 'b'],
    ])
  })

  it('says so when there is nothing, in Welsh too', async () => {
    const { w } = await open('cy')
    expect(w.get('h1').text()).toBe('Hysbysiadau')
    expect(w.text()).toContain('Dim byd eto.')
  })
})

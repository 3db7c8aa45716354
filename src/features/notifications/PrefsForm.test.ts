// @vitest-environment happy-dom
/** Issue 15: per-kind delivery and quiet hours are saved on the device and queued for sync. */
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { i18nFor } from '../../../tests/support/i18n'
import PrefsForm from './PrefsForm.vue'

beforeEach(async () => {
  await Promise.all([db.notificationPrefs.clear(), db.outbox.clear()])
})

async function open(locale: 'en' | 'cy' = 'en') {
  return mount(PrefsForm, { props: { prefs: null }, global: { plugins: [await i18nFor(locale)] }, attachTo: document.body })
}

describe('notification settings', () => {
  it('saves each kind’s choice and quiet hours, in the device’s time zone', async () => {
    const w = await open()
    const group = w.findAll('fieldset').find((f) => f.get('legend').text() === 'An action you own changes RAG status')!
    expect(group.findAll('label').map((l) => l.text())).toEqual(['Inbox only', 'Inbox and push', 'Off'])
    expect((group.findAll('input')[0]!.element as HTMLInputElement).checked).toBe(true)
    await group.findAll('input')[2]!.setValue(true)
    await w.get('input[type="checkbox"]').setValue(true)
    const [from, until] = w.findAll('input[type="time"]')
    await from!.setValue('21:30')
    await until!.setValue('06:45')
    await w.get('form').trigger('submit')
    await vi.waitFor(async () => expect(await db.notificationPrefs.get('prefs')).toBeDefined())
    const saved = (await db.notificationPrefs.get('prefs'))!
    expect(saved.kinds['action.rag']).toBe('off')
    expect(saved.kinds['request.received']).toBe('push')
    expect(saved.quiet).toEqual({ start: '21:30', end: '06:45' })
    expect(saved.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    expect((await db.outbox.toArray()).map((m) => [m.collection, m.docId])).toEqual([['notificationPrefs', 'prefs']])
    await vi.waitFor(() => expect(w.get('[role="status"]').text()).toBe('Settings saved on this device.'))
    w.unmount()
  })

  it('refuses quiet hours that start and end at the same time, at the field, in Welsh', async () => {
    const w = await open('cy')
    await w.get('input[type="checkbox"]').setValue(true)
    const [from, until] = w.findAll('input[type="time"]')
    await from!.setValue('07:00')
    await until!.setValue('07:00')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.text()).toContain('Dewiswch amseroedd gwahanol ar gyfer y dechrau a’r diwedd.')
    expect(until!.attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(until!.element)
    expect(await db.notificationPrefs.count()).toBe(0)
    w.unmount()
  })
})

// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, type Rejection } from '@/db/database'
import { problem } from '@/domain/problems'
import { i18nFor } from '../../../tests/support/i18n'
import SyncPanel from './SyncPanel.vue'

const base: Omit<Rejection, 'mutationId' | 'code' | 'message'> = { collection: 'cpd', docId: 'c1', at: 1, payload: { title: 'x' } }

beforeEach(async () => {
  setActivePinia(createPinia())
  await db.rejections.clear()
})
afterEach(async () => {
  await db.rejections.clear()
})

/** The panel's rejection lines once `rejections` are on this device. */
async function shown(rejections: Rejection[], locale: 'en' | 'cy') {
  await db.rejections.bulkAdd(rejections)
  const wrapper = mount(SyncPanel, { global: { plugins: [await i18nFor(locale)] } })
  await vi.waitFor(() => expect(wrapper.findAll('.rejection')).toHaveLength(rejections.length))
  await flushPromises()
  return wrapper.findAll('.rejection p').map((p) => p.text())
}

describe('the sync panel’s refused changes', () => {
  it('words each reason from its code in the language shown', async () => {
    const lines = await shown(
      [
        { ...base, mutationId: 'm1', code: 'invalid', message: problem('tooLong', { label: 'title', max: 160 }), field: 'title' },
        { ...base, mutationId: 'm2', code: 'forbidden', message: problem('leadOnly', { field: 'status' }) },
      ],
      'cy',
    )
    expect(lines.map((l) => l.slice(l.indexOf(':') + 2))).toEqual(['Teitl: dim mwy na 160 nod', 'Dim ond arweinydd all newid hyn'])
  })

  it('never shows a raw code or an old English reason: the code’s words, else the generic message', async () => {
    const lines = await shown(
      [
        { ...base, mutationId: 'm1', code: 'forbidden', message: 'You are not allowed to change this' },
        { ...base, mutationId: 'm2', code: 'invalid', message: 'brandNewCode {"n":1}' },
      ],
      'en',
    )
    expect(lines.map((l) => l.slice(l.indexOf(':') + 2))).toEqual(['You are not allowed to do this', 'This value is not valid'])
  })
})

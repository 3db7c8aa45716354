import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { db } from '@/db/database'
import { repos } from '@/db/repos'
import { i18nFor } from '../../../tests/support/i18n'
import { request } from '../../../tests/support/rule-fixtures'
import { useCpdEditor } from './use-cpd-editor'

beforeAll(async () => {
  await i18nFor('en')
})

async function editor(id: string | null, query: Record<string, unknown> = {}) {
  const scope = effectScope()
  const state = scope.run(() => useCpdEditor({ id: ref(id), query: () => query, uid: () => 'me', autosaveMs: 10 }))!
  // Loaded (or found missing): autosave listens from here on.
  await vi.waitFor(() => expect(state.state.value).not.toBe('loading'))
  return { state, stop: () => scope.stop() }
}

beforeEach(async () => {
  await Promise.all([db.drafts.clear(), db.cpd.clear(), db.outbox.clear(), db.evidenceBlobs.clear(), db.requests.clear()])
})

describe('useCpdEditor', () => {
  it('saves a draft as the form changes and restores it next time', async () => {
    const first = await editor(null, { template: 'course' })
    expect(first.state.values.title).toBe('Course: ')
    first.state.values.title = 'Course: radiation protection'
    await nextTick()
    await vi.waitFor(async () =>
      expect((await db.drafts.get('cpd:new'))?.value).toMatchObject({ values: { title: 'Course: radiation protection' } }),
    )
    first.stop()

    const second = await editor(null, { template: 'course' })
    expect(second.state.values.title).toBe('Course: radiation protection')
    expect(second.state.restoredAt.value).toEqual(expect.any(Number))
    await second.state.discardDraft()
    await vi.waitFor(() => expect(second.state.values.title).toBe('Course: '))
    await vi.waitFor(async () => expect(await db.drafts.get('cpd:new')).toBeUndefined())
    second.stop()
  })

  it('keeps no draft for a form nobody changed, and none once changes are undone', async () => {
    const entry = await repos.cpd.create({
      title: 'Course',
      startDate: '2026-10-01',
      hours: 2,
      type: 'formal',
      skillIds: [],
      evidenceIds: [],
      requestId: 'req-1',
    })
    const open = await editor(entry.id)
    expect(open.state.values).toMatchObject({ title: 'Course', hours: '2', requestId: 'req-1' })
    await open.state.flushDraft()
    expect(await db.drafts.get(`cpd:${entry.id}`)).toBeUndefined()
    open.state.values.hours = '3'
    await open.state.flushDraft()
    expect(await db.drafts.get(`cpd:${entry.id}`)).toBeDefined()
    open.state.values.hours = '2'
    await open.state.flushDraft()
    expect(await db.drafts.get(`cpd:${entry.id}`)).toBeUndefined()
    open.stop()
  })

  it('prefills from a completed skill-share session the member took part in', async () => {
    await db.requests.put(
      request('req-9', {
        learnerUid: 'me',
        teacherUid: 'them',
        state: 'completed',
        history: { pending: 1, completed: new Date(2026, 10, 20, 12).getTime() },
      }),
    )
    const open = await editor(null, { request: 'req-9' })
    expect(open.state.values).toMatchObject({
      title: 'PCR: shadowing with a colleague',
      startDate: '2026-11-20',
      type: 'work-based',
      skillIds: ['pcr'],
      requestId: 'req-9',
    })
    open.stop()
  })

  it('says when an entry is not on this device', async () => {
    const open = await editor('no-such-entry')
    expect(open.state.state.value).toBe('missing')
    open.stop()
  })
})

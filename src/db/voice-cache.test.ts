import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Survey } from '@/domain/entities'
import { createDb, type HubDb } from './database'
import { readCachedVoice, refreshVoice } from './voice-cache'

let db: HubDb

beforeEach(() => {
  db = createDb(`voice-${crypto.randomUUID()}`)
})

const survey = (id: string, status: Survey['status'], opensAt: string, deleted = false) =>
  ({
    id,
    updatedAt: 1,
    version: 1,
    deleted,
    lastMutationId: null,
    title: `Survey ${id}`,
    status,
    opensAt,
    closesAt: '2027-01-01',
  }) as Survey

describe('refreshVoice', () => {
  it('keeps each open or closed survey’s themes on the device, newest first, leaving out drafts and a survey the server refuses', async () => {
    await db.surveys.bulkPut([
      survey('old', 'closed', '2025-01-01'),
      survey('new', 'open', '2026-06-01'),
      survey('draft', 'draft', '2026-07-01'),
      survey('refused', 'closed', '2026-01-01'),
      survey('gone', 'closed', '2026-02-01', true),
    ])
    const fetchTexts = vi.fn(async (id: string) => {
      if (id === 'refused') throw new Error('fewer than 5')
      return { entries: [{ key: 'k', text: `Answer to ${id}`, count: 5 }], themes: [{ name: `Theme of ${id}`, keys: ['k'] }] }
    })
    expect(await readCachedVoice(db)).toBeNull()
    await refreshVoice(db, fetchTexts, 42)
    expect(fetchTexts.mock.calls.map(([id]) => id).sort()).toEqual(['new', 'old', 'refused'])
    expect(await readCachedVoice(db)).toEqual({
      fetchedAt: 42,
      surveys: [
        { surveyId: 'new', title: 'Survey new', themes: [{ name: 'Theme of new', count: 5, quotes: ['Answer to new'] }] },
        { surveyId: 'old', title: 'Survey old', themes: [{ name: 'Theme of old', count: 5, quotes: ['Answer to old'] }] },
      ],
    })
  })

  it('throws (keeping the last themes) when every fetch failed, e.g. offline', async () => {
    await db.surveys.put(survey('s', 'closed', '2026-01-01'))
    await refreshVoice(db, async () => ({ entries: [], themes: [] }), 1)
    await expect(refreshVoice(db, () => Promise.reject(new Error('offline')), 2)).rejects.toThrow('offline')
    expect(await readCachedVoice(db)).toEqual({ fetchedAt: 1, surveys: [] })
  })
  it('a survey whose fetch fails this time keeps its last themes; the others are refreshed', async () => {
    await db.surveys.bulkPut([survey('slow', 'closed', '2026-01-01'), survey('quick', 'open', '2026-06-01')])
    const texts = (id: string, theme: string) => ({
      entries: [{ key: 'k', text: `Answer to ${id}`, count: 5 }],
      themes: [{ name: theme, keys: ['k'] }],
    })
    await refreshVoice(db, async (id) => texts(id, `First ${id}`), 1)
    await refreshVoice(db, async (id) => (id === 'slow' ? Promise.reject(new Error('deadline-exceeded')) : texts(id, `Second ${id}`)), 2)
    expect((await readCachedVoice(db))?.surveys.map((s) => [s.surveyId, s.themes[0]?.name])).toEqual([
      ['quick', 'Second quick'],
      ['slow', 'First slow'],
    ])
  })
})

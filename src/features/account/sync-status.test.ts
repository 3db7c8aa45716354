import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { syncStatusText, type SyncStatusInput } from '@/sync/status'
import { i18nFor } from '../../../tests/support/i18n'
import { syncStatusWords, type Words } from './sync-status'

const t: Words = (key, named, plural) => i18n.global.t(key, named, plural)
const now = 1_800_000_000_000
const cases: SyncStatusInput[] = [
  { phase: 'signed-out', pending: 0, rejected: 0, lastSyncedAt: null, now },
  { phase: 'signed-out', pending: 1, rejected: 0, lastSyncedAt: null, now },
  { phase: 'offline', pending: 3, rejected: 1, lastSyncedAt: now - 5 * 60_000, now },
  { phase: 'offline', pending: 0, rejected: 0, lastSyncedAt: null, now },
  { phase: 'error', pending: 2, rejected: 2, lastSyncedAt: null, now },
  { phase: 'syncing', pending: 0, rejected: 0, lastSyncedAt: null, now },
  { phase: 'syncing', pending: 4, rejected: 0, lastSyncedAt: null, now },
  { phase: 'idle', pending: 1, rejected: 1, lastSyncedAt: now, now },
  { phase: 'idle', pending: 0, rejected: 0, lastSyncedAt: now - 3 * 3_600_000, now },
  { phase: 'idle', pending: 0, rejected: 0, lastSyncedAt: now - 1 * 86_400_000, now },
  { phase: 'idle', pending: 0, rejected: 0, lastSyncedAt: now - 2 * 86_400_000, now },
  { phase: 'idle', pending: 0, rejected: 0, lastSyncedAt: now - 30_000, now },
]

describe('syncStatusWords', () => {
  it('says in English exactly what the status line said before', async () => {
    await i18nFor('en')
    for (const s of cases) expect(syncStatusWords(s, t)).toBe(syncStatusText(s))
  })

  it('says it in Welsh', async () => {
    await i18nFor('cy')
    expect(syncStatusWords(cases[2]!, t)).toBe('All-lein · 3 newid yn aros · cysonwyd ddiwethaf 5 mun yn ôl · 1 newid heb ei dderbyn')
    expect(syncStatusWords(cases[8]!, t)).toBe('Pob newid wedi’i gadw · cysonwyd ddiwethaf 3 awr yn ôl')
    expect(syncStatusWords(cases[1]!, t)).toBe('1 newid yn aros — mewngofnodwch i gysoni')
  })
})

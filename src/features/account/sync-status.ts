/**
 * The one-line sync status in the language shown: "All changes saved · last synced 2 min ago",
 * "3 changes waiting — sign in to sync"… (the same states as src/sync/status.ts, worded by `t`).
 */
import type { SyncStatusInput } from '@/sync/status'

/** vue-i18n's `t` (named values, then a plural count). */
export type Words = (key: string, named: Record<string, unknown>, plural: number) => string

export function syncStatusWords(s: SyncStatusInput, t: Words): string {
  const w = (key: string, named: Record<string, unknown> = {}, plural = 1) => t(`account.sync.status.${key}`, named, plural)
  const waiting = w('waiting', { n: s.pending }, s.pending)
  const problem = s.rejected > 0 ? ` · ${w('notAccepted', { n: s.rejected }, s.rejected)}` : ''
  const lastSynced = s.lastSyncedAt === null ? '' : ` · ${w('lastSynced', { when: ago(s.now - s.lastSyncedAt, w) })}`
  if (s.phase === 'signed-out') return s.pending > 0 ? w('signInToSync', { waiting }) : w('savedHere')
  if (s.phase === 'offline') return `${s.pending > 0 ? w('offlineWaiting', { waiting }) : w('offline')}${lastSynced}${problem}`
  if (s.phase === 'error') return `${s.pending > 0 ? `${waiting} · ` : ''}${w('problem')}${problem}`
  if (s.phase === 'syncing') return s.pending > 0 ? w('syncingWaiting', { waiting }) : w('syncing')
  if (s.pending > 0) return `${waiting}${problem}`
  return `${w('allSaved')}${lastSynced}${problem}`
}

/** "just now", "2 min ago", "3 h ago", "2 days ago". */
function ago(ms: number, w: (key: string, named?: Record<string, unknown>, plural?: number) => string): string {
  const min = Math.floor(ms / 60_000)
  if (min < 1) return w('justNow')
  if (min < 60) return w('minAgo', { n: min })
  const h = Math.floor(min / 60)
  if (h < 24) return w('hoursAgo', { n: h })
  const d = Math.floor(h / 24)
  return w('daysAgo', { n: d }, d)
}

/** The one-line sync status people see: saved, waiting, offline, or last synced. */

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out'

export interface SyncStatusInput {
  phase: SyncPhase
  pending: number
  rejected: number
  lastSyncedAt: number | null
  now: number
}

/** "All changes saved", "3 changes waiting", "Last synced 2 min ago"… */
export function syncStatusText(s: SyncStatusInput): string {
  const waiting = s.pending === 1 ? '1 change waiting' : `${s.pending} changes waiting`
  const problem = s.rejected > 0 ? ` · ${s.rejected === 1 ? '1 change' : `${s.rejected} changes`} not accepted` : ''
  if (s.phase === 'signed-out') return s.pending > 0 ? `${waiting} — sign in to sync` : 'Saved on this device'
  if (s.phase === 'offline') return `${s.pending > 0 ? `Offline · ${waiting}` : 'Offline'}${lastSynced(s)}${problem}`
  if (s.phase === 'error') return `${s.pending > 0 ? `${waiting} · ` : ''}Sync problem — retrying${problem}`
  if (s.phase === 'syncing') return s.pending > 0 ? `Syncing · ${waiting}` : 'Syncing…'
  if (s.pending > 0) return `${waiting}${problem}`
  return `All changes saved${lastSynced(s)}${problem}`
}

function lastSynced(s: SyncStatusInput): string {
  if (s.lastSyncedAt === null) return ''
  return ` · last synced ${relativeTime(s.now - s.lastSyncedAt)}`
}

/** "just now", "2 min ago", "3 h ago", "2 days ago". */
export function relativeTime(ms: number): string {
  const min = Math.floor(ms / 60_000)
  if (min < 1) return 'just now'
  if (min < 60) return `${min} min ago`
  const h = Math.floor(min / 60)
  if (h < 24) return `${h} h ago`
  const d = Math.floor(h / 24)
  return d === 1 ? '1 day ago' : `${d} days ago`
}

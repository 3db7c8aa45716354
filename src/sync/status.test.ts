import { describe, expect, it } from 'vitest'
import { relativeTime, syncStatusText } from './status'

const now = 1_800_000_000_000
describe('syncStatusText', () => {
  it('says all changes are saved when nothing waits', () => {
    expect(syncStatusText({ phase: 'idle', pending: 0, rejected: 0, lastSyncedAt: now - 120_000, now })).toBe(
      'All changes saved · last synced 2 min ago',
    )
  })
  it('counts waiting changes', () => {
    expect(syncStatusText({ phase: 'idle', pending: 3, rejected: 0, lastSyncedAt: null, now })).toBe('3 changes waiting')
    expect(syncStatusText({ phase: 'offline', pending: 1, rejected: 0, lastSyncedAt: null, now })).toBe('Offline · 1 change waiting')
  })
  it('does not claim all is saved while syncing fails', () => {
    expect(syncStatusText({ phase: 'error', pending: 2, rejected: 0, lastSyncedAt: now - 60_000, now })).toBe(
      '2 changes waiting · Sync problem — retrying',
    )
    expect(syncStatusText({ phase: 'error', pending: 0, rejected: 0, lastSyncedAt: null, now })).toBe('Sync problem — retrying')
  })
  it('never hides rejected changes', () => {
    expect(syncStatusText({ phase: 'idle', pending: 0, rejected: 2, lastSyncedAt: null, now })).toContain('2 changes not accepted')
  })
  it('asks to sign in when changes wait without a session', () => {
    expect(syncStatusText({ phase: 'signed-out', pending: 2, rejected: 0, lastSyncedAt: null, now })).toBe(
      '2 changes waiting — sign in to sync',
    )
  })
})

describe('relativeTime', () => {
  it('rounds down to whole units', () => {
    expect(relativeTime(30_000)).toBe('just now')
    expect(relativeTime(59 * 60_000)).toBe('59 min ago')
    expect(relativeTime(3 * 3_600_000)).toBe('3 h ago')
    expect(relativeTime(26 * 3_600_000)).toBe('1 day ago')
  })
})

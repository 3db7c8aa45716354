import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import type { ServerDoc } from '@/domain/merge'
import { fromStored, keepServerOwned, ledgerPath } from './apply'

const meta = { id: 'inst-1', updatedAt: 5, version: 2, deleted: false, lastMutationId: 'm' }

describe('keepServerOwned', () => {
  it('carries fields outside the schema across a synced edit', () => {
    const existing: ServerDoc = { ...meta, name: 'Old', joinCodeHashes: ['abc'], allowUnverified: true, _clock: { name: 1 } }
    const merged: ServerDoc = { ...meta, version: 3, name: 'New', _clock: { name: 2 } }
    expect(keepServerOwned('institutions', existing, merged)).toEqual({ ...merged, joinCodeHashes: ['abc'], allowUnverified: true })
  })
  it('keeps nothing on a tombstone, and never resurrects a removed editable field', () => {
    const existing: ServerDoc = { ...meta, title: 'x', bio: 'gone', secret: 1 }
    expect(keepServerOwned('cpd', existing, { ...meta, deleted: true })).toEqual({ ...meta, deleted: true })
    const edited = keepServerOwned('profiles', { ...meta, bio: 'old' }, { ...meta, version: 3 })
    expect(edited).not.toHaveProperty('bio')
  })
})

describe('fromStored', () => {
  it('reads the commit timestamp as milliseconds', () => {
    expect(fromStored({ ...meta, updatedAt: Timestamp.fromMillis(1_795_000_000_123) }).updatedAt).toBe(1_795_000_000_123)
    expect(fromStored({ ...meta, updatedAt: 42 }).updatedAt).toBe(42)
    expect(fromStored({ id: 'x' }).updatedAt).toBe(0)
  })
})

it('keeps ledgers in the author’s own tree', () => {
  expect(ledgerPath('u1', 'm-12345678')).toBe('users/u1/mutations/m-12345678')
})

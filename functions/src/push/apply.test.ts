import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import { fromStored, ledgerPath } from './apply'

const meta = { id: 'inst-1', updatedAt: 5, version: 2, deleted: false, lastMutationId: 'm' }

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

import { describe, expect, it } from 'vitest'
import { createDb } from '@/db/database'
import { wipeLocalData } from './wipe'

describe('wipeLocalData', () => {
  it('empties every table, the outbox and meta included', async () => {
    const db = createDb(`wipe-${Math.random()}`)
    await db.cpd.put({
      id: 'c1',
      updatedAt: 0,
      version: 0,
      deleted: false,
      lastMutationId: null,
      title: 'x',
      startDate: '2026-01-01',
      hours: 1,
      type: 'formal',
      skillIds: [],
      evidenceIds: [],
    })
    await db.outbox.add({ mutationId: 'm1', collection: 'cpd', docId: 'c1', op: 'put', payload: {}, clientTime: 1, attempts: 0 })
    await db.meta.put({ key: 'uid', value: 'me' })
    await wipeLocalData(db)
    const counts = await Promise.all(db.tables.map((t) => t.count()))
    expect(counts.every((n) => n === 0)).toBe(true)
    db.close()
  })
})

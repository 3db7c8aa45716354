import { beforeEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from './database'
import { createReads, type Reads } from './read'
import { createRepos, type Repos } from './repos'

let db: HubDb
let reads: Reads
let repos: Repos
const entry = (title: string) => ({ title, startDate: '2026-10-01', hours: 2, type: 'formal' as const, skillIds: [], evidenceIds: [] })

beforeEach(async () => {
  db = createDb(`read-${crypto.randomUUID()}`)
  reads = createReads(db)
  repos = createRepos({ db })
})

describe('readers', () => {
  it('return what the repositories wrote', async () => {
    const a = await repos.cpd.create(entry('Confocal refresher'))
    const b = await repos.cpd.create(entry('Fire warden course'))
    expect((await reads.cpd.all()).map((e) => e.title).sort()).toEqual(['Confocal refresher', 'Fire warden course'])
    expect((await reads.cpd.get(a.id))?.title).toBe('Confocal refresher')
    expect((await reads.cpd.getMany([b.id, 'missing', a.id])).map((e) => e.id)).toEqual([b.id, a.id])
    expect(await reads.cpd.count()).toBe(2)
  })

  it('never return a tombstone, whichever way they are asked', async () => {
    const kept = await repos.cpd.create(entry('Kept'))
    // A tombstone left in the table (as an older app version wrote them on pull).
    await db.cpd.put({ ...entry('Deleted'), id: 'gone', version: 3, updatedAt: 1, deleted: true } as never)
    expect((await reads.cpd.all()).map((e) => e.id)).toEqual([kept.id])
    expect(await reads.cpd.get('gone')).toBeUndefined()
    expect(await reads.cpd.getMany(['gone'])).toEqual([])
    expect(await reads.cpd.count()).toBe(1)
    await db.actions.put({ id: 'x', planId: 'p', deleted: true } as never)
    expect(await reads.actions.where('planId', 'p')).toEqual([])
    expect(await reads.actions.anyOf('planId', ['p'])).toEqual([])
  })
})

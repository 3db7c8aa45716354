import { beforeEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from './database'
import { createRepos, type Repos } from './repos'
import { ValidationError } from '@/domain/validation'
import { wordsIn } from '../../tests/support/errors'

const en = await wordsIn('en')

let db: HubDb
let repos: Repos
const cpd = {
  title: 'Confocal microscopy refresher',
  startDate: '2026-10-01',
  hours: 3,
  type: 'formal' as const,
  skillIds: [],
  evidenceIds: [],
}

beforeEach(async () => {
  db = createDb(`repos-${crypto.randomUUID()}`)
  repos = createRepos({ db, now: () => 1_700_000_000_000 })
})

describe('repositories', () => {
  it('writes the document and its outbox row together', async () => {
    const entry = await repos.cpd.create(cpd)
    expect(await db.cpd.get(entry.id)).toMatchObject({ title: cpd.title, version: 0 })
    const rows = await db.outbox.toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ collection: 'cpd', docId: entry.id, op: 'put', payload: cpd })
  })

  it('rejects invalid input with field messages and writes nothing', async () => {
    const error = await repos.cpd.create({ ...cpd, hours: -2 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect(en((error as ValidationError).forField('hours'))).toBe('Hours cannot be negative')
    expect(await db.cpd.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('rolls back the document when the outbox write fails', async () => {
    const entry = await repos.cpd.create(cpd)
    const before = await db.outbox.toArray()
    // The outbox write fails inside the same transaction as the document write.
    db.outbox.hook('creating', () => {
      throw new Error('disk full')
    })
    await expect(repos.cpd.patch(entry.id, { hours: 5 })).rejects.toThrow('disk full')
    expect((await db.cpd.get(entry.id))?.hours).toBe(3)
    expect(await db.outbox.toArray()).toEqual(before)
  })

  it('patches and deletes through the outbox', async () => {
    const entry = await repos.cpd.create(cpd)
    await repos.cpd.patch(entry.id, { hours: 4 })
    expect((await repos.cpd.get(entry.id))?.hours).toBe(4)
    await repos.cpd.remove(entry.id)
    expect(await repos.cpd.get(entry.id)).toBeUndefined()
    expect((await db.outbox.toArray()).map((r) => r.op)).toEqual(['put', 'patch', 'delete'])
  })

  it('refuses to patch something that does not exist', async () => {
    await expect(repos.cpd.patch('missing', { hours: 1 })).rejects.toBeInstanceOf(ValidationError)
    expect(await db.outbox.count()).toBe(0)
  })
})

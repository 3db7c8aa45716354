import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import type { Member } from '@/domain/entities'
import { createDirectorySearch, type SearchAnswer } from './client'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const member = (id: string, displayName: string, extra: Partial<Member> = {}): Member => ({
  ...meta,
  id,
  institutionId: 'inst',
  displayName,
  email: `${id}@example.ac.uk`,
  role: 'technician',
  visibility: 'institution',
  joinedAt: 1,
  skills: [{ skillId: 'python', name: 'Python', category: 'software', level: 'expert', canTeach: true, wantsToLearn: false }],
  ...extra,
})

let db: HubDb
afterEach(async () => {
  db?.close()
})

function client(database: HubDb) {
  const answers: SearchAnswer[] = []
  const indexed: number[] = []
  const search = createDirectorySearch({
    institutionId: 'inst',
    inline: true,
    db: database,
    onAnswer: (a) => answers.push(a),
    onIndexed: (i) => indexed.push(i.size),
  })
  return { search, answers, indexed }
}

describe('the index host', () => {
  it('indexes the local directory and follows its changes', async () => {
    db = createDb(`host-${Math.random()}`)
    await db.members.bulkPut([
      member('a', 'Ada'),
      member('b', 'Bo'),
      member('h', 'Hidden', { visibility: 'hidden' }),
      member('o', 'Other', { institutionId: 'elsewhere' }),
    ])
    const c = client(db)
    await expect.poll(() => c.indexed.at(-1)).toBe(2)
    c.search.search(1, 'python', {}, 10)
    await expect.poll(() => c.answers.length).toBe(1)
    expect(c.answers[0]).toMatchObject({ seq: 1, ready: true, result: { total: 2 } })

    // A member who hides is removed at the next pull (as a tombstone, deleted locally); another hides in place.
    await db.members.delete('a')
    await db.members.put(member('b', 'Bo', { visibility: 'hidden' }))
    await expect.poll(() => c.indexed.at(-1), { timeout: 3000 }).toBe(0)
    c.search.search(2, 'python', {}, 10)
    await expect.poll(() => c.answers.length).toBe(2)
    expect(c.answers[1]!.result.total).toBe(0)
    c.search.close()
  })

  it('answers a search made before the first build', async () => {
    db = createDb(`host-${Math.random()}`)
    const c = client(db)
    c.search.search(1, 'x', {}, 10)
    await expect.poll(() => c.answers.length).toBe(1)
    expect(c.answers[0]!.result.hits).toEqual([])
    c.search.close()
  })
})

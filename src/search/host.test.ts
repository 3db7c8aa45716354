import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_INSTITUTION_ID, generateDemoData } from '../../scripts/demo/demo-data'
import { createDb, type HubDb } from '@/db/database'
import type { Member } from '@/domain/entities'
import { member, skill } from '../../tests/support/rule-fixtures'
import { createDirectorySearch, type SearchAnswer } from './client'
import { createDirectoryIndex, search, type DirectoryHit } from './directory-index'
import { STORED_INDEX_KEY, type IndexKind } from './host'

const person = (id: string, displayName: string, extra: Partial<Member> = {}): Member =>
  member(id, {
    displayName,
    email: `${id}@example.ac.uk`,
    joinedAt: 1,
    skills: [skill('python', 'Python', { category: 'software', level: 'expert', canTeach: true })],
    ...extra,
  })

let db: HubDb
afterEach(async () => {
  db?.close()
})

function client(database: HubDb, institutionId = 'inst') {
  const answers: SearchAnswer[] = []
  const indexed: number[] = []
  const kinds: IndexKind[] = []
  /** Per indexed message: checked against the table yet? */
  const current: boolean[] = []
  let seq = 0
  const search = createDirectorySearch({
    institutionId,
    inline: true,
    db: database,
    onAnswer: (a) => answers.push(a),
    onIndexed: (i) => {
      indexed.push(i.size)
      kinds.push(i.kind)
      current.push(i.current)
    },
  })
  /** The answer to one search, once it comes. */
  async function ask(query: string, limit = 1000) {
    const mine = ++seq
    search.search(mine, query, {}, limit)
    await expect.poll(() => answers.some((a) => a.seq === mine)).toBe(true)
    return answers.find((a) => a.seq === mine)!.result
  }
  return { search, answers, indexed, kinds, current, ask }
}

/** Hits in id order, so two indexes that differ only in how they break ties compare equal. */
const byId = (hits: DirectoryHit[]) => [...hits].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('the index host', () => {
  it('indexes the local directory and follows its changes', async () => {
    db = createDb(`host-${Math.random()}`)
    await db.members.bulkPut([
      person('a', 'Ada'),
      person('b', 'Bo'),
      person('h', 'Hidden', { visibility: 'hidden' }),
      person('o', 'Other', { institutionId: 'elsewhere' }),
    ])
    const c = client(db)
    await expect.poll(() => c.indexed.at(-1)).toBe(2)
    c.search.search(1, 'python', {}, 10)
    await expect.poll(() => c.answers.length).toBe(1)
    expect(c.answers[0]).toMatchObject({ seq: 1, ready: true, result: { total: 2 } })

    // A member who hides is removed at the next pull (as a tombstone, deleted locally); another hides in place
    // (as the server writes every change: a new version, stamped later).
    await db.members.delete('a')
    await db.members.put(person('b', 'Bo', { visibility: 'hidden', updatedAt: 2, version: 2 }))
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

describe('following changes and starting from the stored index', () => {
  const demoMember = (i: number, updatedAt: number, version = 1) => person(`m${i}`, `Member ${i}`, { updatedAt, version })

  it('updates only what an edit or a removal touched, never building again', async () => {
    db = createDb(`host-${Math.random()}`)
    await db.members.bulkPut(Array.from({ length: 20 }, (_, i) => demoMember(i, 100)))
    const c = client(db)
    await expect.poll(() => c.kinds).toEqual(['built'])
    expect((await c.ask('python')).total).toBe(20)

    // An edit pulled from the server: a new version, stamped later.
    await db.members.put(person('m3', 'Ada Lovelace', { updatedAt: 200, version: 2 }))
    await expect.poll(() => c.kinds.at(-1)).toBe('updated')
    expect((await c.ask('lovelace')).hits.map((h) => h.id)).toEqual(['m3'])
    expect((await c.ask('member 3')).total).toBe(0)

    // Removed (a tombstone pulled), and another stamped at the same moment as the newest (same pull, next page).
    const before = c.kinds.length
    await db.members.delete('m4')
    await db.members.put(person('m5', 'Grace Hopper', { updatedAt: 200, version: 2 }))
    await expect.poll(() => c.kinds.length).toBeGreaterThan(before)
    await expect.poll(async () => (await c.ask('python')).total).toBe(19)
    await expect.poll(async () => (await c.ask('hopper')).hits.map((h) => h.id)).toEqual(['m5'])
    expect(c.kinds.filter((k) => k === 'built')).toHaveLength(1)
    c.search.close()
  })

  it('a later open loads the stored index, catches up on changes made meanwhile, and answers as a fresh build', async () => {
    db = createDb(`host-${Math.random()}`)
    const demo = generateDemoData({ members: 150 })
    await db.institutions.put(demo.institution)
    await db.members.bulkPut(demo.members)
    const first = client(db, DEMO_INSTITUTION_ID)
    await expect.poll(() => first.kinds).toEqual(['built'])
    await expect.poll(async () => (await db.meta.get(STORED_INDEX_KEY)) !== undefined).toBe(true)
    first.search.close()

    // While the directory is closed, the sync changes a few profiles, removes one and brings a new one.
    const listed = demo.members.filter((m) => m.visibility === 'institution')
    const newest = Math.max(...demo.members.map((m) => m.updatedAt))
    await db.members.put({ ...listed[0]!, displayName: 'Zebedee Quill', updatedAt: newest + 1, version: 2 })
    await db.members.delete(listed[1]!.id)
    await db.members.put({ ...listed[2]!, id: 'newcomer', displayName: 'Amara Newcomer', updatedAt: newest - 1000 })

    const second = client(db, DEMO_INSTITUTION_ID)
    await expect.poll(() => second.kinds).toEqual(['loaded', 'updated'])
    const now = await db.members.toArray()
    const facultyNames = Object.fromEntries(demo.institution.faculties.map((f) => [f.id, f.name]))
    const fresh = createDirectoryIndex(now, { institutionId: DEMO_INSTITUTION_ID, facultyNames })
    for (const q of ['', 'zebedee', 'amara', 'python', 'confocal micro', 'weldng', listed[1]!.displayName]) {
      const answer = await second.ask(q)
      const expected = search(fresh, q, {}, 1000)
      expect(answer.total).toBe(expected.total)
      expect(byId(answer.hits)).toEqual(byId(expected.hits))
    }
    expect((await second.ask('zebedee')).hits.map((h) => h.id)).toEqual([listed[0]!.id])
    expect((await second.ask('amara newcomer')).hits.map((h) => h.id)).toEqual(['newcomer'])
    second.search.close()
  })

  it('a restored index answers at once and is current without reading every profile; an edit made after shows', async () => {
    db = createDb(`host-${Math.random()}`)
    await db.members.bulkPut(Array.from({ length: 20 }, (_, i) => demoMember(i, 100)))
    const first = client(db)
    await expect.poll(() => first.kinds).toEqual(['built'])
    await expect.poll(async () => (await db.meta.get(STORED_INDEX_KEY)) !== undefined).toBe(true)
    first.search.close()

    performance.clearMarks()
    const readEveryProfile = vi.spyOn(db.members, 'toArray')
    const second = client(db)
    // Loaded as stored (searchable), then checked against the table and found whole.
    await expect
      .poll(() => second.kinds.map((k, i) => [k, second.current[i]]))
      .toEqual([
        ['loaded', false],
        ['loaded', true],
      ])
    expect((await second.ask('python')).total).toBe(20)
    // The page's mark says when it became searchable with every profile, and how.
    expect(
      performance
        .getEntriesByType('mark')
        .map((m) => m.name)
        .filter((n) => n.startsWith('directory-index:')),
    ).toEqual(['directory-index:loaded'])

    // A profile pulled while the directory is open: updated in place.
    await db.members.put(person('m7', 'Ada Lovelace', { updatedAt: 200, version: 2 }))
    await expect.poll(() => second.kinds.at(-1)).toBe('updated')
    expect((await second.ask('lovelace')).hits.map((h) => h.id)).toEqual(['m7'])
    expect((await second.ask('member 7')).total).toBe(0)
    expect(second.kinds).not.toContain('built')
    expect(readEveryProfile).not.toHaveBeenCalled()
    second.search.close()
  })

  it('builds again when the stored index is of another institution or its faculty names changed', async () => {
    db = createDb(`host-${Math.random()}`)
    const demo = generateDemoData({ members: 20 })
    const faculty = demo.institution.faculties[0]!
    await db.institutions.put(demo.institution)
    await db.members.bulkPut([person('a', 'Ada', { institutionId: DEMO_INSTITUTION_ID, facultyId: faculty.id })])
    const first = client(db, DEMO_INSTITUTION_ID)
    await expect.poll(() => first.kinds).toEqual(['built'])
    await expect.poll(async () => (await db.meta.get(STORED_INDEX_KEY)) !== undefined).toBe(true)
    first.search.close()
    const elsewhere = client(db, 'elsewhere')
    await expect.poll(() => elsewhere.kinds).toEqual(['built'])
    elsewhere.search.close()
    await expect
      .poll(async () => ((await db.meta.get(STORED_INDEX_KEY))?.value as { institutionId: string }).institutionId)
      .toBe('elsewhere')

    const again = client(db, DEMO_INSTITUTION_ID)
    await expect.poll(() => again.kinds).toEqual(['built'])
    await expect.poll(async () => (await again.ask('quasar')).total).toBe(0)
    await db.institutions.put({
      ...demo.institution,
      faculties: [{ ...faculty, name: 'Quasar Studies' }, ...demo.institution.faculties.slice(1)],
    })
    await expect.poll(() => again.kinds).toEqual(['built', 'built'])
    expect((await again.ask('quasar')).hits.map((h) => h.id)).toEqual(['a'])
    again.search.close()
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from './database'
import { createNotificationWrites } from './notifications'
import { createReads } from './read'
import { createRepos } from './repos'

let db: HubDb
let writes: ReturnType<typeof createNotificationWrites>
const T = 1_700_000_000_000
const note = (id: string, readAt: number | null) => ({
  id,
  kind: 'request.received' as const,
  params: { skill: 'Confocal' },
  link: '/requests',
  createdAt: 1,
  readAt,
  updatedAt: 10,
  version: 1,
  deleted: false,
  lastMutationId: null,
})

beforeEach(async () => {
  db = createDb(`notifications-${crypto.randomUUID()}`)
  writes = createNotificationWrites({ repos: createRepos({ db, now: () => T }), reads: createReads(db), now: () => T })
  // As pulled from the server (clients never create notifications).
  await db.notifications.bulkPut([note('a', null), note('b', null), note('c', 5)])
})

describe('notification writes', () => {
  it('marks read with one readAt patch each, queued for sync', async () => {
    expect(await writes.markRead(['a', 'c'])).toBe(1)
    expect((await db.notifications.get('a'))?.readAt).toBe(T)
    expect((await db.notifications.get('c'))?.readAt).toBe(5)
    const rows = await db.outbox.toArray()
    expect(rows.map((r) => [r.collection, r.docId, r.op, r.payload])).toEqual([['notifications', 'a', 'patch', { readAt: T }]])
  })

  it('marks all read', async () => {
    expect(await writes.markAllRead()).toBe(2)
    expect((await db.notifications.toArray()).every((n) => n.readAt !== null)).toBe(true)
  })

  it('saves preferences as the one prefs document, then only what changed', async () => {
    await writes.savePrefs({ kinds: { 'survey.opened': 'inbox' }, quiet: null, timeZone: 'Europe/London' })
    await writes.savePrefs({ kinds: { 'survey.opened': 'inbox', 'action.rag': 'push' }, quiet: null, timeZone: 'Europe/London' })
    expect(await db.notificationPrefs.get('prefs')).toMatchObject({ kinds: { 'survey.opened': 'inbox', 'action.rag': 'push' } })
    const rows = await db.outbox.orderBy('seq').toArray()
    expect(rows.map((r) => r.op)).toEqual(['put', 'patch'])
    // The second save sends the added kind as a record entry, not the whole map.
    expect(rows[1]?.sets).toEqual([{ path: ['kinds'], add: [{ key: 'action.rag', value: 'push' }] }])
  })
})

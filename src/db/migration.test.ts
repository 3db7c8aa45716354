import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { createDb, SCHEMA_VERSIONS } from './database'

describe('schema upgrades', () => {
  it('keeps every queued outbox row and document across each version upgrade', async () => {
    const versions = Object.keys(SCHEMA_VERSIONS).map(Number)
    expect(versions.length).toBeGreaterThan(1)
    const name = `migration-${crypto.randomUUID()}`
    // A device on the first shipped version, with changes waiting to sync…
    const old = createDb(name, versions[0])
    await old.open()
    const rows = Array.from({ length: 25 }, (_, i) => ({
      mutationId: `m-${String(i).padStart(4, '0')}`,
      collection: 'cpd' as const,
      docId: `doc-${i}`,
      op: 'put' as const,
      payload: { title: `Entry ${i}` },
      clientTime: 1000 + i,
      attempts: i % 3,
    }))
    await old.outbox.bulkAdd(rows)
    await old.table('cpd').put({ id: 'doc-1', title: 'Entry 1' })
    old.close()

    // …gets the app update, which opens the newest schema.
    const upgraded = createDb(name)
    await upgraded.open()
    expect(upgraded.verno).toBe(Math.max(...versions))
    const after = await upgraded.outbox.orderBy('seq').toArray()
    expect(after.map(({ seq: _seq, ...r }) => r)).toEqual(rows)
    expect(await upgraded.table('cpd').get('doc-1')).toEqual({ id: 'doc-1', title: 'Entry 1' })
    // New indexes work on the migrated data.
    expect(await upgraded.outbox.where('[collection+docId]').equals(['cpd', 'doc-3']).count()).toBe(1)
    upgraded.close()
    await Dexie.delete(name)
  })
  it('adds the notification tables at version 7, keeping what version 6 queued', async () => {
    const name = `migration-7-${crypto.randomUUID()}`
    const old = createDb(name, 6)
    await old.open()
    await old.outbox.add({
      mutationId: 'm-keep-0001',
      collection: 'cpd',
      docId: 'c1',
      op: 'put',
      payload: { title: 'Kept' },
      clientTime: 1,
      attempts: 0,
    })
    old.close()

    const upgraded = createDb(name)
    await upgraded.open()
    expect(await upgraded.outbox.count()).toBe(1)
    const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null, link: '/requests', params: {}, readAt: null }
    await upgraded.notifications.bulkPut([
      { ...meta, id: 'old', kind: 'request.received', createdAt: 100 },
      { ...meta, id: 'new', kind: 'survey.opened', createdAt: 200 },
    ])
    // Newest first by createdAt, as the inbox lists them.
    expect((await upgraded.notifications.orderBy('createdAt').reverse().toArray()).map((n) => n.id)).toEqual(['new', 'old'])
    await upgraded.notificationPrefs.put({ ...meta, id: 'prefs', kinds: {}, quiet: null, timeZone: 'UTC' })
    expect(await upgraded.notificationPrefs.count()).toBe(1)
    upgraded.close()
    await Dexie.delete(name)
  })

  it('opens a database made by declaring every version in turn (as before) with the same tables and indexes, data kept', async () => {
    const name = `migration-history-${crypto.randomUUID()}`
    const stepwise = new Dexie(name)
    for (const [version, stores] of Object.entries(SCHEMA_VERSIONS)) stepwise.version(Number(version)).stores(stores)
    await stepwise.open()
    await stepwise.table('cpd').put({ id: 'c1', title: 'Kept', updatedAt: 1, startDate: '2026-01-02', type: 'course' })
    const shape = (db: Dexie) =>
      db.tables
        .map((t) => [t.name, t.schema.primKey.src, t.schema.indexes.map((i) => i.src).sort()] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    const before = shape(stepwise)
    stepwise.close()

    const once = createDb(name)
    await once.open()
    expect(once.verno).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)))
    expect(shape(once)).toEqual(before)
    expect(await once.cpd.where('startDate').equals('2026-01-02').count()).toBe(1)
    once.close()
    await Dexie.delete(name)
  })
})

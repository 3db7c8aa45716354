/**
 * The engine's pull, page by page from an in-memory server: every document checked against its
 * schema (a failing one counted, never stored), pending local edits kept on top of a newer server
 * copy, an older copy re-delivered ignored, tombstones applied and, on a full pull, what the
 * server no longer has dropped (unless it has pending edits).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { createRepos } from '@/db/repos'
import type { CollectionName } from '@/domain/collections'
import type { CpdEntry } from '@/domain/entities'
import type { Checkpoint, SyncMeta } from '@/domain/sync'
import { SyncEngine } from './engine'
import type { SyncTransport } from './ports'

let db: HubDb
beforeEach(async () => {
  db = createDb(`engine-pull-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

/** A CPD entry as the server sends it; `over` may break its schema on purpose. */
function cpd(n: number, over: Record<string, unknown> = {}): CpdEntry {
  return {
    id: `cpd-${n}`,
    title: `Entry ${n}`,
    startDate: '2026-01-05',
    hours: 2,
    type: 'formal',
    skillIds: [],
    evidenceIds: [],
    updatedAt: 1000 + n,
    version: 1,
    deleted: false,
    lastMutationId: null,
    ...over,
  } as CpdEntry
}

/** Serves `docs` ordered by (updatedAt, id) after the cursor, like the Firestore transport. */
function serve(docs: () => SyncMeta[], calls: { after: Checkpoint | null }[] = []): SyncTransport {
  return {
    push: () => Promise.reject(new Error('no push in these tests')),
    pull: async (col: CollectionName, after: Checkpoint | null, limit: number) => {
      calls.push({ after })
      if (col !== 'cpd') return []
      const sorted = [...docs()].sort((a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id))
      const rest = after
        ? sorted.filter((d) => d.updatedAt > after.updatedAt || (d.updatedAt === after.updatedAt && d.id > after.id))
        : sorted
      return structuredClone(rest.slice(0, limit))
    },
  }
}

const engine = (transport: SyncTransport, pageSize = 2) => new SyncEngine({ db, transport, collections: () => ['cpd'], pageSize })

describe('pull', () => {
  it('stores every valid document across pages, counts a failing one without storing it, and keeps the checkpoint', async () => {
    const docs = [cpd(1), cpd(2, { hours: 'many' }), cpd(3), cpd(4), cpd(5, { title: 42 })]
    const calls: { after: Checkpoint | null }[] = []
    const summary = await engine(serve(() => docs, calls)).pull()
    expect(summary).toEqual({ received: 5, invalid: 2, roundTrips: 3 })
    expect((await db.cpd.toCollection().primaryKeys()).sort()).toEqual(['cpd-1', 'cpd-3', 'cpd-4'])
    expect(calls.map((c) => c.after?.id ?? null)).toEqual([null, 'cpd-2', 'cpd-4'])
    expect(await db.checkpoints.get('cpd')).toMatchObject({ updatedAt: 1005, id: 'cpd-5' })
  })

  it('resumes from the checkpoint and applies only newer versions', async () => {
    const server = [cpd(1), cpd(2)]
    await engine(serve(() => server)).pull()
    // An overlap re-delivers an older copy of cpd-1 after the local one moved on.
    await db.cpd.put({ ...(await db.cpd.get('cpd-1'))!, title: 'Newer here', version: 3 })
    server.push(cpd(1, { updatedAt: 1003, version: 2, title: 'Older' }), cpd(3, { updatedAt: 1004 }))
    const calls: { after: Checkpoint | null }[] = []
    const summary = await engine(serve(() => server, calls)).pull()
    expect(calls[0]?.after).toEqual({ updatedAt: 1002, id: 'cpd-2' })
    expect(summary.received).toBe(2)
    expect((await db.cpd.get('cpd-1'))?.title).toBe('Newer here')
    expect((await db.cpd.get('cpd-3'))?.title).toBe('Entry 3')
  })

  it('keeps a pending local edit on top of a newer server copy, and remembers that copy as its base', async () => {
    const server = [cpd(1), cpd(2)]
    await engine(serve(() => server)).pull()
    await createRepos({ db }).cpd.patch('cpd-1', { title: 'Edited on the phone' })
    server[0] = cpd(1, { updatedAt: 2000, version: 2, hours: 7 })
    await engine(serve(() => server)).pull()
    expect(await db.cpd.get('cpd-1')).toMatchObject({ title: 'Edited on the phone', hours: 7, version: 2 })
    expect((await db.bases.get(['cpd', 'cpd-1']))?.doc).toMatchObject({ title: 'Entry 1', hours: 7, version: 2 })
  })

  it('removes a document the server deleted (a tombstone, even one without the schema’s fields)', async () => {
    const server: SyncMeta[] = [cpd(1), cpd(2)]
    await engine(serve(() => server)).pull()
    server[1] = { id: 'cpd-2', updatedAt: 3000, version: 2, deleted: true, lastMutationId: null }
    const summary = await engine(serve(() => server)).pull()
    expect(summary.invalid).toBe(0)
    expect(await db.cpd.toCollection().primaryKeys()).toEqual(['cpd-1'])
  })

  it('on a full pull drops what the server no longer has, but not a document with pending edits', async () => {
    await db.cpd.bulkPut([cpd(7), cpd(8)])
    await createRepos({ db }).cpd.create(
      { title: 'Only here', startDate: '2026-02-01', hours: 1, type: 'formal', skillIds: [], evidenceIds: [] },
      'cpd-local',
    )
    const summary = await engine(serve(() => [cpd(1), cpd(8)])).pull()
    expect(summary).toMatchObject({ received: 2, invalid: 0 })
    expect((await db.cpd.toCollection().primaryKeys()).sort()).toEqual(['cpd-1', 'cpd-8', 'cpd-local'])
  })
})

describe('pull failures', () => {
  it('a failed next page leaves the pages before it stored, with their checkpoint, and is thrown', async () => {
    const docs = [cpd(1), cpd(2), cpd(3), cpd(4), cpd(5)]
    const server = serve(() => docs)
    const transport: SyncTransport = {
      ...server,
      pull: (col, after, limit) => (after?.id === 'cpd-2' ? Promise.reject(new Error('offline')) : server.pull(col, after, limit)),
    }
    await expect(engine(transport).pull()).rejects.toThrow('offline')
    expect((await db.cpd.toCollection().primaryKeys()).sort()).toEqual(['cpd-1', 'cpd-2'])
    expect(await db.checkpoints.get('cpd')).toMatchObject({ updatedAt: 1002, id: 'cpd-2' })
    // A first pull that never completed starts over (only a complete one may drop what is gone).
    expect(await engine(server).pull()).toMatchObject({ received: 5, invalid: 0 })
    expect(await db.cpd.count()).toBe(5)
  })

  it('a collection that fails does not stop the others, and its failure is thrown', async () => {
    const server = serve(() => [cpd(1)])
    const transport: SyncTransport = {
      ...server,
      pull: (col, after, limit) => (col === 'institutions' ? Promise.reject(new Error('refused')) : server.pull(col, after, limit)),
    }
    const pulling = new SyncEngine({
      db,
      transport,
      collections: () => ['institutions', 'cpd', 'registrations'],
      pullConcurrency: 1,
    }).pull()
    await expect(pulling).rejects.toThrow('refused')
    expect(await db.cpd.count()).toBe(1)
    expect(await db.checkpoints.get('registrations')).toMatchObject({ id: '' })
  })
})

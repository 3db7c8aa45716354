/**
 * Runs random schedules of offline edits, deletes, crashes and faulty delivery over several
 * clients against a server, then checks the sync invariants of ARCHITECTURE.md. The same harness
 * drives the in-memory server (thousands of schedules) and the emulators (a smaller run).
 */
import Dexie from 'dexie'
import fc from 'fast-check'
import { expect } from 'vitest'
import type { Caller, CollectionName } from '@/domain/collections'
import { stripMeta, type LocalDoc } from '@/db/apply'
import { createDb, type HubDb } from '@/db/database'
import { createRepos, type Repos } from '@/db/repos'
import { SyncEngine } from '@/sync/engine'
import type { FaultyTransport, PushFault } from './memory-server'

export const INSTITUTION = 'inst-prop'
export const COLLECTIONS_UNDER_TEST: CollectionName[] = ['cpd', 'ideas']

export interface ClientSpec {
  caller: Caller
}

export interface HarnessClient {
  spec: ClientSpec
  db: HubDb
  repos: Repos
  engine: SyncEngine
  transport: FaultyTransport
}

export type Step =
  | { kind: 'create'; client: number; collection: CollectionName; title: string; hours: number }
  | { kind: 'patch'; client: number; collection: CollectionName; pick: number; title: string }
  | { kind: 'delete'; client: number; collection: CollectionName; pick: number }
  | { kind: 'push'; client: number; fault: PushFault }
  | { kind: 'pull'; client: number }
  | { kind: 'online'; client: number; online: boolean }
  | { kind: 'crash'; client: number }

/** Steps over `clients` clients. */
export function stepArb(clients: number): fc.Arbitrary<Step> {
  const client = fc.integer({ min: 0, max: clients - 1 })
  const collection = fc.constantFrom<CollectionName>(...COLLECTIONS_UNDER_TEST)
  const title = fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon')
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), client, collection, title, hours: fc.integer({ min: 0, max: 8 }) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('patch' as const), client, collection, pick: fc.nat(3), title }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, collection, pick: fc.nat(3) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('push' as const), client, fault: fc.constantFrom<PushFault>('none', 'none', 'lost-request', 'lost-reply', 'duplicate') }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('pull' as const), client }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('online' as const), client, online: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), client }) },
  )
}

export interface HarnessOptions {
  specs: ClientSpec[]
  makeTransport: (spec: ClientSpec) => FaultyTransport
  pageSize: number
  /** Every document the server holds for `caller` in `collection`, live or tombstoned. */
  serverDocs: (caller: Caller, collection: CollectionName) => Promise<Map<string, LocalDoc>>
  /** Invariant 1, exactly once, checked the way the server can tell (apply counts, versions vs ledger). */
  checkAppliedOnce: () => Promise<void>
  /** Mutation id → the status the server answered with. */
  ledger: () => Promise<Map<string, 'applied' | 'rejected'>>
}

/** Runs one schedule and asserts every invariant; cleans up its databases. */
export async function runSchedule(steps: Step[], options: HarnessOptions): Promise<void> {
  let clock = 1_700_000_000_000
  const now = () => ++clock
  const clients: HarnessClient[] = options.specs.map((spec) => open(spec, `prop-${crypto.randomUUID()}`))
  const created = new Set<string>()
  for (const c of clients) c.db.outbox.hook('creating', (_k, row) => void created.add(row.mutationId))

  function open(spec: ClientSpec, name: string, transport = options.makeTransport(spec)): HarnessClient {
    const db = createDb(name)
    const repos = createRepos({ db, now })
    const engine = new SyncEngine({ db, transport, collections: () => COLLECTIONS_UNDER_TEST, now, pageSize: options.pageSize })
    return { spec, db, repos, engine, transport }
  }

  try {
    for (const step of steps) await apply(step)
    // Heal: everyone online, no faults, sync until quiet.
    for (let round = 0; round < 3; round++) {
      for (const c of clients) {
        c.transport.online = true
        c.transport.nextFault = 'none'
        await c.engine.sync()
      }
    }
    await checkConverged()
  } finally {
    for (const c of clients) {
      c.db.close()
      await Dexie.delete(c.db.name)
    }
  }

  async function apply(step: Step): Promise<void> {
    const c = clients[step.client]
    if (!c) return
    const uid = c.spec.caller.uid
    switch (step.kind) {
      case 'create':
        if (step.collection === 'cpd') await c.repos.cpd.create({ title: step.title, startDate: '2026-01-05', hours: step.hours, type: 'formal', skillIds: [], evidenceIds: [] })
        else await c.repos.ideas.create({ authorUid: uid, title: step.title, body: '', status: 'open', createdAt: clock })
        return
      case 'patch': {
        const id = await pick(c, step.collection, step.pick)
        if (id) await c.repos[step.collection as 'cpd'].patch(id, { title: step.title })
        return
      }
      case 'delete': {
        const id = await pick(c, step.collection, step.pick)
        if (id) await c.repos[step.collection as 'cpd'].remove(id)
        return
      }
      case 'push':
        c.transport.nextFault = step.fault
        await c.engine.push().catch(() => undefined)
        return
      case 'pull':
        await c.engine.pull().catch(() => undefined)
        await checkReadYourWrites(c)
        return
      case 'online':
        c.transport.online = step.online
        return
      case 'crash': {
        // The tab dies: the engine's memory is gone, Dexie's state stays.
        const name = c.db.name
        c.db.close()
        const reopened = open(c.spec, name, c.transport)
        reopened.db.outbox.hook('creating', (_k, row) => void created.add(row.mutationId))
        clients[step.client] = reopened
        return
      }
    }
  }

  async function pick(c: HarnessClient, collection: CollectionName, n: number): Promise<string | undefined> {
    const docs = (await c.db.table<LocalDoc, string>(collection).toArray()).filter(
      (d) => !d.deleted && (collection !== 'ideas' || d.authorUid === c.spec.caller.uid),
    )
    docs.sort((a, b) => (a.id < b.id ? -1 : 1))
    return docs.length ? docs[n % docs.length]?.id : undefined
  }

  /** Invariant 6: a pending local edit survives a pull of older data. */
  async function checkReadYourWrites(c: HarnessClient): Promise<void> {
    const pending = await c.db.outbox.orderBy('seq').toArray()
    const last = new Map<string, (typeof pending)[number]>()
    for (const row of pending) last.set(`${row.collection}/${row.docId}`, row)
    for (const row of last.values()) {
      const local = await c.db.table<LocalDoc, string>(row.collection).get(row.docId)
      if (row.op === 'delete') expect(local, 'a pending delete stays deleted').toBeUndefined()
      else if (local) expect(local.title, 'a pending edit survives a pull').toBe(row.payload.title)
    }
  }

  async function checkConverged(): Promise<void> {
    await options.checkAppliedOnce()
    const ledger = await options.ledger()
    for (const id of created) expect(ledger.has(id), `mutation ${id} reached the server`).toBe(true)
    let rejected = 0
    for (const c of clients) {
      expect(await c.db.outbox.count(), 'outbox drained').toBe(0)
      rejected += await c.db.rejections.count()
      for (const col of COLLECTIONS_UNDER_TEST) {
        const server = await options.serverDocs(c.spec.caller, col)
        const expected = [...server.values()].filter((d) => !d.deleted).map((d) => ({ ...stripMeta(d), id: d.id, version: d.version }))
        const local = (await c.db.table<LocalDoc, string>(col).toArray()).map((d) => ({ ...stripMeta(d), id: d.id, version: d.version }))
        const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)
        expect(local.sort(byId), `${col} on a client equals the server`).toEqual(expected.sort(byId))
      }
    }
    // Invariant: a refused change is never dropped silently — each has a rejection row.
    const refusedOfClients = [...created].filter((id) => ledger.get(id) === 'rejected').length
    expect(rejected).toBe(refusedOfClients)
  }
}

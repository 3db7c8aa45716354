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
import { createDb, type HubDb, type OutboxRow } from '@/db/database'
import { createRepos, type Repos } from '@/db/repos'
import type { MutationResult } from '@/domain/sync'
import { SyncEngine } from '@/sync/engine'
import type { FaultyTransport, PushFault } from './memory-server'

export const INSTITUTION = 'inst-prop'
export const COLLECTIONS_UNDER_TEST: CollectionName[] = ['cpd', 'ideas']

export interface ClientSpec {
  caller: Caller
  /** How far this device's clock is off (ms; ± a year in the schedules). */
  skew?: number
}

/** Skewed device clocks the schedules draw from: right, a little off, a year ahead or behind. */
export const SKEWS = [0, 90_000, 365 * 24 * 3600 * 1000, -365 * 24 * 3600 * 1000]
export const SKILLS = ['cryo', 'pcr', 'confocal'] as const

/**
 * The harness's real time (ms): device clocks are it plus their skew, and the in-memory server
 * commits at it (or later), so "a clock a year ahead" means something to the server.
 */
export const realClock = { t: 1_700_000_000_000 }

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
  /** Adds or removes one skill on a CPD entry's linked skills (a list: merges by element). */
  | { kind: 'skill'; client: number; pick: number; skill: string; add: boolean }
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
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('create' as const), client, collection, title, hours: fc.integer({ min: 0, max: 8 }) }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('patch' as const), client, collection, pick: fc.nat(3), title }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('skill' as const),
        client,
        pick: fc.nat(3),
        skill: fc.constantFrom(...SKILLS),
        add: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, collection, pick: fc.nat(3) }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('push' as const),
        client,
        fault: fc.constantFrom<PushFault>('none', 'none', 'lost-request', 'lost-reply', 'duplicate'),
      }),
    },
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
  /** Mutation id → the server's answer to it. */
  ledger: () => Promise<Map<string, MutationResult>>
  /** Real time at the start (the emulators need today's date: their commit times are real). */
  startTime?: number
}

/** A mutation a client queued, with who queued it. */
type Queued = OutboxRow & { uid: string }

/** Runs one schedule and asserts every invariant; cleans up its databases. */
export async function runSchedule(steps: Step[], options: HarnessOptions): Promise<void> {
  realClock.t = options.startTime ?? 1_700_000_000_000
  const clients: HarnessClient[] = options.specs.map((spec) => open(spec, `prop-${crypto.randomUUID()}`))
  const created = new Map<string, Queued>()
  const record = (c: HarnessClient) =>
    c.db.outbox.hook('creating', (_k, row) => void created.set(row.mutationId, { ...structuredClone(row), uid: c.spec.caller.uid }))
  for (const c of clients) record(c)

  function open(spec: ClientSpec, name: string, transport = options.makeTransport(spec)): HarnessClient {
    const db = createDb(name)
    // Real time moves on with every step; each device reads it through its own (skewed) clock.
    const now = () => (realClock.t += 7) + (spec.skew ?? 0)
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
        if (step.collection === 'cpd')
          await c.repos.cpd.create({
            title: step.title,
            startDate: '2026-01-05',
            hours: step.hours,
            type: 'formal',
            skillIds: [],
            evidenceIds: [],
          })
        else await c.repos.ideas.create({ authorUid: uid, title: step.title, body: '', status: 'open', createdAt: realClock.t })
        return
      case 'patch': {
        const id = await pick(c, step.collection, step.pick)
        if (id) await c.repos[step.collection as 'cpd'].patch(id, { title: step.title })
        return
      }
      case 'skill': {
        const id = await pick(c, 'cpd', step.pick)
        const entry = id ? await c.repos.cpd.get(id) : undefined
        if (!entry) return
        const skillIds = step.add ? [...new Set([...entry.skillIds, step.skill])] : entry.skillIds.filter((s) => s !== step.skill)
        await c.repos.cpd.patch(entry.id, { skillIds })
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
        record(reopened)
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
    const skills = new Map<string, Map<string, boolean>>()
    for (const row of pending) {
      const key = `${row.collection}/${row.docId}`
      if (row.op === 'delete' || 'title' in row.payload) last.set(key, row)
      for (const op of row.sets ?? []) {
        const mine = skills.get(key) ?? new Map<string, boolean>()
        for (const s of op.add ?? []) mine.set(String(s), true)
        for (const s of op.remove ?? []) mine.set(s, false)
        skills.set(key, mine)
      }
    }
    for (const row of last.values()) {
      const local = await c.db.table<LocalDoc, string>(row.collection).get(row.docId)
      if (row.op === 'delete') expect(local, 'a pending delete stays deleted').toBeUndefined()
      else if (local) expect(local.title, 'a pending edit survives a pull').toBe(row.payload.title)
    }
    for (const [key, mine] of skills) {
      const [col, id] = key.split('/') as [CollectionName, string]
      const local = await c.db.table<LocalDoc, string>(col).get(id)
      if (!local) continue
      for (const [skill, present] of mine)
        expect((local.skillIds as string[]).includes(skill), `a pending ${present ? 'add' : 'remove'} of ${skill} survives a pull`).toBe(
          present,
        )
    }
  }

  async function checkConverged(): Promise<void> {
    await options.checkAppliedOnce()
    const ledger = await options.ledger()
    for (const id of created.keys()) expect(ledger.has(id), `mutation ${id} reached the server`).toBe(true)
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
    // Invariant: a refused or overridden change is never dropped silently — each has a row its author sees.
    const toldOfClients = [...created.keys()].filter((id) => ledger.get(id)?.status !== 'applied').length
    expect(rejected).toBe(toldOfClients)
    for (const col of COLLECTIONS_UNDER_TEST) {
      for (const caller of new Set(clients.map((c) => c.spec.caller))) checkNothingLost(col, await options.serverDocs(caller, col), ledger)
    }
  }

  /**
   * No acknowledged edit is lost unless a later edit of the same field by a newer commit replaced
   * it: per document, the title is the one of the newest commit that wrote it, and each skill is
   * there exactly when its newest add is newer than every remove that took effect. An edit that
   * lost was answered "overridden" (and counted as told above), never "applied".
   */
  function checkNothingLost(col: CollectionName, server: Map<string, LocalDoc>, ledger: Map<string, MutationResult>): void {
    const byDoc = new Map<string, { row: Queued; result: Extract<MutationResult, { version: number }> }[]>()
    for (const row of created.values()) {
      const result = ledger.get(row.mutationId)
      if (row.collection !== col || !result || result.status === 'rejected') continue
      byDoc.set(row.docId, [...(byDoc.get(row.docId) ?? []), { row, result }])
    }
    for (const [docId, writes] of byDoc) {
      const doc = server.get(docId)
      if (!doc || doc.deleted) continue
      writes.sort((a, b) => a.result.version - b.result.version)
      const lostOf = (w: (typeof writes)[number]) => (w.result.status === 'overridden' ? w.result.fields : [])
      const titled = writes.filter((w) => 'title' in w.row.payload && !lostOf(w).includes('title'))
      const newest = titled.at(-1)
      if (newest)
        expect(doc.title, `${col}/${docId}: the title of its newest commit (${newest.row.mutationId})`).toBe(newest.row.payload.title)
      for (const w of writes) {
        if (w.result.status === 'applied') expect(lostOf(w), 'an applied edit lost nothing').toEqual([])
      }
      if (col !== 'cpd') continue
      for (const skill of SKILLS) {
        let added = -1
        let removed = -1
        for (const w of writes) {
          const adds =
            w.row.op === 'put' ? ((w.row.payload.skillIds as string[]) ?? []) : (w.row.sets ?? []).flatMap((o) => (o.add ?? []).map(String))
          const removes = (w.row.sets ?? []).flatMap((o) => o.remove ?? [])
          if (adds.includes(skill)) added = w.result.version
          // A remove that lost (a re-add its device had not seen) was told to its author: not counted.
          if (removes.includes(skill) && !lostOf(w).includes('skillIds')) removed = w.result.version
        }
        const present = (doc.skillIds as string[]).includes(skill)
        if (present) {
          expect(added, `${docId}: ${skill} is there because someone added it`).toBeGreaterThan(-1)
          expect(removed, `${docId}: ${skill} was removed by an applied edit after its last add`).toBeLessThan(added)
        } else if (added > -1) {
          expect(removed, `${docId}: ${skill} added at v${added} is gone only if a newer remove took it`).toBeGreaterThan(added)
        }
      }
    }
  }
}

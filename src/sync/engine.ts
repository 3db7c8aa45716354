/**
 * The sync engine: pushes the outbox in batches and pulls each collection from its checkpoint.
 * All state lives in Dexie (outbox, bases, checkpoints, rejections), so a crash at any point
 * resumes safely: unacknowledged mutations are re-sent (the server is idempotent) and pulls
 * re-apply by version.
 */
import { COLLECTIONS, type CollectionName } from '@/domain/collections'
import { MAX_BATCH, TOMBSTONE_TTL_MS, type Checkpoint, type Mutation, type MutationResult, type SyncMeta } from '@/domain/sync'
import { validate } from '@/domain/validation'
import { rebase, type LocalDoc } from '@/db/apply'
import type { HubDb, OutboxRow } from '@/db/database'
import type { SyncTransport } from './ports'

export interface SyncEngineOptions {
  db: HubDb
  transport: SyncTransport
  /** Collections this client pulls (depends on the session: no institution, no shared data). */
  collections: () => readonly CollectionName[]
  now?: () => number
  pageSize?: number
  batchSize?: number
}

export interface PushSummary {
  sent: number
  applied: number
  rejected: number
  /** Committed, but part of it lost to a newer change: shown to its author like a rejection. */
  overridden: number
  roundTrips: number
}

export interface PullSummary {
  received: number
  invalid: number
  roundTrips: number
}

export class SyncEngine {
  private readonly db: HubDb
  private readonly transport: SyncTransport
  private readonly now: () => number
  private readonly pageSize: number
  private readonly batchSize: number

  constructor(private readonly options: SyncEngineOptions) {
    this.db = options.db
    this.transport = options.transport
    this.now = options.now ?? Date.now
    this.pageSize = options.pageSize ?? 500
    this.batchSize = Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH)
  }

  /** Push, then pull; records when it last completed. */
  async sync(): Promise<{ push: PushSummary; pull: PullSummary }> {
    const push = await this.push()
    const pull = await this.pull()
    await this.db.meta.put({ key: 'lastSyncedAt', value: this.now() })
    return { push, pull }
  }

  /** Sends the outbox, oldest first, in batches until it is empty. */
  async push(): Promise<PushSummary> {
    const summary: PushSummary = { sent: 0, applied: 0, rejected: 0, overridden: 0, roundTrips: 0 }
    for (;;) {
      const rows = await this.db.outbox.orderBy('seq').limit(this.batchSize).toArray()
      if (rows.length === 0) return summary
      const mutations: Mutation[] = rows.map(toMutation)
      const { results } = await this.transport.push(mutations)
      summary.roundTrips++
      summary.sent += rows.length
      await this.acknowledge(rows, results, summary)
    }
  }

  /** Pulls every collection from its checkpoint, page by page. */
  async pull(): Promise<PullSummary> {
    const summary: PullSummary = { received: 0, invalid: 0, roundTrips: 0 }
    for (const collection of this.options.collections()) await this.pullCollection(collection, summary)
    return summary
  }

  private async acknowledge(rows: OutboxRow[], results: MutationResult[], summary: PushSummary): Promise<void> {
    const byId = new Map(results.map((r) => [r.mutationId, r]))
    const { db } = this
    await db.transaction('rw', [db.outbox, db.bases, db.rejections, ...docTables(db, rows)], async () => {
      for (const row of rows) {
        const result = byId.get(row.mutationId)
        if (!result) continue // not answered: stays queued and is re-sent
        await db.outbox.where('mutationId').equals(row.mutationId).delete()
        if (result.status === 'applied') summary.applied++
        else {
          // Refused, or overridden by a newer change: either way its author is told, never "applied".
          if (result.status === 'overridden') summary.overridden++
          else summary.rejected++
          const field = result.status === 'overridden' ? result.fields[0] : result.field
          await db.rejections.put({
            mutationId: row.mutationId,
            collection: row.collection,
            docId: row.docId,
            code: result.code,
            message: result.message,
            field,
            at: this.now(),
            payload: row.payload,
            ...(result.status === 'overridden' ? { fields: result.fields, by: result.by } : {}),
          })
          await this.rebuild(row.collection, row.docId)
        }
        const remaining = await db.outbox.where('[collection+docId]').equals([row.collection, row.docId]).count()
        if (remaining === 0) await db.bases.delete([row.collection, row.docId])
      }
    })
  }

  /** Local view = last server copy + the mutations still pending, after one was refused. */
  private async rebuild(collection: CollectionName, docId: string): Promise<void> {
    const base = (await this.db.bases.get([collection, docId]))?.doc as LocalDoc | undefined
    const pending = await this.pendingFor(collection, docId)
    await this.store(collection, docId, rebase(base ?? null, pending))
  }

  private async pullCollection(collection: CollectionName, summary: PullSummary): Promise<void> {
    const { db } = this
    const saved = await db.checkpoints.get(collection)
    // A checkpoint older than the tombstone window may have missed purged deletes: start over.
    // So does one made under another readers filter: what this member may no longer read goes.
    const filter = COLLECTIONS[collection].readersField
    const full = !saved || this.now() - saved.pulledAt > TOMBSTONE_TTL_MS || saved.filter !== filter
    // An empty id means the collection was empty last time: start from the beginning.
    let after: Checkpoint | null = full || !saved.id ? null : { updatedAt: saved.updatedAt, id: saved.id }
    const seen = new Set<string>()
    for (;;) {
      const page = await this.transport.pull(collection, after, this.pageSize)
      summary.roundTrips++
      summary.received += page.length
      const last = page.at(-1)
      await db.transaction('rw', [db.table(collection), db.outbox, db.bases, db.checkpoints], async () => {
        for (const doc of page) {
          seen.add(doc.id)
          if (!(await this.applyPulled(collection, doc))) summary.invalid++
        }
        if (last)
          await db.checkpoints.put({
            collection,
            updatedAt: last.updatedAt,
            id: last.id,
            pulledAt: saved?.pulledAt ?? 0,
            filter: saved?.filter,
          })
      })
      if (last) after = { updatedAt: last.updatedAt, id: last.id }
      if (page.length < this.pageSize) break
    }
    await db.transaction('rw', [db.table(collection), db.outbox, db.checkpoints], async () => {
      if (full) await this.dropUnseen(collection, seen)
      const cp = after ?? { updatedAt: 0, id: '' }
      await db.checkpoints.put({ collection, updatedAt: cp.updatedAt, id: cp.id, pulledAt: this.now(), filter })
    })
  }

  /** Applies one pulled document; false when it fails its schema (skipped, never stored). */
  private async applyPulled(collection: CollectionName, raw: SyncMeta): Promise<boolean> {
    const checked = raw.deleted ? { ok: true as const, value: raw } : validate(COLLECTIONS[collection].schema, raw)
    if (!checked.ok) return false
    const doc = checked.value as LocalDoc
    const pending = await this.pendingFor(collection, doc.id)
    if (pending.length > 0) {
      // Read-your-writes: keep pending local edits on top of the newer server copy.
      const base = (await this.db.bases.get([collection, doc.id]))?.doc as LocalDoc | undefined
      if (base && base.version > doc.version) return true
      await this.db.bases.put({ collection, id: doc.id, doc })
      await this.store(collection, doc.id, rebase(doc.deleted ? null : doc, pending))
      return true
    }
    const existing = (await this.db.table<LocalDoc, string>(collection).get(doc.id)) ?? null
    if (existing && existing.version > doc.version) return true // an overlap re-delivered an older copy
    await this.store(collection, doc.id, doc)
    return true
  }

  private async dropUnseen(collection: CollectionName, seen: Set<string>): Promise<void> {
    const table = this.db.table<LocalDoc, string>(collection)
    const pendingIds = new Set((await this.db.outbox.where('collection').equals(collection).toArray()).map((r) => r.docId))
    const stale = (await table.toCollection().primaryKeys()).filter((id) => !seen.has(id) && !pendingIds.has(id))
    await table.bulkDelete(stale)
  }

  private async pendingFor(collection: CollectionName, docId: string): Promise<OutboxRow[]> {
    const rows = await this.db.outbox.where('[collection+docId]').equals([collection, docId]).toArray()
    return rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
  }

  private async store(collection: CollectionName, docId: string, view: LocalDoc | null): Promise<void> {
    const table = this.db.table<LocalDoc, string>(collection)
    if (!view || view.deleted) await table.delete(docId)
    else await table.put(view)
  }
}

function toMutation(row: OutboxRow): Mutation {
  const m: Mutation = {
    mutationId: row.mutationId,
    collection: row.collection,
    docId: row.docId,
    op: row.op,
    payload: row.payload,
    clientTime: row.clientTime,
  }
  if (row.baseVersion !== undefined) m.baseVersion = row.baseVersion
  if (row.device) m.device = row.device
  if (row.sets?.length) m.sets = row.sets
  return m
}

function docTables(db: HubDb, rows: OutboxRow[]) {
  return [...new Set(rows.map((r) => r.collection))].map((c) => db.table(c))
}

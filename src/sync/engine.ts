/**
 * The sync engine: pushes the outbox in batches and pulls each collection from its checkpoint.
 * All state lives in Dexie (outbox, bases, checkpoints, rejections), so a crash at any point
 * resumes safely: unacknowledged mutations are re-sent (the server is idempotent) and pulls
 * re-apply by version.
 */
import Dexie from 'dexie'
import { COLLECTIONS, type CollectionName } from '@/domain/collections'
import { MAX_BATCH, TOMBSTONE_TTL_MS, type Checkpoint, type Mutation, type MutationResult, type SyncMeta } from '@/domain/sync'
import { validate } from '@/domain/validation'
import { rebase, type LocalDoc } from '@/db/apply'
import type { CheckpointRow, HubDb, OutboxRow } from '@/db/database'
import type { SyncTransport } from './ports'

/** Documents asked for per pull request. */
export const PULL_PAGE_SIZE = 500

export interface SyncEngineOptions {
  db: HubDb
  transport: SyncTransport
  /** Collections this client pulls (depends on the session: no institution, no shared data). */
  collections: () => readonly CollectionName[]
  now?: () => number
  pageSize?: number
  batchSize?: number
  /** Collections pulled at the same time (default 4). */
  pullConcurrency?: number
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
  private readonly pullConcurrency: number

  constructor(private readonly options: SyncEngineOptions) {
    this.db = options.db
    this.transport = options.transport
    this.now = options.now ?? Date.now
    this.pageSize = options.pageSize ?? PULL_PAGE_SIZE
    this.batchSize = Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH)
    this.pullConcurrency = Math.max(1, options.pullConcurrency ?? 4)
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

  /**
   * Pulls every collection from its checkpoint, page by page, a few collections at a time (most
   * are small, so a pull is mostly round trips: waiting for them one after another was most of a
   * first pull). Each collection keeps its own checkpoint; a failure in one is thrown once the
   * others have finished.
   */
  async pull(): Promise<PullSummary> {
    const summary: PullSummary = { received: 0, invalid: 0, roundTrips: 0 }
    const queue = [...this.options.collections()]
    const failures: unknown[] = []
    // Every checkpoint in one read (one transaction, not one per collection).
    const checkpoints = new Map((await this.db.checkpoints.bulkGet(queue)).flatMap((c) => (c ? [[c.collection, c] as const] : [])))
    const worker = async () => {
      for (let collection = queue.shift(); collection; collection = queue.shift())
        await this.pullCollection(collection, checkpoints.get(collection), summary).catch((error: unknown) => failures.push(error))
    }
    await Promise.all(Array.from({ length: Math.min(this.pullConcurrency, queue.length) }, worker))
    if (failures.length > 0) throw failures[0]
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

  private async pullCollection(collection: CollectionName, saved: CheckpointRow | undefined, summary: PullSummary): Promise<void> {
    const { db } = this
    // A checkpoint older than the tombstone window may have missed purged deletes: start over.
    // So does one made under another readers filter: what this member may no longer read goes.
    const filter = COLLECTIONS[collection].readersField
    const full = !saved || this.now() - saved.pulledAt > TOMBSTONE_TTL_MS || saved.filter !== filter
    // An empty id means the collection was empty last time: start from the beginning.
    let after: Checkpoint | null = full || !saved.id ? null : { updatedAt: saved.updatedAt, id: saved.id }
    const seen = new Set<string>()
    let next = this.transport.pull(collection, after, this.pageSize)
    for (;;) {
      const page = await next
      summary.roundTrips++
      summary.received += page.length
      const last = page.at(-1)
      const more = page.length >= this.pageSize && last !== undefined
      // The next page is asked for now, while this one is checked and written: the cursor is the
      // page's last document, whatever happens to it here. A failed prefetch is seen when awaited
      // (this page's checkpoint is written first); if writing this page fails, it is dropped.
      if (more) {
        next = this.transport.pull(collection, { updatedAt: last.updatedAt, id: last.id }, this.pageSize)
        next.catch(() => undefined)
      }
      for (const doc of page) seen.add(doc.id)
      // Schemas are checked outside the transaction (pure work); the page is then written in one
      // transaction with a few bulk reads and writes rather than several requests per document.
      const valid = this.validPage(collection, page)
      summary.invalid += page.length - valid.length
      // Nothing new (most collections on most pulls): no transaction to write nothing.
      if (page.length > 0)
        await db.transaction('rw', [db.table(collection), db.outbox, db.bases, db.checkpoints], async () => {
          await this.applyPage(collection, valid)
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
      if (!more) break
    }
    const cp = after ?? { updatedAt: 0, id: '' }
    const checkpoint = { collection, updatedAt: cp.updatedAt, id: cp.id, pulledAt: this.now(), filter }
    if (full)
      await db.transaction('rw', [db.table(collection), db.outbox, db.checkpoints], async () => {
        await this.dropUnseen(collection, seen)
        await db.checkpoints.put(checkpoint)
      })
    else await db.checkpoints.put(checkpoint)
  }

  /** The documents of a page that pass their schema (a tombstone carries only its metadata). */
  private validPage(collection: CollectionName, page: readonly SyncMeta[]): LocalDoc[] {
    const { schema } = COLLECTIONS[collection]
    const valid: LocalDoc[] = []
    for (const raw of page) {
      if (raw.deleted) valid.push(raw as LocalDoc)
      else {
        const checked = validate(schema, raw)
        if (checked.ok) valid.push(checked.value as LocalDoc)
      }
    }
    return valid
  }

  /**
   * Applies a page of checked documents (inside the caller's transaction): one read of the
   * collection's pending mutations and one of the stored copies, then one bulk write and one bulk
   * delete. A document with pending local edits is rebuilt over the newer server copy
   * (read-your-writes); an older copy re-delivered by an overlap is ignored.
   */
  private async applyPage(collection: CollectionName, docs: readonly LocalDoc[]): Promise<void> {
    if (docs.length === 0) return
    const table = this.db.table<LocalDoc, string>(collection)
    const pendingByDoc = new Map<string, OutboxRow[]>()
    for (const row of await this.db.outbox
      .where('[collection+docId]')
      .between([collection, Dexie.minKey], [collection, Dexie.maxKey])
      .toArray()) {
      const rows = pendingByDoc.get(row.docId)
      if (rows) rows.push(row)
      else pendingByDoc.set(row.docId, [row])
    }
    const plain = docs.filter((d) => !pendingByDoc.has(d.id))
    const existing = await table.bulkGet(plain.map((d) => d.id))
    const puts = new Map<string, LocalDoc>()
    const deletes = new Set<string>()
    const keep = (id: string, view: LocalDoc | null) => {
      if (!view || view.deleted) {
        puts.delete(id)
        deletes.add(id)
      } else {
        deletes.delete(id)
        puts.set(id, view)
      }
    }
    plain.forEach((doc, i) => {
      const stored = existing[i]
      if (!(stored && stored.version > doc.version)) keep(doc.id, doc)
    })
    for (const doc of docs) {
      const pending = pendingByDoc.get(doc.id)
      if (!pending) continue
      pending.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
      const base = (await this.db.bases.get([collection, doc.id]))?.doc as LocalDoc | undefined
      if (base && base.version > doc.version) continue
      await this.db.bases.put({ collection, id: doc.id, doc })
      keep(doc.id, rebase(doc.deleted ? null : doc, pending))
    }
    if (puts.size > 0) await table.bulkPut([...puts.values()])
    if (deletes.size > 0) await table.bulkDelete([...deletes])
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

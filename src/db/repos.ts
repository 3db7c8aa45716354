/**
 * One repository per collection: the only code that writes a collection's Dexie table. Every
 * mutation validates with the shared schema, then writes the document and its outbox row in one
 * transaction, so a change is either fully queued for sync or not made at all.
 */
import type { Table } from 'dexie'
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '@/domain/collections'
import { newId } from '@/domain/ids'
import { canonical, diffSets } from '@/domain/sets'
import type { Mutation, MutationOp } from '@/domain/sync'
import { fieldIssue, validate, ValidationError } from '@/domain/validation'
import { applyMutation, stripMeta, type LocalDoc } from './apply'
import { db as defaultDb, type DocTables, type HubDb } from './database'
import { deviceOf } from './device'

type DocOf<C extends CollectionName> = DocTables[C] extends Table<infer T, string> ? T : never
type Fields<C extends CollectionName> = Omit<DocOf<C>, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>

export interface Repo<C extends CollectionName> {
  get(id: string): Promise<DocOf<C> | undefined>
  /** Creates a document (id generated unless given) and queues it. */
  create(fields: Fields<C>, id?: string): Promise<DocOf<C>>
  /** Replaces a document's fields wholesale. */
  put(id: string, fields: Fields<C>): Promise<DocOf<C>>
  /**
   * Changes some fields; on the server they merge field by field, and lists element by element
   * (the list edits are taken against the current local view).
   */
  patch(id: string, fields: Partial<Fields<C>>): Promise<DocOf<C>>
  /**
   * What a form saves: only the fields that differ between the version it `loaded` and `next`
   * (lists as added/removed elements against `loaded`), so a device never sends back values it
   * did not change. Returns null when nothing changed (nothing is queued).
   */
  patchFrom(id: string, loaded: Partial<Fields<C>>, next: Partial<Fields<C>>): Promise<DocOf<C> | null>
  /** Deletes (a tombstone on the server, gone locally). */
  remove(id: string): Promise<void>
}

export interface RepoOptions {
  db?: HubDb
  now?: () => number
}

/** Builds the repository of one collection. */
export function createRepo<C extends CollectionName>(collection: C, options: RepoOptions = {}): Repo<C> {
  const database = options.db ?? defaultDb
  const now = options.now ?? Date.now
  const def = COLLECTIONS[collection]
  const table = () => database.table<LocalDoc, string>(collection)

  return {
    get: (id) =>
      table()
        .get(id)
        .then((d) => (d && !d.deleted ? (d as unknown as DocOf<C>) : undefined)),
    create: (fields, id = newId()) => write(id, 'put', fields as Record<string, unknown>),
    put: (id, fields) => write(id, 'put', fields as Record<string, unknown>),
    patch: (id, fields) => write(id, 'patch', fields as Record<string, unknown>),
    patchFrom: async (id, loaded, next) => {
      const before = stripMeta(loaded as Record<string, unknown>)
      const after = stripMeta(next as Record<string, unknown>)
      // A field the person cleared travels as null (JSON has no undefined): the server removes it.
      const changed = Object.fromEntries(
        Object.entries(after)
          .filter(([k, v]) => !sameValue(v, before[k]))
          .map(([k, v]) => [k, v === undefined ? null : v]),
      )
      if (Object.keys(changed).length === 0) return null
      return write(id, 'patch', changed, before)
    },
    remove: async (id) => {
      await write(id, 'delete', {})
    },
  }

  async function write(
    docId: string,
    op: MutationOp,
    payload: Record<string, unknown>,
    listBase?: Record<string, unknown>,
  ): Promise<DocOf<C>> {
    let fields = stripMeta(payload)
    return database.transaction('rw', [table(), database.outbox, database.bases], async () => {
      const current = (await table().get(docId)) ?? null
      if (op !== 'put' && (!current || current.deleted)) throw new ValidationError([fieldIssue('', { code: 'gone' })])
      // Lists travel as element operations: two devices adding to one list both keep theirs.
      const { ops, rest } = op === 'patch' ? diffSets(collection, listBase ?? current ?? {}, fields) : { ops: [], rest: fields }
      fields = rest
      const sets = ops.length ? { sets: ops } : {}
      const next = applyMutation(current, { op, payload: fields, docId, collection, ...sets })
      if (!next) throw new ValidationError([fieldIssue('', { code: 'gone' })])
      if (op !== 'delete') {
        const checked = validate(def.schema, next)
        if (!checked.ok) throw new ValidationError(checked.issues)
      }
      // Keep the server copy before the first pending change, so it can be rebased later.
      const pending = await database.outbox.where('[collection+docId]').equals([collection, docId]).count()
      if (pending === 0 && current && current.version > 0) await database.bases.put({ collection, id: docId, doc: current })
      const device = deviceOf(database.name)
      const mutation: Mutation = {
        mutationId: newId(),
        collection,
        docId,
        op,
        payload: fields,
        clientTime: now(),
        baseVersion: current?.version ?? 0,
        device,
        ...sets,
      }
      await database.outbox.add({ ...mutation, attempts: 0 })
      if (op === 'delete') await table().delete(docId)
      else await table().put(next)
      return next as unknown as DocOf<C>
    })
  }
}

export type Repos = { [C in CollectionName]: Repo<C> }

/** Repositories over a database (tests pass their own). */
export function createRepos(options: RepoOptions = {}): Repos {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, createRepo(c, options)])) as unknown as Repos
}

export const repos: Repos = createRepos()

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

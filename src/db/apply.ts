/**
 * How a mutation changes the local view of a document. The same rules rebuild a view from the
 * server's copy plus the pending outbox (rebase) after a pull or a rejection.
 */
import { COLLECTIONS } from '@/domain/collections'
import { applySetOps } from '@/domain/sets'
import type { Mutation, SyncMeta } from '@/domain/sync'

export type LocalDoc = SyncMeta & Record<string, unknown>

const META_KEYS = ['id', 'updatedAt', 'version', 'deleted', 'lastMutationId'] as const

/** Sync metadata of `base`, or the metadata of a document never seen by the server. */
export function metaOf(base: LocalDoc | null | undefined, id: string): SyncMeta {
  if (!base) return { id, updatedAt: 0, version: 0, deleted: false, lastMutationId: null }
  return { id, updatedAt: base.updatedAt, version: base.version, deleted: base.deleted, lastMutationId: base.lastMutationId }
}

/** Applies one mutation to a document view; returns the new view (null: nothing left). */
export function applyMutation(
  view: LocalDoc | null,
  m: Pick<Mutation, 'op' | 'payload' | 'docId'> & Partial<Pick<Mutation, 'collection' | 'sets'>>,
): LocalDoc | null {
  const meta = metaOf(view, m.docId)
  if (m.op === 'delete') return view ? { ...view, deleted: true } : null
  const fields = stripMeta(m.payload)
  // Over the server's copy, what the server stamped (createdAt, an author's name) stays its.
  if (view && view.version > 0 && m.collection)
    for (const f of COLLECTIONS[m.collection].serverFields ?? []) if (view[f] !== undefined) fields[f] = view[f]
  if (m.op === 'put') return { ...fields, ...meta, deleted: false }
  if (!view) return null // a patch of a document we do not have: the server decides
  const next: LocalDoc = { ...view, ...fields }
  // null in a patch clears the field (as on the server).
  for (const [k, value] of Object.entries(fields)) if (value === null) delete next[k]
  // List edits apply element by element, over whatever the view holds now.
  if (m.sets?.length && m.collection) applySetOps(m.collection, next, m.sets)
  return next
}

/** Server copy + pending mutations, in order. */
export function rebase(
  base: LocalDoc | null,
  pending: (Pick<Mutation, 'op' | 'payload' | 'docId'> & Partial<Pick<Mutation, 'collection' | 'sets'>>)[],
): LocalDoc | null {
  let view = base
  for (const m of pending) view = applyMutation(view, m)
  return view
}

/** The editable fields of a document (sync metadata removed). */
export function stripMeta(doc: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc }
  for (const k of META_KEYS) delete copy[k]
  // Server bookkeeping (_clock, _by, _tags, _deletedAt) never belongs to the editable fields.
  for (const k of Object.keys(copy)) if (k.startsWith('_')) delete copy[k]
  return copy
}

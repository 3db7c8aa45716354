/**
 * The sync contract shared by the client engine, the push callable and the tests.
 * Errors are values across this boundary: every mutation comes back applied or rejected with a
 * typed reason; nothing is dropped silently.
 */
import * as v from 'valibot'
import { COLLECTION_NAMES } from './collections'

/** Fields every synced document carries. Stamped by the server; clients never invent them. */
export interface SyncMeta {
  id: string
  /** Server commit time in ms since epoch (0 while only local). */
  updatedAt: number
  /** Incremented by the server on every applied mutation (0 while only local). */
  version: number
  /** Tombstone: the document was deleted; kept so deletes sync and purged after 30 days. */
  deleted: boolean
  lastMutationId: string | null
}

export const MAX_BATCH = 500
/** Tombstones are purged server-side after this; a checkpoint older than it forces a full resync. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000
/** Upper bound on one mutation's JSON payload (Firestore's document limit is 1 MiB). */
export const MAX_PAYLOAD_BYTES = 900 * 1024

export type MutationOp = 'put' | 'patch' | 'delete'

export const MutationSchema = v.strictObject({
  mutationId: v.pipe(v.string(), v.minLength(8), v.maxLength(64), v.regex(/^[\w-]+$/)),
  collection: v.picklist(COLLECTION_NAMES),
  docId: v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\w.-]+$/)),
  op: v.picklist(['put', 'patch', 'delete']),
  /** For put: the whole document (without SyncMeta); for patch: the changed fields; for delete: {}. */
  payload: v.record(v.string(), v.unknown()),
  /** Client time of the edit, ms: orders field-level last-writer-wins and append-only entries. */
  clientTime: v.pipe(v.number(), v.integer(), v.minValue(0)),
})
export type Mutation = v.InferOutput<typeof MutationSchema>

export const PushRequestSchema = v.strictObject({
  mutations: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(MAX_BATCH)),
})
export type PushRequest = { mutations: Mutation[] }

export type RejectionCode =
  | 'invalid' // payload fails the shared schema
  | 'forbidden' // role or ownership does not allow it
  | 'not-found' // patch/delete of a document that does not exist
  | 'conflict' // e.g. a second vote, a stale update of a deleted document
  | 'too-large'

export type MutationResult =
  | { mutationId: string; status: 'applied'; docId: string; version: number; updatedAt: number }
  | { mutationId: string; status: 'rejected'; docId: string; code: RejectionCode; message: string; field?: string }

export interface PushResponse {
  results: MutationResult[]
}

/** A page of pulled documents for one collection, in (updatedAt, id) order. */
export interface PullPage<T extends SyncMeta = SyncMeta> {
  docs: T[]
}

/** Where a pull resumes: the last (updatedAt, id) seen for a collection. */
export interface Checkpoint {
  updatedAt: number
  id: string
}

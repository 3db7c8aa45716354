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
  /**
   * Client time of the edit, ms: orders concurrent field edits. The server clamps it to its own
   * time at receipt, so a device whose clock runs ahead cannot freeze a field.
   */
  clientTime: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The server version of the document the edit was made on (0: never synced): what its author had seen. */
  baseVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** The device that made the edit, so whoever loses a merge is told where the newer change came from. */
  device: v.optional(
    v.strictObject({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), name: v.pipe(v.string(), v.maxLength(80)) }),
  ),
  /** For a patch: add/remove operations on the document's lists (see src/domain/sets.ts). */
  sets: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          path: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(128))), v.minLength(1), v.maxLength(5)),
          add: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(200))),
          remove: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200))),
          order: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200))),
        }),
      ),
      v.maxLength(200),
    ),
  ),
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
  | 'mutation-id-reused' // a mutation id already recorded for a different change

/** Who made the change that won a merge over this one. */
export interface OverriddenBy {
  uid: string
  /** The device's name when it sent one ("Android phone"), else absent. */
  deviceName?: string
  /** True when the same person made it (on another device). */
  samePerson: boolean
}
export type MutationResult =
  | { mutationId: string; status: 'applied'; docId: string; version: number; updatedAt: number }
  | { mutationId: string; status: 'rejected'; docId: string; code: RejectionCode; message: string; field?: string }
  /**
   * Committed, but some of its edits lost the merge to a newer change the author had not seen
   * (`fields`: what lost). Never reported as applied: the author is told.
   */
  | {
      mutationId: string
      status: 'overridden'
      docId: string
      version: number
      updatedAt: number
      code: 'overridden'
      message: string
      fields: string[]
      by: OverriddenBy
    }

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

/**
 * What deleting an account does to each kind of document, as pure data and functions (tested
 * without Firestore). Nothing that names the person survives: their own tree is deleted, their
 * directory entry and skill-share requests become tombstones (so every device drops them, and the
 * purge removes them after 30 days), and their part in shared records is made anonymous so the
 * aggregates stay right: an idea, comment or RAG note keeps its words but loses its author, and a
 * vote still counts but no longer says whose it was.
 */
import * as v from 'valibot'
import { COLLECTIONS, readersOf, type CollectionName } from '@/domain/collections'

/** The author every anonymised record points to. */
export const FORMER_MEMBER = 'former-member'
export const FORMER_MEMBER_NAME = 'Former member'

/** The phrase the app sends once the person has confirmed. */
export const CONFIRM_PHRASE = 'delete my account'
export const DeleteInputSchema = v.strictObject({ confirm: v.literal(CONFIRM_PHRASE, 'Confirm that you want to delete your account') })

/** Institution documents that record a member as their author, and the fields that say so. */
export const AUTHOR_FIELDS: readonly { collection: CollectionName; field: string; replace: Record<string, string> }[] = [
  { collection: 'ideas', field: 'authorUid', replace: { authorUid: FORMER_MEMBER } },
  { collection: 'comments', field: 'authorUid', replace: { authorUid: FORMER_MEMBER, authorName: FORMER_MEMBER_NAME } },
  { collection: 'ragChanges', field: 'byUid', replace: { byUid: FORMER_MEMBER } },
  { collection: 'surveys', field: 'createdByUid', replace: { createdByUid: FORMER_MEMBER } },
  { collection: 'assessments', field: 'updatedByUid', replace: { updatedByUid: FORMER_MEMBER } },
]

/** Institution documents that belong to the member (as either party): removed as tombstones. */
export const OWNED: readonly { collection: CollectionName; field: string }[] = [
  { collection: 'requests', field: 'learnerUid' },
  { collection: 'requests', field: 'teacherUid' },
]

export interface StoredMeta {
  version?: unknown
}

/**
 * A tombstone replacing a document wholesale: no fields survive, only that it was deleted — and,
 * for a document only some members may read (a request), who else still needs to hear of it.
 */
export function tombstone(
  id: string,
  previous: StoredMeta | undefined,
  now: number,
  readers?: Record<string, string[]>,
): Record<string, unknown> {
  const version = typeof previous?.version === 'number' ? previous.version : 0
  return { id, deleted: true, version: version + 1, lastMutationId: null, _deletedAt: now, ...readers }
}

/**
 * The readers a tombstone of `collection` keeps when `uid` leaves: the other party of a request
 * (so it reaches their devices), never the leaver. Nothing for collections everyone reads.
 */
export function remainingReaders(
  collection: CollectionName,
  doc: Record<string, unknown>,
  uid: string,
): Record<string, string[]> | undefined {
  const field = COLLECTIONS[collection].readersField
  const uids = readersOf(collection, doc)
  return field && uids ? { [field]: uids.filter((u) => u !== uid) } : undefined
}

/**
 * A document's record of who last wrote each field (`_by`, for "overridden by" answers) with the
 * leaver's entries made the former member's (and their device left out), or null when it does not
 * name them.
 */
export function writersWithout(by: unknown, uid: string): Record<string, unknown> | null {
  if (by === null || typeof by !== 'object') return null
  let named = false
  const next = Object.fromEntries(
    Object.entries(by as Record<string, unknown>).map(([field, w]) => {
      if (w === null || typeof w !== 'object' || (w as { uid?: unknown }).uid !== uid) return [field, w]
      named = true
      return [field, { v: (w as { v?: unknown }).v, uid: FORMER_MEMBER }]
    }),
  )
  return named ? next : null
}

/** The next version of a document changed by the server (clients re-apply by version). */
export function nextVersion(previous: StoredMeta | undefined): number {
  return (typeof previous?.version === 'number' ? previous.version : 0) + 1
}

/**
 * A vote that still counts but no longer names its voter: a new id (`idea__anon-…`, the shape of
 * one-per-member ids) and voter. `token` must be random: it links to nothing.
 */
export function anonymousVote(
  vote: { ideaId?: unknown; createdAt?: unknown },
  token: string,
  now: number,
): { id: string; doc: Record<string, unknown> } | null {
  if (typeof vote.ideaId !== 'string' || !/^[\w-]{8,64}$/.test(token)) return null
  const voter = `anon-${token}`
  const id = `${vote.ideaId}__${voter}`
  return {
    id,
    doc: {
      id,
      ideaId: vote.ideaId,
      voterUid: voter,
      createdAt: typeof vote.createdAt === 'number' ? vote.createdAt : now,
      deleted: false,
      version: 1,
      lastMutationId: null,
      _clock: {},
    },
  }
}

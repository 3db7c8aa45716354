/**
 * Endorsements: after a completed skill-share session its learner may say "taught me this" once,
 * and the teacher's profile shows how many colleagues did, per skill. Only the `endorseSkill`
 * callable writes them (a learner cannot write the teacher's profile): it checks this rule, marks
 * the request `endorsedAt` and adds one to the teacher's `endorsements[skillId]`, in one
 * transaction. No endorser is named anywhere: a request is private to its two parties.
 */
import * as v from 'valibot'
import { Id, Millis } from './common'

/** `endorseSkill`: the completed request whose teacher the caller (its learner) endorses. */
export const EndorseInputSchema = v.strictObject({ requestId: Id })
export type EndorseInput = v.InferOutput<typeof EndorseInputSchema>

/** Endorsements per skill id on a profile (and its directory entry); written only by the server. */
export const EndorsementCountsSchema = v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(80)), Millis)
export type EndorsementCounts = v.InferOutput<typeof EndorsementCountsSchema>

export const ENDORSE_REFUSALS = ['not-found', 'not-learner', 'not-completed', 'already-endorsed'] as const
export type EndorseRefusal = (typeof ENDORSE_REFUSALS)[number]

interface RequestLike {
  learnerUid?: unknown
  state?: unknown
  endorsedAt?: unknown
  deleted?: unknown
}

/** Why `uid` may not endorse the teacher of this request, or null when they may (its learner, completed, not yet endorsed). */
export function endorseRefusal(request: RequestLike | null | undefined, uid: string): EndorseRefusal | null {
  if (!request || request.deleted === true) return 'not-found'
  if (request.learnerUid !== uid) return 'not-learner'
  if (request.state !== 'completed') return 'not-completed'
  if (typeof request.endorsedAt === 'number') return 'already-endorsed'
  return null
}

/** The counts with one more endorsement of `skillId`. */
export function withEndorsement(counts: EndorsementCounts | undefined, skillId: string): EndorsementCounts {
  return { ...counts, [skillId]: (counts?.[skillId] ?? 0) + 1 }
}

/**
 * submitSurveyResponse: anonymous answers that no one can join to their author.
 *
 * - The response (`surveys/{id}/responses/{rid}`) holds the answers, the day (no finer time),
 *   and, only for cells of ≥ 5 members, the respondent's faculty / role family for breakdowns.
 *   Anonymous surveys store no uid, name or email anywhere in the response.
 * - "One each" is kept by a receipt `surveys/{id}/receipts/{key}`, where
 *   key = HMAC-SHA256(secret, "receipt:inst:survey:uid"). The receipt is keyed by the user, but
 *   through a keyed hash, not the raw uid: Firestore stamps every document with an exact
 *   create/update time, so a receipt named by the raw uid, committed in the same transaction as
 *   the response, could be joined to it by that time by anyone reading the database. With the
 *   hash, the receipt says only "someone submitted"; mapping it back to a person needs the
 *   server secret and the member list.
 * - When the survey allows editing, the response id is HMAC(secret, "response:…") so a second
 *   submission replaces the first. The same secret could recompute that link: the trade-off of
 *   editable surveys, documented for leads. Non-editable surveys use a random id, so even the
 *   secret cannot join them.
 */
import { createHmac } from 'node:crypto'
import * as v from 'valibot'
import type { Firestore, Query } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { Id } from '@/domain/common'
import { SurveySchema, type Survey } from '@/domain/entities'
import { MAX_PAYLOAD_BYTES } from '@/domain/sync'
import { isPlainObject, typedError } from '../errors'
import { fromStored } from '../push/apply'
import { jsonBytes } from '../push/doc'
import { firstIssue } from '../push/validate'
import type { SubmitOutcome } from '@/survey/types'
import { checkAnswers, MIN_RESPONSES, type StoredAnswer } from './answers'

export const SubmitInputSchema = v.strictObject({
  surveyId: Id,
  /**
   * The phone's id for this submission. A retry with the same id (the answer was stored but the
   * reply was lost) gets the first outcome back instead of "already answered": retries never
   * duplicate and never fail. Kept on the receipt only, never on the response.
   */
  submissionId: v.optional(Id),
  answers: v.pipe(
    v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'Answers must be an object keyed by question id'),
    v.record(v.pipe(v.string(), v.maxLength(128)), v.unknown()),
    v.check((r) => Object.keys(r).length <= 200, 'Too many answers'),
  ),
})

/** What a response document holds. Note what is absent: uid, name, email, time of day. */
export interface ResponseDoc {
  answers: StoredAnswer[]
  /** UTC calendar day of the (last) submission, e.g. 2026-11-23. */
  day: string
  /** Breakdown attributes, each present only when its group has ≥ 5 members. */
  group: { facultyId?: string; roleFamily?: string }
  /** Named surveys only. */
  respondentUid?: string
  respondentName?: string
}

export type { SubmitOutcome } from '@/survey/types'

/** What a receipt holds: whether the answer may be replaced, and the last submission's id. */
interface ReceiptDoc {
  editable: boolean
  submissionId?: string
  /** Set once the answer has been replaced (editable surveys). */
  replaced?: boolean
}

/** The HMAC secret: from the environment; a fixed development value in the emulator only. */
export function surveySecret(env: NodeJS.ProcessEnv = process.env): string {
  const s = env.SURVEY_HMAC_SECRET
  if (s && s.length >= 16) return s
  if (env.FUNCTIONS_EMULATOR === 'true') return 'emulator-only-survey-secret-not-for-production'
  throw typedError('invalid', 'Surveys are not configured on this server (SURVEY_HMAC_SECRET)')
}

export function keyedId(secret: string, purpose: 'receipt' | 'response', institutionId: string, surveyId: string, uid: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${institutionId}:${surveyId}:${uid}`).digest('hex')
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Is the survey accepting answers on `day` (UTC calendar day)? */
export function isOpen(s: Pick<Survey, 'status' | 'opensAt' | 'closesAt'>, day: string): boolean {
  return s.status === 'open' && day >= s.opensAt && day <= s.closesAt
}

export async function submitSurveyResponseCore(
  db: Firestore,
  caller: Caller,
  data: unknown,
  opts: { secret: string; now?: () => number },
): Promise<SubmitOutcome> {
  const now = opts.now ?? Date.now
  if (!caller.institutionId || !caller.role) throw typedError('forbidden', 'Join an institution first')
  if (!isPlainObject(data)) throw typedError('invalid', 'Send a survey id and answers')
  const bytes = jsonBytes(data)
  if (bytes > MAX_PAYLOAD_BYTES) throw typedError('too-large', `Your answers are too large (${bytes} bytes)`)
  const parsed = v.safeParse(SubmitInputSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  const { surveyId, answers, submissionId } = parsed.output
  const inst = caller.institutionId
  const surveyRef = db.doc(`institutions/${inst}/surveys/${surveyId}`)
  const profileRef = db.doc(`users/${caller.uid}/profiles/${caller.uid}`)

  const [surveySnap, profileSnap] = await db.getAll(surveyRef, profileRef)
  const survey = readSurvey(surveySnap?.exists ? surveySnap.data() : undefined)
  if (!isOpen(survey, utcDay(now()))) throw typedError('closed', 'This survey is closed')
  // The full profile (the directory entry of a hidden member is a tombstone).
  const member = profileSnap?.exists && profileSnap.get('deleted') !== true && profileSnap.get('institutionId') === inst ? profileSnap.data()! : null
  if (!member) throw typedError('forbidden', 'Only members can answer this survey')
  const facultyId = typeof member.facultyId === 'string' ? member.facultyId : undefined
  const roleFamily = typeof member.roleFamily === 'string' ? member.roleFamily : undefined
  const { facultyIds, roleFamilies } = survey.audience
  if ((facultyIds.length > 0 && (!facultyId || !facultyIds.includes(facultyId))) || (roleFamilies.length > 0 && (!roleFamily || !(roleFamilies as string[]).includes(roleFamily)))) {
    throw typedError('forbidden', 'This survey is for another group of technicians')
  }

  const checked = checkAnswers(survey.questions, answers)
  if (!checked.ok) throw typedError('invalid', checked.message, { field: checked.field })

  const group = await safeGroup(db, inst, facultyId, roleFamily)
  const receiptRef = db.doc(`institutions/${inst}/surveys/${surveyId}/receipts/${keyedId(opts.secret, 'receipt', inst, surveyId, caller.uid)}`)
  const editableRef = db.doc(`institutions/${inst}/surveys/${surveyId}/responses/${keyedId(opts.secret, 'response', inst, surveyId, caller.uid)}`)

  // One atomic commit without a transaction: the receipt is *created* (fails if it exists), so
  // concurrent or retried submissions cannot both land, and nothing waits on a lock.
  const day = utcDay(now())
  const response: ResponseDoc = { answers: checked.answers, day, group }
  if (!survey.anonymous) {
    response.respondentUid = caller.uid
    response.respondentName = typeof member.displayName === 'string' ? member.displayName : ''
  }
  const editable = survey.allowEdit
  const receiptDoc: ReceiptDoc = submissionId ? { editable, submissionId } : { editable }
  const batch = db.batch()
  batch.create(receiptRef, receiptDoc)
  batch.set(editable ? editableRef : db.collection(`institutions/${inst}/surveys/${surveyId}/responses`).doc(), response)
  try {
    await batch.commit()
    return { status: 'submitted', day }
  } catch (err) {
    if ((err as { code?: unknown }).code !== ALREADY_EXISTS) throw err
  }
  const receipt = await receiptRef.get()
  // A retry of the submission already stored (its reply was lost): the same outcome, nothing written.
  if (submissionId && receipt.get('submissionId') === submissionId) return { status: receipt.get('replaced') === true ? 'replaced' : 'submitted', day }
  // Answered before: replace only where editing is allowed and the first answer was made editable.
  if (!(editable && receipt.get('editable') === true)) throw typedError('already-submitted', 'You have already answered this survey')
  const replace = db.batch()
  replace.set(editableRef, response)
  replace.set(receiptRef, { ...receiptDoc, replaced: true } satisfies ReceiptDoc)
  await replace.commit()
  return { status: 'replaced', day }
}

const ALREADY_EXISTS = 6

function readSurvey(data: Record<string, unknown> | undefined): Survey {
  if (!data || data.deleted === true) throw typedError('not-found', 'This survey does not exist')
  const parsed = v.safeParse(SurveySchema, fromStored(data))
  if (!parsed.success) throw typedError('not-found', 'This survey cannot be answered')
  return parsed.output
}

/**
 * Breakdown attributes to store, keeping every stored combination to groups of ≥ 5 members:
 * both when the faculty × role-family cell is big enough, else whichever single one is.
 */
async function safeGroup(db: Firestore, inst: string, facultyId: string | undefined, roleFamily: string | undefined): Promise<ResponseDoc['group']> {
  const members = institutionProfiles(db, inst)
  const count = (key: string, q: () => Query) => cachedCount(`${inst}|${key}`, async () => (await q().count().get()).data().count)
  if (facultyId && roleFamily && (await count(`f:${facultyId}|r:${roleFamily}`, () => members.where('facultyId', '==', facultyId).where('roleFamily', '==', roleFamily))) >= MIN_RESPONSES) {
    return { facultyId, roleFamily }
  }
  if (facultyId && (await count(`f:${facultyId}`, () => members.where('facultyId', '==', facultyId))) >= MIN_RESPONSES) return { facultyId }
  if (roleFamily && (await count(`r:${roleFamily}`, () => members.where('roleFamily', '==', roleFamily))) >= MIN_RESPONSES) return { roleFamily }
  return {}
}

/**
 * Group sizes change when people join or leave, not between one answer and the next: each
 * instance keeps a count for a minute, so a burst of answers (a whole faculty after a workshop)
 * costs a few count queries instead of three per answer. Concurrent misses share one query.
 */
const GROUP_COUNT_TTL_MS = 60_000
const groupCounts = new Map<string, { at: number; count: Promise<number> }>()

export function cachedCount(key: string, load: () => Promise<number>, now = Date.now()): Promise<number> {
  const hit = groupCounts.get(key)
  if (hit && now - hit.at < GROUP_COUNT_TTL_MS) return hit.count
  if (groupCounts.size > 10_000) groupCounts.clear()
  const count = load()
  groupCounts.set(key, { at: now, count })
  // A failed query is not remembered.
  count.catch(() => groupCounts.delete(key))
  return count
}

/** Every live member profile of an institution, hidden ones included (a collection-group query). */
export function institutionProfiles(db: Firestore, inst: string): Query {
  return db.collectionGroup('profiles').where('institutionId', '==', inst).where('deleted', '==', false)
}

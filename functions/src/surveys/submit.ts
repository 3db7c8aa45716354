/**
 * submitSurveyResponse: anonymous answers that no one can join to their author — not a lead, not
 * a platform admin reading the database, not someone who also holds the server's HMAC secret.
 * The threat model is in README ("Security and privacy model"); the join is tried in
 * tests/integration/surveys-anonymity.test.ts.
 *
 * - "One each" is kept by a receipt `surveys/{id}/receipts/{HMAC(secret, uid)}`, created on its
 *   own (create fails if it exists). It holds `editable` and `claim` = sha256("claim:" + token),
 *   where `token` is a random secret the phone made for this survey and never sends anywhere else.
 * - The answer is written in a later, separate commit into the survey's mixing pool (./pool.ts)
 *   under key = sha256("answer:" + token): no uid (anonymous surveys), no time at all (not even
 *   the day), no client id. It leaves the pool in random groups of five, in one commit, so its
 *   stored times are shared by at least five answers and never match a receipt's.
 * - Nothing stored links the two: the receipt's claim and the answer's key are hashes of the same
 *   token with different prefixes, and the token exists only on the phone. Retries are still
 *   idempotent: a retry with the same token finds its receipt's claim and its answer's key (and
 *   stores the answer if the first attempt stopped between the two commits); another device
 *   (another token) is refused as already answered. Editing (where allowed) needs the token, so
 *   an answer is changed from the phone that sent it.
 */
import { createHash, createHmac } from 'node:crypto'
import { problem } from '@/domain/problems'
import * as v from 'valibot'
import type { Firestore, Query } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { Id } from '@/domain/common'
import { SurveySchema, type Survey } from '@/domain/entities'
import { MAX_PAYLOAD_BYTES } from '@/domain/sync'
import { isPlainObject, typedError } from '../errors'
import { fromStored } from '../push/apply'
import { deepEqual, jsonBytes } from '../push/doc'
import { firstIssue } from '../push/validate'
import type { SubmitOutcome } from '@/survey-engine/types'
import { checkAnswers, MIN_RESPONSES, type StoredAnswer } from './answers'
import { addToPool, poolEntries, poolRef, responsesOf } from './pool'

/** The phone's random secret for its answer to one survey (base64url, ≥ 128 bits). */
export const AnswerToken = v.pipe(v.string(), v.regex(/^[\w-]{22,128}$/, 'Invalid answer token'))

export const SubmitInputSchema = v.strictObject({
  surveyId: Id,
  /**
   * The phone's random secret for this survey's answer: every retry and edit sends the same one.
   * Stored only as two unrelated hashes (receipt claim, answer key), never as sent.
   */
  token: AnswerToken,
  /** Whether the person saw the survey as anonymous; refused if the survey says otherwise. */
  anonymous: v.boolean('Send whether the survey was shown as anonymous'),
  answers: v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
      'Answers must be an object keyed by question id',
    ),
    v.record(v.pipe(v.string(), v.maxLength(128)), v.unknown()),
    v.check((r) => Object.keys(r).length <= 200, 'Too many answers'),
  ),
})

/** What a response (in the pool or out) holds. Note what is absent: uid, name, email, any time. */
export interface ResponseDoc {
  answers: StoredAnswer[]
  /** Breakdown attributes, each present only when its group has ≥ 5 members. */
  group: { facultyId?: string; roleFamily?: string }
  /** Named surveys only. */
  respondentUid?: string
  respondentName?: string
}

export type { SubmitOutcome } from '@/survey-engine/types'

/** What a receipt holds: whether the answer may be replaced, and the hash proving a retry is the same phone's. */
interface ReceiptDoc {
  editable: boolean
  /** sha256("claim:" + token). */
  claim: string
}

/** The receipt's claim and the answer's key: two hashes of the phone's token that cannot be matched without it. */
export function claimOf(token: string): string {
  return createHash('sha256').update(`claim:${token}`).digest('hex')
}
export function answerKey(token: string): string {
  return createHash('sha256').update(`answer:${token}`).digest('hex')
}

/** The HMAC secret: from the environment; a fixed development value in the emulator only. */
export function surveySecret(env: NodeJS.ProcessEnv = process.env): string {
  const s = env.SURVEY_HMAC_SECRET
  if (s && s.length >= 16) return s
  if (env.FUNCTIONS_EMULATOR === 'true') return 'emulator-only-survey-secret-not-for-production'
  throw typedError('invalid', 'Surveys are not configured on this server (SURVEY_HMAC_SECRET)')
}

export function keyedId(secret: string, purpose: 'receipt', institutionId: string, surveyId: string, uid: string): string {
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
  if (bytes > MAX_PAYLOAD_BYTES) throw typedError('too-large', problem('answersTooLarge', { bytes }))
  const parsed = v.safeParse(SubmitInputSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  const { surveyId, answers, token, anonymous } = parsed.output
  const inst = caller.institutionId
  const surveyRef = db.doc(`institutions/${inst}/surveys/${surveyId}`)
  const profileRef = db.doc(`users/${caller.uid}/profiles/${caller.uid}`)

  const [surveySnap, profileSnap] = await db.getAll(surveyRef, profileRef)
  const survey = readSurvey(surveySnap?.exists ? surveySnap.data() : undefined)
  if (!isOpen(survey, utcDay(now()))) throw typedError('closed', 'This survey is closed')
  if (anonymous !== survey.anonymous) {
    throw typedError('mode-changed', problem(survey.anonymous ? 'surveyNowAnonymous' : 'surveyNowNamed'), { anonymous: survey.anonymous })
  }
  // The full profile (the directory entry of a hidden member is a tombstone).
  const member =
    profileSnap?.exists && profileSnap.get('deleted') !== true && profileSnap.get('institutionId') === inst ? profileSnap.data()! : null
  if (!member) throw typedError('forbidden', 'Only members can answer this survey')
  const facultyId = typeof member.facultyId === 'string' ? member.facultyId : undefined
  const roleFamily = typeof member.roleFamily === 'string' ? member.roleFamily : undefined
  const { facultyIds, roleFamilies } = survey.audience
  if (
    (facultyIds.length > 0 && (!facultyId || !facultyIds.includes(facultyId))) ||
    (roleFamilies.length > 0 && (!roleFamily || !(roleFamilies as string[]).includes(roleFamily)))
  ) {
    throw typedError('forbidden', 'This survey is for another group of technicians')
  }

  const checked = checkAnswers(survey.questions, answers)
  if (!checked.ok) throw typedError('invalid', checked.message, { field: checked.field })

  const group = await safeGroup(db, inst, facultyId, roleFamily)
  const receiptRef = db.doc(
    `institutions/${inst}/surveys/${surveyId}/receipts/${keyedId(opts.secret, 'receipt', inst, surveyId, caller.uid)}`,
  )
  const key = answerKey(token)
  const claim = claimOf(token)
  const day = utcDay(now())
  const response: ResponseDoc = { answers: checked.answers, group }
  if (!survey.anonymous) {
    response.respondentUid = caller.uid
    response.respondentName = typeof member.displayName === 'string' ? member.displayName : ''
  }

  // Commit 1: the receipt alone. Created, so concurrent or retried submissions cannot both pass.
  let retry = false
  try {
    await receiptRef.create({ editable: survey.allowEdit, claim } satisfies ReceiptDoc)
  } catch (err) {
    if ((err as { code?: unknown }).code !== ALREADY_EXISTS) throw err
    const receipt = await receiptRef.get()
    // Another phone (another token) answered for this person: one answer each.
    if (receipt.get('claim') !== claim)
      throw typedError('already-submitted', 'You have already answered this survey (perhaps on another device)')
    retry = true
  }
  if (retry) {
    const [pooled, out] = await db.getAll(poolRef(db, inst, surveyId), responsesOf(db, inst, surveyId).doc(key))
    const stored = (poolEntries(pooled?.data())[key] as ResponseDoc | undefined) ?? (out?.exists ? (out.data() as ResponseDoc) : undefined)
    if (stored) {
      // The same answer again (a lost reply): the first outcome, nothing written.
      if (deepEqual(stored, response)) return { status: 'submitted', day }
      const receipt = await receiptRef.get()
      if (!(survey.allowEdit && receipt.get('editable') === true))
        throw typedError('already-submitted', 'You have already answered this survey')
      // An edit waits in the pool like a new answer; its counted copy is replaced when it leaves.
      await addToPool(db, inst, surveyId, key, response)
      return { status: 'replaced', day }
    }
    // Else the first attempt stopped between the receipt and the answer: store it now.
  }
  // Commit 2: the answer, into the mixing pool.
  await addToPool(db, inst, surveyId, key, response)
  return { status: 'submitted', day }
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
async function safeGroup(
  db: Firestore,
  inst: string,
  facultyId: string | undefined,
  roleFamily: string | undefined,
): Promise<ResponseDoc['group']> {
  const members = institutionProfiles(db, inst)
  const count = (key: string, q: () => Query) => cachedCount(`${inst}|${key}`, async () => (await q().count().get()).data().count)
  if (
    facultyId &&
    roleFamily &&
    (await count(`f:${facultyId}|r:${roleFamily}`, () =>
      members.where('facultyId', '==', facultyId).where('roleFamily', '==', roleFamily),
    )) >= MIN_RESPONSES
  ) {
    return { facultyId, roleFamily }
  }
  if (facultyId && (await count(`f:${facultyId}`, () => members.where('facultyId', '==', facultyId))) >= MIN_RESPONSES) return { facultyId }
  if (roleFamily && (await count(`r:${roleFamily}`, () => members.where('roleFamily', '==', roleFamily))) >= MIN_RESPONSES)
    return { roleFamily }
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

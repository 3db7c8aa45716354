/**
 * What the organisers' survey callables share: who may call them, input parsing with a typed
 * error, and reading a survey and its responses (never a receipt: those say nothing useful).
 */
import { createHash } from 'node:crypto'
import * as v from 'valibot'
import type { Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { SurveySchema, type Survey } from '@/domain/entities'
import { isPlainObject, typedError } from '../errors'
import { fromStored } from '../push/apply'
import { firstIssue } from '../push/validate'
import { mixOut, poolEntries, poolRef, responsesOf } from './pool'
import { isOpen, utcDay, type ResponseDoc } from './submit'

const ORGANISERS = new Set(['lead', 'admin', 'champion'])

/** The caller's institution, if they may see and work with results (leads, admins, champions). */
export function requireOrganiser(caller: Caller): string {
  if (!caller.institutionId || !caller.role || !ORGANISERS.has(caller.role)) {
    throw typedError('forbidden', 'Only leads and champions can see survey results')
  }
  return caller.institutionId
}

/** Parses callable input with a schema; the first issue becomes a typed `invalid` error. */
export function parseInput<S extends v.GenericSchema>(schema: S, data: unknown, what: string): v.InferOutput<S> {
  if (!isPlainObject(data)) throw typedError('invalid', `Send ${what}`)
  const parsed = v.safeParse(schema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  return parsed.output
}

/** A live survey of the institution, or a typed `not-found`. */
export async function loadSurvey(db: Firestore, inst: string, surveyId: string): Promise<Survey> {
  const snap = await db.doc(`institutions/${inst}/surveys/${surveyId}`).get()
  if (!snap.exists || snap.get('deleted') === true) throw typedError('not-found', 'This survey does not exist')
  const survey = v.safeParse(SurveySchema, fromStored(snap.data()!))
  if (!survey.success) throw typedError('not-found', 'This survey cannot be read')
  return survey.output
}

/**
 * The answers results may count: those that left the mixing pool in groups of five (./pool.ts),
 * so results change only a group at a time. Once the survey has closed, every complete group
 * still waiting is let out first. `waiting`: how many more are in the pool.
 */
export async function loadResponses(
  db: Firestore,
  inst: string,
  survey: Pick<Survey, 'id' | 'status' | 'opensAt' | 'closesAt'>,
  now = Date.now(),
): Promise<{ responses: ResponseDoc[]; waiting: number }> {
  if (survey.status !== 'draft' && !isOpen(survey, utcDay(now))) await mixOut(db, inst, survey.id, { closed: true })
  const [snap, pool] = await Promise.all([responsesOf(db, inst, survey.id).get(), poolRef(db, inst, survey.id).get()])
  const responses = snap.docs.map((d) => d.data() as ResponseDoc)
  const counted = new Set(snap.docs.map((d) => d.id))
  // An edit of a counted answer waits in the pool under the same key: not an extra person.
  const waiting = Object.keys(poolEntries(pool.data())).filter((k) => !counted.has(k)).length
  return { responses, waiting }
}

/** The content key of a free-text answer: names the words, never the response or its author. */
export function textKey(questionId: string, text: string): string {
  return createHash('sha256').update(`${questionId}\n${text}`, 'utf8').digest('hex')
}

export const TEXT_KEY = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'Unknown answer'))

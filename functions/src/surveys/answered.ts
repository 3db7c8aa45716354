/**
 * surveyAnswered: has the caller answered this survey already (on any device)? So a phone that
 * did not send the answer can say so before the person fills the survey in.
 *
 * It tells the caller about themself only: the receipt id is HMAC(secret, caller's own uid), and
 * no input names anyone else. A receipt says nothing about the answer (README "Anonymous surveys").
 */
import * as v from 'valibot'
import type { Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { Id } from '@/domain/common'
import { typedError } from '../errors'
import { loadSurvey, parseInput } from './access'
import { keyedId } from './submit'

export const AnsweredInputSchema = v.strictObject({ surveyId: Id })

export async function surveyAnsweredCore(
  db: Firestore,
  caller: Caller,
  data: unknown,
  opts: { secret: string },
): Promise<{ answered: boolean }> {
  const inst = caller.institutionId
  if (!inst) throw typedError('forbidden', 'Join an institution to answer its surveys')
  const { surveyId } = parseInput(AnsweredInputSchema, data, '{ surveyId }')
  await loadSurvey(db, inst, surveyId)
  const receipt = await db
    .doc(`institutions/${inst}/surveys/${surveyId}/receipts/${keyedId(opts.secret, 'receipt', inst, surveyId, caller.uid)}`)
    .get()
  return { answered: receipt.exists }
}

/** Survey answers as stored: counted responses plus those waiting in the mixing pool (functions/src/surveys/pool.ts). */
import { randomBytes } from 'node:crypto'
import type { Firestore } from 'firebase-admin/firestore'
import { applied, docId, mutation, pushOne } from './push'
import type { TestUser } from './users'
import { surveyDoc } from '../../support/surveys'

export { day, surveyDoc } from '../../support/surveys'

/** Every stored answer of a survey, counted or waiting. */
export async function storedResponses(db: Firestore, inst: string, surveyId: string): Promise<Record<string, unknown>[]> {
  const base = `institutions/${inst}/surveys/${surveyId}`
  const [counted, pool] = await Promise.all([db.collection(`${base}/responses`).get(), db.doc(`${base}/pool/waiting`).get()])
  const waiting = (pool.get('e') ?? {}) as Record<string, Record<string, unknown>>
  const ids = new Set(counted.docs.map((d) => d.id))
  return [
    ...counted.docs.map((d) => waiting[d.id] ?? d.data()),
    ...Object.entries(waiting)
      .filter(([k]) => !ids.has(k))
      .map(([, v]) => v),
  ]
}

/** A phone's random answer token. */
export const answerToken = (): string => randomBytes(32).toString('base64url')

/** Creates `surveyDoc(fields)` through syncPush as `by`, its organiser (the way the app does); its id. */
export async function createSurvey(by: TestUser, fields: object = {}): Promise<string> {
  const id = docId('survey')
  applied(await pushOne(by, mutation('surveys', id, 'put', surveyDoc({ createdByUid: by.uid, ...fields }))))
  return id
}

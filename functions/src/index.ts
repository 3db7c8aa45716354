/**
 * Cloud Functions of Technician Hub (v2). Callables validate with the shared `src/domain`
 * schemas (bundled), authorise from custom claims and write with firebase-admin; clients never
 * write Firestore directly.
 */
// First: the shared options must be set before any module below defines a function.
import './options'
import * as v from 'valibot'
import { onSchedule } from 'firebase-functions/v2/scheduler'
import { logger } from 'firebase-functions/v2'
import { checkAll } from './aggregates/store'
import { PushRequestSchema, type PushResponse } from '@/domain/sync'
import { isPlainObject, requireAuth, typedError } from './errors'
import { getAdminAuth, getDb } from './firebase'
import { clientAddress, joinInstitutionCore, type JoinOutcome } from './join/join'
import { requireLiveUid } from './live'
import { migrateCore } from './migrate'
import { purgeTombstonesCore } from './purge'
import { callerFromClaims } from './push/authorise'
import { pushMutations } from './push/apply'
import { deliver } from './notifications/deliver'
import { emptyEffects } from './notifications/store'
import { firstIssue } from './push/validate'
import { surveyResultsCore, type SurveyResults } from './surveys/results'
import { submitSurveyResponseCore, surveySecret, type SubmitOutcome } from './surveys/submit'
import { surveyAnsweredCore } from './surveys/answered'
import { onCall } from './guard'

/** Join the institution matching the caller's email domain, or a join code. */
export const joinInstitution = onCall<unknown, Promise<JoinOutcome>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return joinInstitutionCore(getDb(), getAdminAuth(), uid, req.data, Date.now, {
    ip: clientAddress(req.rawRequest.headers, req.rawRequest.ip),
  })
})

/** Apply up to MAX_BATCH outbox mutations; per-mutation results, in order. */
export const syncPush = onCall<unknown, Promise<PushResponse>>({ cors: true, timeoutSeconds: 120, memory: '512MiB' }, async (req) => {
  requireAuth(req.auth)
  if (!isPlainObject(req.data)) throw typedError('invalid', 'Send { mutations: [...] }')
  const parsed = v.safeParse(PushRequestSchema, req.data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  // A deleted or disabled account's other device still holds a valid token: refuse its writes.
  const uid = await requireLiveUid(req)
  const caller = callerFromClaims(uid, req.auth?.token)
  const effects = emptyEffects()
  const results = await pushMutations(getDb(), caller, parsed.output.mutations, { effects })
  // After the commit: push the notifications it wrote, tell an opened survey's audience.
  await deliver(getDb(), effects)
  return { results }
})

/** Anonymous (or named) survey answers: one each, no uid in the response. */
export const submitSurveyResponse = onCall<unknown, Promise<SubmitOutcome>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return submitSurveyResponseCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data, { secret: surveySecret() })
})

/** Whether the caller (only ever the caller) has answered a survey already, on any device. */
export const surveyAnswered = onCall<unknown, Promise<{ answered: boolean }>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return surveyAnsweredCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data, { secret: surveySecret() })
})

/** Aggregated survey results for leads and champions; withheld under 5 respondents. */
export const surveyResults = onCall<unknown, Promise<SurveyResults>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return surveyResultsCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})

/** Daily: run any one-off migration not yet run (./migrate.ts), then purge tombstones and ledger entries older than 30 days. */
export const purgeTombstones = onSchedule({ schedule: 'every 24 hours', timeoutSeconds: 540 }, async () => {
  await migrateCore(getDb())
  await purgeTombstonesCore(getDb())
})

/** Daily: recount every institution's kept aggregates from the source documents, log any drift and replace them. */
export const recountAggregates = onSchedule({ schedule: 'every 24 hours', timeoutSeconds: 540, memory: '1GiB' }, async () => {
  for (const report of await checkAll(getDb(), { repair: true })) {
    if (report.drift.length > 0)
      logger.warn('aggregates-drift', {
        institutionId: report.institutionId,
        drift: report.drift.slice(0, 50),
        counters: report.drift.length,
      })
    else logger.info('aggregates-ok', { institutionId: report.institutionId, members: report.members, seconds: report.seconds })
  }
})

export { purgeTombstonesCore }
export { evidenceDelete, evidenceRead, evidenceUpload } from './evidence'
export { cpdStats } from './cpd-stats'
export { institutionStats } from './stats'
export { saveSurveyTheme, surveyExport, surveyTexts } from './surveys/callables'
export { deleteAccount, removeMember } from './account'
export { setInstitutionDomains } from './domains'
export { endorseSkill } from './endorse'
export { deletePushSubscription, purgeNotifications, savePushSubscription, sendHeldPushes, surveyReminders } from './notifications'
export { publicPlan, publishPlan } from './public-plan'

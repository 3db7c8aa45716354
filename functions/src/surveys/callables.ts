/**
 * The organisers' survey callables beyond submit and results: free texts with search and themes,
 * theme tagging, and CSV export. Exported from functions/src/index.ts.
 */
import type { SurveyExport, SurveyTexts } from '@/survey-engine/types'
import { getDb } from '../firebase'
import { requireLiveUid } from '../live'
import { callerFromClaims } from '../push/authorise'
import { surveyExportCore } from './export'
import { saveSurveyThemeCore, type ThemeOutcome } from './themes'
import { surveyTextsCore } from './texts'
import { onCall } from '../guard'

/** Free-text answers (withheld under 5), searchable, with the themes tagged so far. */
export const surveyTexts = onCall<unknown, Promise<SurveyTexts>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return surveyTextsCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})

/** Create, change or delete a theme of free-text answers (and link the idea it became). */
export const saveSurveyTheme = onCall<unknown, Promise<ThemeOutcome>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return saveSurveyThemeCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})

/** The results as CSV: aggregates, free texts with themes, breakdown counts. */
export const surveyExport = onCall<unknown, Promise<SurveyExport>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return surveyExportCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})

/**
 * surveyResults: aggregates only, for the institution's leads, admins and champions. Nothing is
 * shown under 5 respondents: not the whole survey, not a question (nor its exact count: "fewer
 * than 5"), not a breakdown cell (with secondary suppression so a hidden cell cannot be recovered
 * by subtraction). Free-text answers appear only in the overall view, never per cell. Results count
 * only answers let out of the mixing pool in groups of five (./pool.ts), so two results taken
 * before and after one more person answered are the same: they cannot be differenced.
 */
import * as v from 'valibot'
import type { Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { Id } from '@/domain/common'
import { isPlainObject, typedError } from '../errors'
import { firstIssue } from '../push/validate'
import type { SurveyResults } from '@/survey-engine/types'
import { aggregate, MIN_RESPONSES, suppressCells } from './answers'
import { loadResponses, loadSurvey } from './access'
import { institutionProfiles, type ResponseDoc } from './submit'

export const ResultsInputSchema = v.strictObject({
  surveyId: Id,
  by: v.optional(v.picklist(['faculty', 'roleFamily'])),
})

export type { BreakdownCell, SurveyResults } from '@/survey-engine/types'

const ORGANISERS = new Set(['lead', 'admin', 'champion'])

export async function surveyResultsCore(db: Firestore, caller: Caller, data: unknown): Promise<SurveyResults> {
  if (!caller.institutionId || !caller.role || !ORGANISERS.has(caller.role)) {
    throw typedError('forbidden', 'Only leads and champions can see survey results')
  }
  if (!isPlainObject(data)) throw typedError('invalid', 'Send a survey id')
  const parsed = v.safeParse(ResultsInputSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  const { surveyId, by } = parsed.output
  const inst = caller.institutionId
  const survey = await loadSurvey(db, inst, surveyId)
  const { questions, audience, title } = survey

  const [{ responses, waiting }, membersSnap] = await Promise.all([
    loadResponses(db, inst, survey),
    institutionProfiles(db, inst).select('facultyId', 'roleFamily').get(),
  ])
  const audienceSize = membersSnap.docs.filter((d) => {
    const f = d.get('facultyId') as unknown
    const r = d.get('roleFamily') as unknown
    return (
      (audience.facultyIds.length === 0 || audience.facultyIds.includes(f as string)) &&
      (audience.roleFamilies.length === 0 || (audience.roleFamilies as unknown[]).includes(r))
    )
  }).length

  const responseCount = responses.length
  const withheld = responseCount < MIN_RESPONSES
  const result: SurveyResults = {
    surveyId,
    title,
    responseCount,
    waiting,
    audienceSize,
    minResponses: MIN_RESPONSES,
    withheld,
    questions: withheld ? [] : aggregate(questions, responses),
  }
  if (by && !withheld) {
    const attr = by === 'faculty' ? 'facultyId' : 'roleFamily'
    const groups = new Map<string, ResponseDoc[]>()
    for (const r of responses) {
      const key = r.group?.[attr] ?? 'unspecified'
      groups.set(key, [...(groups.get(key) ?? []), r])
    }
    const cells = suppressCells([...groups].map(([key, rs]) => ({ key, size: rs.length })))
    result.breakdown = {
      by,
      cells: cells
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((c) => ({
          key: c.key,
          withheld: c.withheld,
          responseCount: c.withheld ? null : c.size,
          questions: c.withheld ? [] : aggregate(questions, groups.get(c.key) ?? [], { includeTexts: false }),
        })),
    }
  }
  return result
}

/** surveyExport: the results as CSV for leads and champions (aggregates only; see csv.ts). */
import * as v from 'valibot'
import type { Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { Id } from '@/domain/common'
import { toCsv } from '@/domain/csv'
import type { SurveyExport } from '@/survey-engine/types'
import { loadSurvey, parseInput, requireOrganiser } from './access'
import { csvFilename, resultsCsvRows } from './csv'
import { surveyResultsCore } from './results'
import { utcDay } from './submit'
import { surveyTextsCore } from './texts'

export const ExportInputSchema = v.strictObject({ surveyId: Id })

export async function surveyExportCore(db: Firestore, caller: Caller, data: unknown, now: () => number = Date.now): Promise<SurveyExport> {
  const inst = requireOrganiser(caller)
  const { surveyId } = parseInput(ExportInputSchema, data, 'a survey id')
  const survey = await loadSurvey(db, inst, surveyId)
  const [results, texts, byFaculty, byRole, institution] = await Promise.all([
    surveyResultsCore(db, caller, { surveyId }),
    surveyTextsCore(db, caller, { surveyId }),
    surveyResultsCore(db, caller, { surveyId, by: 'faculty' }),
    surveyResultsCore(db, caller, { surveyId, by: 'roleFamily' }),
    db.doc(`institutions/${inst}`).get(),
  ])
  const faculties = (institution.get('faculties') as { id?: unknown; name?: unknown }[] | undefined) ?? []
  const facultyNames = Object.fromEntries(
    faculties.filter((f) => typeof f.id === 'string' && typeof f.name === 'string').map((f) => [f.id as string, f.name as string]),
  )
  const rows = resultsCsvRows({
    results,
    texts,
    questions: survey.questions,
    facultyNames,
    breakdowns: [
      { label: 'faculty', results: byFaculty },
      { label: 'role family', results: byRole },
    ],
  })
  return { filename: csvFilename(survey.title, utcDay(now())), csv: toCsv(rows) }
}

/** SurveyPort over the survey callables (submitSurveyResponse, surveyResults, surveyTexts …). */
import { httpsCallable } from 'firebase/functions'
import { SurveyPortError, type SurveyPort } from '@/survey-engine/ports'
import type { SurveyTheme } from '@/survey-engine/types'
import { firebase } from './app'
import { toTransportError } from './errors'

/** Maps a callable failure: typed server refusals keep their code and field; the rest is offline or auth. */
export function toSurveyError(error: unknown): SurveyPortError {
  const details = (error as { details?: { code?: unknown; field?: unknown; problem?: unknown } } | null)?.details
  const message = error instanceof Error ? error.message : String(error)
  if (details && typeof details.code === 'string') {
    if (details.code === 'unauthenticated') return new SurveyPortError(message, 'unauthenticated')
    const field = typeof details.field === 'string' ? details.field : undefined
    return new SurveyPortError(message, 'refused', details.code, field, typeof details.problem === 'string' ? details.problem : undefined)
  }
  const transport = toTransportError(error)
  if (transport.kind === 'server') return new SurveyPortError(transport.message, 'refused', 'server')
  return new SurveyPortError(transport.message, transport.kind)
}

export function createFirebaseSurveys(instance?: string): SurveyPort {
  async function call<I, O>(name: string, input: I): Promise<O> {
    try {
      const fn = httpsCallable<I, O>(firebase(instance).functions, name, { timeout: 60_000 })
      return (await fn(input)).data
    } catch (error) {
      throw toSurveyError(error)
    }
  }
  return {
    submit: (input) => call('submitSurveyResponse', input),
    results: (input) => call('surveyResults', input),
    texts: (input) => call('surveyTexts', input),
    saveTheme: async (input) => (await call<typeof input, { themes: SurveyTheme[] }>('saveSurveyTheme', input)).themes,
    deleteTheme: async ({ surveyId, themeId }) =>
      (await call<object, { themes: SurveyTheme[] }>('saveSurveyTheme', { surveyId, deleteThemeId: themeId })).themes,
    exportCsv: (input) => call('surveyExport', input),
    answered: (input) => call('surveyAnswered', input),
  }
}

/**
 * The survey port: what the app needs from the backend for surveys, with no Firebase types.
 * `src/platform/firebase/surveys.ts` implements it over the survey callables; tests use fakes.
 */
import type { BreakdownBy, SubmitOutcome, SurveyExport, SurveyResults, SurveyTexts, SurveyTheme } from './types'
import type { AnswerMap } from './rules'

export interface SubmitInput {
  surveyId: string
  answers: AnswerMap
  /** The phone's random secret for this survey's answer: retries and edits reuse it, so they never duplicate. */
  token: string
  /** Whether the person saw the survey as anonymous. */
  anonymous: boolean
}

export interface SurveyPort {
  submit(input: SubmitInput): Promise<SubmitOutcome>
  results(input: { surveyId: string; by?: BreakdownBy }): Promise<SurveyResults>
  texts(input: { surveyId: string; q?: string; questionId?: string; themeId?: string }): Promise<SurveyTexts>
  /** Saves (creates or replaces) a theme; the survey's themes after the change. */
  saveTheme(input: { surveyId: string; theme: SurveyTheme }): Promise<SurveyTheme[]>
  deleteTheme(input: { surveyId: string; themeId: string }): Promise<SurveyTheme[]>
  exportCsv(input: { surveyId: string }): Promise<SurveyExport>
  /** Whether the signed-in person (only ever themself) has answered the survey, on any device. */
  answered?(input: { surveyId: string }): Promise<{ answered: boolean }>
}

/**
 * Why a survey call failed: `offline` (retry later), `unauthenticated` (sign in again) or
 * `refused` (the server said no: `code` says why — closed, already-submitted, invalid …).
 */
export class SurveyPortError extends Error {
  constructor(
    message: string,
    readonly kind: 'offline' | 'unauthenticated' | 'refused',
    readonly code: string = kind,
    readonly field?: string,
    /** The server's problem (details.problem: a code and parameters the client words), when it gave one. */
    readonly problem?: string,
  ) {
    super(message)
    this.name = 'SurveyPortError'
  }
}

/**
 * What the survey callables return, shared by the functions (which build it) and the app (which
 * shows it). Every figure here is an aggregate: no field ever names or identifies a respondent.
 */
import type { Question } from '@/domain/entities'

export interface OptionCount {
  option: string
  count: number
}

export interface QuestionResult {
  questionId: string
  type: Question['type']
  prompt: string
  /** How many answered it; null when withheld ("fewer than 5": the exact count is not given). */
  answered: number | null
  /** True when fewer than MIN_RESPONSES answered this question: no figures are given. */
  withheld: boolean
  /** single / multiple: how many chose each option. */
  options?: OptionCount[]
  /** likert (1–5) / rating (0–10): count per point, index = point − min. */
  distribution?: number[]
  mean?: number
  /** ranking: mean position (1 = top) per option, over those who ranked it. */
  meanRank?: { option: string; meanRank: number; count: number }[]
  /** short / long: the answers, sorted (order carries no link to respondents). */
  texts?: string[]
}

export type BreakdownBy = 'faculty' | 'roleFamily'

export interface BreakdownCell {
  key: string
  /** null when the cell is withheld (fewer than 5, or hidden to protect a smaller cell). */
  responseCount: number | null
  withheld: boolean
  questions: QuestionResult[]
}

export interface SurveyResults {
  surveyId: string
  title: string
  /** Answers the figures count: they arrive in groups of five (see functions/src/surveys/pool.ts). */
  responseCount: number
  /** Answers received but still waiting to be counted (mixed in with the next group of five). */
  waiting: number
  /** Live members in the survey's audience: the denominator of the response rate. */
  audienceSize: number
  minResponses: number
  withheld: boolean
  questions: QuestionResult[]
  breakdown?: { by: BreakdownBy; cells: BreakdownCell[] }
}

/** One distinct free-text answer; identical answers are listed once with their count. */
export interface TextEntry {
  /** Content key: sha256 of question id and text. Names the text, never a response or a person. */
  key: string
  questionId: string
  text: string
  count: number
}

/** A theme a lead tagged free-text answers with; optionally turned into an action-plan idea. */
export interface SurveyTheme {
  id: string
  name: string
  /** Keys of the tagged texts ({@link TextEntry.key}). */
  keys: string[]
  /** The idea this theme became, kept as technician-voice evidence. */
  ideaId?: string
}

export interface SurveyTexts {
  surveyId: string
  responseCount: number
  minResponses: number
  /** True under MIN_RESPONSES respondents: no texts are given. */
  withheld: boolean
  /** Text questions, and whether each is withheld (answered by fewer than MIN_RESPONSES). */
  questions: { questionId: string; prompt: string; answered: number | null; withheld: boolean }[]
  entries: TextEntry[]
  themes: SurveyTheme[]
}

export interface SubmitOutcome {
  status: 'submitted' | 'replaced'
  /** UTC day the server recorded (no finer time is kept). */
  day: string
}

export interface SurveyExport {
  filename: string
  csv: string
}

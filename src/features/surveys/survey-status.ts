/** Where a member stands with a survey, as the list, the Home card and the receipt say it. Pure. */
import type { SurveySubmissionRow } from '@/db/database'
import type { Member, Survey } from '@/domain/entities'

export type AnswerState = 'new' | 'draft' | 'queued' | 'sent' | 'refused'
/** A queued, sent or refused answer as the receipt shows it. */
export type SubmissionRow = SurveySubmissionRow

export function answerState(row: Pick<SurveySubmissionRow, 'state'> | undefined, hasDraft: boolean): AnswerState {
  if (row) return row.state
  return hasDraft ? 'draft' : 'new'
}

export type ReceiptText = 'replaced' | 'sent' | 'sending' | 'waiting' | 'notSent'

/** Which receipt line a queued or sent answer gets (`surveys.receipt.<key>`). */
export function receiptText(row: Pick<SurveySubmissionRow, 'state' | 'day' | 'outcome'>, online: boolean): ReceiptText {
  if (row.state === 'sent') return row.outcome === 'replaced' ? 'replaced' : 'sent'
  if (row.state === 'queued') return online ? 'sending' : 'waiting'
  return 'notSent'
}

/** Is the survey accepting answers today (its own dates and status)? */
export function isOpenOn(survey: Pick<Survey, 'status' | 'opensAt' | 'closesAt' | 'deleted'>, today: string): boolean {
  return !survey.deleted && survey.status === 'open' && survey.opensAt <= today && survey.closesAt >= today
}

/** Is the member in the survey's audience (an empty list means everyone)? */
export function inAudience(survey: Pick<Survey, 'audience'>, member: Pick<Member, 'facultyId' | 'roleFamily'> | undefined): boolean {
  const { facultyIds, roleFamilies } = survey.audience
  if (facultyIds.length === 0 && roleFamilies.length === 0) return true
  if (!member) return false
  return (
    (facultyIds.length === 0 || (!!member.facultyId && facultyIds.includes(member.facultyId))) &&
    (roleFamilies.length === 0 || (!!member.roleFamily && (roleFamilies as readonly string[]).includes(member.roleFamily)))
  )
}

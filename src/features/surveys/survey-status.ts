/** Where a member stands with a survey, as the list, the Home card and the receipt say it. Pure. */
import type { SurveySubmissionRow } from '@/db/database'
import type { Member, Survey } from '@/domain/entities'

export type AnswerState = 'new' | 'draft' | 'queued' | 'sent' | 'refused'

export const ANSWER_STATE_LABELS: Record<AnswerState, string> = {
  new: 'New',
  draft: 'Draft saved',
  queued: 'Waiting to send',
  sent: 'Sent',
  refused: 'Not sent',
}

export function answerState(row: Pick<SurveySubmissionRow, 'state'> | undefined, hasDraft: boolean): AnswerState {
  if (row) return row.state
  return hasDraft ? 'draft' : 'new'
}

/** The receipt line for a queued or sent answer. */
export function receiptText(row: Pick<SurveySubmissionRow, 'state' | 'day' | 'outcome'>, online: boolean): string {
  if (row.state === 'sent')
    return row.outcome === 'replaced'
      ? 'Sent — your changed answers replaced your earlier ones.'
      : 'Sent — thank you. Your answers have been received.'
  if (row.state === 'queued') return online ? 'Saved on this phone — sending now…' : 'Saved on this phone — will send when online.'
  return 'Not sent.'
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

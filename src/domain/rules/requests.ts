/**
 * Skill-share requests: "ask to learn" from a colleague's profile. The state machine, who may move
 * it, and the CPD entry offered to both sides once a session is completed.
 */
import type { CpdEntry, RequestState, SkillShareRequest } from '../entities'
import { isoDateOf, type Clock } from './dates'
import { problem } from '../problems'

/** Who may make a move: the teacher only, or either party. */
type Mover = 'teacher' | 'either'

/**
 * pending → accepted | declined | cancelled; accepted → completed | cancelled. The teacher accepts
 * or declines; either side may cancel or mark a session completed. The other states are final.
 */
export const REQUEST_TRANSITIONS: Record<RequestState, Partial<Record<RequestState, Mover>>> = {
  pending: { accepted: 'teacher', declined: 'teacher', cancelled: 'either' },
  accepted: { completed: 'either', cancelled: 'either' },
  declined: {},
  completed: {},
  cancelled: {},
}

type RequestLike = Pick<SkillShareRequest, 'learnerUid' | 'teacherUid' | 'state' | 'history'>

export type TransitionErrorCode = 'not-a-party' | 'invalid-transition' | 'not-allowed'
export type TransitionResult<T> = { ok: true; request: T } | { ok: false; code: TransitionErrorCode; message: string }

/** The states `uid` may move the request to now (for the buttons on a request card). */
export function allowedTransitions(request: RequestLike, uid: string): RequestState[] {
  const role = partyOf(request, uid)
  if (!role) return []
  return (Object.entries(REQUEST_TRANSITIONS[request.state]) as [RequestState, Mover][])
    .filter(([, mover]) => mover === 'either' || mover === role)
    .map(([to]) => to)
}

/**
 * Moves a request to `to` on behalf of `actorUid`, stamping the time the state was entered.
 * Returns a new request, or a typed error; the input is never changed.
 */
export function transition<T extends RequestLike>(request: T, to: RequestState, actorUid: string, now: Clock): TransitionResult<T> {
  const role = partyOf(request, actorUid)
  if (!role) return { ok: false, code: 'not-a-party', message: problem('notAParty') }
  const mover = REQUEST_TRANSITIONS[request.state][to]
  if (!mover) return { ok: false, code: 'invalid-transition', message: problem('badTransition', { from: request.state, to }) }
  if (mover === 'teacher' && role !== 'teacher') {
    return { ok: false, code: 'not-allowed', message: problem('teacherOnly', { to }) }
  }
  const at = typeof now === 'number' ? now : now.getTime()
  return { ok: true, request: { ...request, state: to, history: { ...request.history, [to]: at } } }
}

/** Checks a new request before it is sent. */
export function validateNewRequest(
  request: Pick<SkillShareRequest, 'learnerUid' | 'teacherUid'>,
): { ok: true } | { ok: false; message: string } {
  if (request.learnerUid === request.teacherUid) return { ok: false, message: problem('selfRequest') }
  return { ok: true }
}

/**
 * The fields of a CPD entry offered after a completed session, with a suggested time the person
 * confirms or changes (`hours`); the reflections are theirs.
 */
export type CpdPrefill = Pick<CpdEntry, 'title' | 'startDate' | 'type' | 'skillIds' | 'evidenceIds' | 'hours'> & { requestId: string }

/** The time suggested for a session of each format (as the CPD quick-add templates suggest). */
export const SESSION_HOURS: Record<SkillShareRequest['format'], number> = { shadowing: 2, demo: 1, call: 1 }

const FORMAT_LABELS: Record<SkillShareRequest['format'], string> = { shadowing: 'shadowing', demo: 'demonstration', call: 'call' }

/**
 * The CPD entry offered to one side of a completed session: the learner's as work-based learning,
 * the teacher's as professional activity, dated the day it was completed. Null when the session is
 * not completed or `uid` took no part. No names are copied into the entry.
 */
export function cpdPrefillFor(
  request: Pick<SkillShareRequest, 'id' | 'learnerUid' | 'teacherUid' | 'state' | 'history' | 'skillId' | 'skillName' | 'format'>,
  uid: string,
): CpdPrefill | null {
  const role = partyOf(request, uid)
  const completedAt = request.history.completed
  if (!role || request.state !== 'completed' || completedAt === undefined) return null
  const format = FORMAT_LABELS[request.format]
  return {
    title:
      role === 'learner' ? `${request.skillName}: ${format} with a colleague` : `Taught ${request.skillName} to a colleague (${format})`,
    startDate: isoDateOf(completedAt),
    hours: SESSION_HOURS[request.format],
    type: role === 'learner' ? 'work-based' : 'professional',
    skillIds: [request.skillId],
    evidenceIds: [],
    requestId: request.id,
  }
}

type Confirmable = Pick<SkillShareRequest, 'learnerUid' | 'teacherUid' | 'state' | 'learnerConfirmedAt' | 'teacherConfirmedAt'>

/** The request's field in which `uid` confirms the session took place; null for someone else. */
export function confirmationField(
  request: Pick<SkillShareRequest, 'learnerUid' | 'teacherUid'>,
  uid: string,
): 'learnerConfirmedAt' | 'teacherConfirmedAt' | null {
  const role = partyOf(request, uid)
  return role === 'learner' ? 'learnerConfirmedAt' : role === 'teacher' ? 'teacherConfirmedAt' : null
}

/**
 * `uid` confirms a completed session took place: the change to save (their own field only), or
 * null when there is nothing to confirm (not completed, not a party, already confirmed).
 */
export function confirmSession(request: Confirmable, uid: string, now: Clock): Partial<Confirmable> | null {
  const field = confirmationField(request, uid)
  if (!field || request.state !== 'completed' || request[field] !== undefined) return null
  return { [field]: typeof now === 'number' ? now : now.getTime() }
}

/**
 * Who verified `uid`'s part in a completed session: the other party, once they confirmed it took
 * place (a field only they may set), else null. What marks a CPD entry linked to it as verified.
 */
export function verifiedBy(request: Confirmable, uid: string): string | null {
  const role = partyOf(request, uid)
  if (!role || request.state !== 'completed') return null
  if (role === 'learner') return request.teacherConfirmedAt !== undefined ? request.teacherUid : null
  return request.learnerConfirmedAt !== undefined ? request.learnerUid : null
}

function partyOf(request: Pick<SkillShareRequest, 'learnerUid' | 'teacherUid'>, uid: string): 'learner' | 'teacher' | null {
  if (uid === request.teacherUid) return 'teacher'
  if (uid === request.learnerUid) return 'learner'
  return null
}

import * as v from 'valibot'
import { CpdFields, type CpdEntry, type RequestState, type SkillShareRequest } from '@/domain/entities'
import { allowedTransitions, cpdPrefillFor, transition, type CpdPrefill } from '@/domain/rules/requests'

/** The moves `uid` may make now, as buttons: accept/decline for the teacher, complete/cancel for either. */
export function requestActions(request: SkillShareRequest, uid: string): { to: RequestState; label: string }[] {
  // `label`: the message key of the button's words.
  return allowedTransitions(request, uid).map((to) => ({ to, label: `requests.action.${to}` }))
}

/** The change to save for a move (state and its date), or why it cannot be made. */
export function moveRequest(
  request: SkillShareRequest,
  to: RequestState,
  uid: string,
  now: number,
): { ok: true; patch: Pick<SkillShareRequest, 'state' | 'history'> } | { ok: false; message: string } {
  const moved = transition(request, to, uid, now)
  if (!moved.ok) return { ok: false, message: moved.message }
  return { ok: true, patch: { state: moved.request.state, history: moved.request.history } }
}

/** When anything last happened to a request (for sorting, newest first). */
export function lastActivity(request: Pick<SkillShareRequest, 'history'>): number {
  return Math.max(0, ...Object.values(request.history).filter((t): t is number => typeof t === 'number'))
}

/** The CPD entry offered for a completed session, unless this person has already logged one for it. */
export function cpdOffer(request: SkillShareRequest, uid: string, cpd: readonly Pick<CpdEntry, 'requestId'>[]): CpdPrefill | null {
  if (cpd.some((e) => e.requestId === request.id)) return null
  return cpdPrefillFor(request, uid)
}

const HoursSchema = v.pipe(v.string(), v.trim(), v.nonEmpty('requests.errors.hoursMissing'), v.transform(Number), CpdFields.hours)

/**
 * The CPD entry to save from an offer, once the person has said how long it took. A message is a
 * key of this feature (`requests.errors.*`) or a domain problem (worded by the errors namespace).
 */
export function cpdFromOffer(
  offer: CpdPrefill,
  hours: string,
  learned: string,
):
  | { ok: true; fields: Omit<CpdEntry, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'> }
  | { ok: false; field: 'hours' | 'learned'; message: string } {
  const h = v.safeParse(HoursSchema, hours)
  if (!h.success || Number.isNaN(h.output))
    return { ok: false, field: 'hours', message: h.success ? 'requests.errors.hoursNumber' : h.issues[0].message }
  const l = v.safeParse(CpdFields.learned, learned)
  if (!l.success) return { ok: false, field: 'learned', message: l.issues[0].message }
  return { ok: true, fields: { ...offer, hours: h.output, ...(l.output ? { learned: l.output } : {}) } }
}

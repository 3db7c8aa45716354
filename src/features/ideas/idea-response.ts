/** A lead's response to an idea: adopt it as an action, decline it, or reply; these are lead-only fields. */
import type { Idea } from '@/domain/entities'

export type ResponseKind = 'adopt' | 'decline' | 'respond'
/** Message keys (in `ideas.json`) of what is wrong, by field; rendered with `{ max: MAX_RESPONSE }`. */
export type ResponseErrors = Partial<Record<'response' | 'responseCy' | 'actionId', string>>
export type IdeaResponsePatch = Partial<Pick<Idea, 'status' | 'response' | 'responseCy' | 'adoptedActionId'>>

export const MAX_RESPONSE = 2000

/**
 * The patch for a response. Adopting needs the action the idea became; declining needs a reason
 * (technicians are owed one); a plain reply needs words. The Welsh response is optional beside
 * the English one: saved when written, cleared when the lead empties one the idea had
 * (`previousCy`), and otherwise left out.
 */
export function responsePatch(
  kind: ResponseKind,
  input: { response: string; responseCy?: string; previousCy?: string; actionId: string },
): { ok: true; patch: IdeaResponsePatch } | { ok: false; errors: ResponseErrors } {
  const response = input.response.trim()
  const responseCy = (input.responseCy ?? '').trim()
  const errors: ResponseErrors = {}
  if (response.length > MAX_RESPONSE) errors.response = 'ideas.lead.errors.tooLong'
  if (responseCy.length > MAX_RESPONSE) errors.responseCy = 'ideas.lead.errors.tooLong'
  if (kind === 'adopt' && !input.actionId) errors.actionId = 'ideas.lead.errors.chooseAction'
  if (kind === 'decline' && !response) errors.response = 'ideas.lead.errors.declineReason'
  if (kind === 'respond' && !response) errors.response = 'ideas.lead.errors.empty'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const welsh = responseCy || input.previousCy ? { responseCy } : {}
  if (kind === 'adopt')
    return { ok: true, patch: { status: 'adopted', adoptedActionId: input.actionId, ...(response ? { response } : {}), ...welsh } }
  if (kind === 'decline') return { ok: true, patch: { status: 'declined', response, ...welsh } }
  return { ok: true, patch: { response, ...welsh } }
}

/** The response in the language shown: the Welsh one in Welsh when there is one, else the English. */
export function responseIn(idea: Pick<Idea, 'response' | 'responseCy'>, locale: string): string | undefined {
  return (locale === 'cy' && idea.responseCy) || idea.response
}

/** A lead's response to an idea: adopt it as an action, decline it, or reply; these are lead-only fields. */
import type { Idea } from '@/domain/entities'

export type ResponseKind = 'adopt' | 'decline' | 'respond'
export type ResponseErrors = Partial<Record<'response' | 'actionId', string>>
export type IdeaResponsePatch = Partial<Pick<Idea, 'status' | 'response' | 'adoptedActionId'>>

const MAX_RESPONSE = 2000

/**
 * The patch for a response. Adopting needs the action the idea became; declining needs a reason
 * (technicians are owed one); a plain reply needs words.
 */
export function responsePatch(
  kind: ResponseKind,
  input: { response: string; actionId: string },
): { ok: true; patch: IdeaResponsePatch } | { ok: false; errors: ResponseErrors } {
  const response = input.response.trim()
  const errors: ResponseErrors = {}
  if (response.length > MAX_RESPONSE) errors.response = `The response must be at most ${MAX_RESPONSE} characters`
  if (kind === 'adopt' && !input.actionId) errors.actionId = 'Choose the action this idea became, or create a new one'
  if (kind === 'decline' && !response) errors.response = 'Say why this idea is not taken forward'
  if (kind === 'respond' && !response) errors.response = 'Write a response'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  if (kind === 'adopt')
    return { ok: true, patch: { status: 'adopted', adoptedActionId: input.actionId, ...(response ? { response } : {}) } }
  if (kind === 'decline') return { ok: true, patch: { status: 'declined', response } }
  return { ok: true, patch: { response } }
}

/** The lead's "Set RAG status" form: the same checks as the RagChange schema, shown at the field. */
import type { RagStatus } from '@/domain/entities'
import { isoDateOf, type Clock } from '@/domain/rules/dates'
import { validateRagChange } from '@/domain/rules/rag'

export interface RagFormValues {
  status: string
  rationale: string
  /** ISO date the status applies from; today by default. */
  date: string
}
/**
 * Status and rationale carry the RAG rule's message; the date carries a code the form words
 * (`plan.rag.dateError.<code>`).
 */
export type RagFormErrors = { status?: string; rationale?: string; date?: 'missing' | 'future' }

export type RagFormResult =
  { ok: true; fields: { status: RagStatus; rationale: string; at: number } } | { ok: false; errors: RagFormErrors }

/**
 * Checks the form. A status dated today is stamped now; an earlier date (recording a review held
 * offline or on paper) is stamped at noon UTC that day, so history stays in order.
 */
export function parseRagForm(values: RagFormValues, now: Clock): RagFormResult {
  const errors: RagFormErrors = {}
  const checked = validateRagChange({ status: values.status, rationale: values.rationale })
  if (!checked.ok) errors[checked.field] = checked.message
  const today = isoDateOf(now)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = 'missing'
  else if (values.date > today) errors.date = 'future'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const at = values.date === today ? new Date(now).getTime() : Date.parse(`${values.date}T12:00:00Z`)
  return { ok: true, fields: { status: values.status as RagStatus, rationale: values.rationale.trim(), at } }
}

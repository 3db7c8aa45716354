/**
 * Validation at the callable boundary, with the same valibot schemas the client uses.
 * Failures are values (`Rejection`), never thrown: one bad mutation never sinks its batch.
 */
import * as v from 'valibot'
import { issueProblem, problem } from '@/domain/problems'
import { MAX_PAYLOAD_BYTES, MutationSchema, type Mutation, type RejectionCode } from '@/domain/sync'
import { isStorableId, jsonBytes } from './doc'

export interface Rejection {
  code: RejectionCode
  message: string
  field?: string
}

export type Checked<T> = { ok: true; value: T } | { ok: false; rejection: Rejection }

/** A reasonable docId to echo back for a mutation that failed its envelope check. */
export function looseDocId(raw: unknown): string {
  if (raw && typeof raw === 'object' && typeof (raw as { docId?: unknown }).docId === 'string') {
    return (raw as { docId: string }).docId.slice(0, 128)
  }
  return ''
}

/** A reasonable mutationId to echo back for a mutation that failed its envelope check. */
export function looseMutationId(raw: unknown): string {
  if (raw && typeof raw === 'object' && typeof (raw as { mutationId?: unknown }).mutationId === 'string') {
    return (raw as { mutationId: string }).mutationId.slice(0, 64)
  }
  return ''
}

/** First issue of a failed parse as a rejection: its problem (a code the client words, `problem()`) and its dot path. */
export function firstIssue(issues: readonly v.BaseIssue<unknown>[], fallbackField?: string): Rejection {
  const issue = issues[0]
  if (!issue) return { code: 'invalid', message: problem('invalid'), field: fallbackField }
  const field = v.getDotPath(issue) ?? fallbackField
  const { code, params } = issueProblem(issue)
  const message = problem(code, params)
  return field ? { code: 'invalid', message, field } : { code: 'invalid', message }
}

/**
 * Envelope check of one mutation: the shared MutationSchema, ids Firestore can store, a payload
 * under MAX_PAYLOAD_BYTES, and (for delete) no payload to speak of. Runs before any read.
 */
export function checkMutation(raw: unknown): Checked<Mutation> {
  // Size first: never walk a huge object with the schema.
  if (raw && typeof raw === 'object' && 'payload' in raw) {
    // A patch's list operations count towards the same limit as its fields.
    const { payload, sets } = raw as { payload: unknown; sets?: unknown }
    const bytes = jsonBytes(sets === undefined ? payload : { payload, sets })
    if (bytes > MAX_PAYLOAD_BYTES) {
      return {
        ok: false,
        rejection: {
          code: 'too-large',
          message: problem('changeTooLarge', { bytes, max: MAX_PAYLOAD_BYTES }),
          field: 'payload',
        },
      }
    }
  }
  const parsed = v.safeParse(MutationSchema, raw)
  if (!parsed.success) return { ok: false, rejection: firstIssue(parsed.issues) }
  const m = parsed.output
  if (!isStorableId(m.docId)) return { ok: false, rejection: { code: 'invalid', message: problem('invalid'), field: 'docId' } }
  if (!isStorableId(m.mutationId)) return { ok: false, rejection: { code: 'invalid', message: problem('invalid'), field: 'mutationId' } }
  return { ok: true, value: m }
}

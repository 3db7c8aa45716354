/**
 * What the domain tells a person is wrong, as a stable code and its parameters, never a sentence:
 * the client words it in the person's language (`src/ui/field-errors.ts`, `errors` namespace).
 *
 * A valibot message is a string, so a schema's own message is a problem encoded by `problem()`:
 * `required`, or `tooLong {"label":"bio","max":600}`. Valibot's default messages (a check with no
 * message of ours) are read back from the issue's type and requirement by `issueProblem()`.
 * `label` parameters are keys of `errors.label` (the field's name), never English.
 */
import type * as v from 'valibot'

export type ProblemParams = Record<string, string | number>

export interface Problem {
  code: string
  params?: ProblemParams
}

/** A code a client may look up: letters, digits, `-` and `_` only. */
export const PROBLEM_CODE = /^[A-Za-z][\w-]{0,63}$/

const CODED = /^([A-Za-z][\w-]{0,63})(?: (\{.*\}))?$/s

/** A problem as a valibot message (or any string field): `code`, or `code {"param":…}`. */
export function problem(code: string, params?: ProblemParams): string {
  return params && Object.keys(params).length > 0 ? `${code} ${JSON.stringify(params)}` : code
}

/** Reads back a string written by `problem()`; null for anything else (e.g. an English sentence). */
export function parseProblem(message: string | undefined | null): Problem | null {
  const match = typeof message === 'string' ? CODED.exec(message) : null
  if (!match) return null
  if (!match[2]) return { code: match[1]! }
  try {
    const params: unknown = JSON.parse(match[2])
    if (!params || typeof params !== 'object' || Array.isArray(params)) return null
    const clean = Object.fromEntries(
      Object.entries(params as Record<string, unknown>).filter(([, x]) => typeof x === 'string' || typeof x === 'number'),
    ) as ProblemParams
    return { code: match[1]!, params: clean }
  } catch {
    return null
  }
}

/** The problem of one valibot issue: the schema's own coded message, else one read from the failed check. */
export function issueProblem(issue: Pick<v.BaseIssue<unknown>, 'message' | 'type' | 'kind' | 'requirement'>): Problem {
  const own = parseProblem(issue.message)
  if (own) return own
  const requirement = typeof issue.requirement === 'number' ? issue.requirement : undefined
  switch (issue.type) {
    case 'min_length':
      return requirement === 1 || requirement === undefined ? { code: 'required' } : { code: 'tooShort', params: { min: requirement } }
    case 'max_length':
      return requirement === undefined ? { code: 'invalid' } : { code: 'tooLong', params: { max: requirement } }
    case 'min_value':
      return requirement === undefined ? { code: 'invalid' } : { code: 'tooLow', params: { min: requirement } }
    case 'max_value':
      return requirement === undefined ? { code: 'invalid' } : { code: 'tooHigh', params: { max: requirement } }
    case 'integer':
      return { code: 'wholeNumber' }
    case 'email':
      return { code: 'email' }
    case 'url':
      return { code: 'url' }
    case 'iso_date':
      return { code: 'date' }
    case 'number':
      return { code: 'number' }
    case 'picklist':
    case 'literal':
    case 'union':
    case 'variant':
    case 'enum':
      return { code: 'choose' }
    default:
      return { code: 'invalid' }
  }
}

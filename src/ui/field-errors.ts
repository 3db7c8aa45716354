/**
 * The one place a problem from the domain, a sync rejection or a callable becomes words: a code
 * and its parameters (src/domain/problems.ts) looked up in the `errors` namespace
 * (`src/locales/<locale>/errors.json`) in the language shown. An unknown code, or a message that
 * is not a problem at all, is worded as the generic message: a person never reads a raw code.
 *
 * In a component: `const { problemText, fieldErrors } = useFieldErrors()`; elsewhere (form models,
 * which run outside setup) the same functions over the app's i18n (`errorsFor()`), or over a
 * given `t` (`errorsFor(t, te)`).
 */
import { useI18n } from 'vue-i18n'
import { i18n } from '@/i18n'
import { parseProblem, PROBLEM_CODE, type Problem } from '@/domain/problems'
import type { FieldIssue } from '@/domain/validation'

type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string
type Exists = (key: string) => boolean

/** A problem as given: a `Problem`, a field issue, or a `problem()` string (a rejection's message). */
export type ProblemLike = Problem | FieldIssue | { message: string } | string | null | undefined

/** A refused callable or sync change: its `code` (details.code) and, when it has one, its problem. */
export interface Refusal {
  code?: string | null
  problem?: string | null
}

export interface ErrorWords {
  /** The words for one problem (generic when the code is unknown or the text is no problem). */
  problemText: (p: ProblemLike) => string
  /** The words for a refused call or change: its problem if it has one, else its code, else generic. */
  refusalText: (r: Refusal) => string
  /** The first problem of each field, worded; `fields` limits and orders the fields kept. */
  fieldErrors: <F extends string>(
    issues: readonly (FieldIssue | { field: string; message: string })[],
    fields?: readonly F[],
  ) => Partial<Record<F, string>>
}

function asProblem(p: ProblemLike): Problem | null {
  if (!p) return null
  if (typeof p === 'string') return parseProblem(p)
  if ('code' in p && typeof p.code === 'string') return { code: p.code, params: p.params }
  return 'message' in p ? parseProblem(p.message) : null
}

/** The error words over a given `t` and `te` (vue-i18n's, or the app's i18n by default). */
export function errorsFor(t?: Translate, te?: Exists): ErrorWords {
  const g = i18n.global as unknown as { t: Translate; te: (key: string, locale?: string) => boolean }
  const tr: Translate = t ?? ((key, named, plural) => (plural === undefined ? g.t(key, named ?? {}) : g.t(key, named ?? {}, plural)))
  const exists: Exists = te ?? ((key) => g.te(key) || g.te(key, 'en'))
  // Bracketed so codes with a hyphen ('not-found') resolve as one key.
  const key = (group: string, code: string) => `errors.${group}['${code}']`

  function known(code: string | null | undefined): code is string {
    return typeof code === 'string' && PROBLEM_CODE.test(code) && exists(key('problem', code))
  }

  function words({ code, params = {} }: Problem): string {
    const label = typeof params.label === 'string' && exists(key('label', params.label)) ? params.label : 'default'
    const named = { ...params, label: tr(key('label', label)) }
    // The number a message's plural follows: `count`, or a CPD rule's `days`.
    const count = typeof params.count === 'number' ? params.count : typeof params.days === 'number' ? params.days : undefined
    return count === undefined ? tr(key('problem', code), named) : tr(key('problem', code), named, count)
  }

  function problemText(p: ProblemLike): string {
    const problem = asProblem(p)
    return problem && known(problem.code) ? words(problem) : tr('errors.generic')
  }

  function refusalText({ code, problem }: Refusal): string {
    const parsed = problem ? parseProblem(problem) : null
    if (parsed && known(parsed.code)) return words(parsed)
    return known(code) ? words({ code }) : tr('errors.generic')
  }

  function fieldErrors<F extends string>(
    issues: readonly (FieldIssue | { field: string; message: string })[],
    fields?: readonly F[],
  ): Partial<Record<F, string>> {
    const out: Partial<Record<F, string>> = {}
    for (const issue of issues) {
      const field = issue.field as F
      if (fields && !fields.includes(field)) continue
      if (out[field] === undefined) out[field] = problemText(issue)
    }
    return out
  }

  return { problemText, refusalText, fieldErrors }
}

/** The error words in a component, following the language shown. */
export function useFieldErrors(): ErrorWords {
  const { t, te } = useI18n()
  return errorsFor(t as Translate, (key) => te(key) || te(key, 'en'))
}

/** Turning valibot results into field-level problems that forms, repositories and callables share. */
import * as v from 'valibot'
import { issueProblem, problem, type ProblemParams } from './problems'

export interface FieldIssue {
  /** Dotted path of the field, e.g. `skills.2.name`; empty for the whole object. */
  field: string
  /** What is wrong, as a stable code the client words (`src/ui/field-errors.ts`), e.g. `tooLong`. */
  code: string
  params?: ProblemParams
  /** The same problem as one string (`problem(code, params)`): what logs, rejections and callables carry. */
  message: string
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] }

/** Validates `input` with `schema`, returning the parsed value or every issue with its field. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input)
  if (result.success) return { ok: true, value: result.output }
  return { ok: false, issues: result.issues.map(toFieldIssue) }
}

/** One valibot issue as a field issue (its path dotted, its message read as a problem). */
export function toFieldIssue(issue: v.BaseIssue<unknown>): FieldIssue {
  return fieldIssue((issue.path ?? []).map((p) => String(p.key)).join('.'), issueProblem(issue))
}

/** A field issue from a code and its parameters. */
export function fieldIssue(field: string, { code, params }: { code: string; params?: ProblemParams }): FieldIssue {
  return params ? { field, code, params, message: problem(code, params) } : { field, code, message: problem(code) }
}

/** Thrown by repositories when a change fails its schema; nothing is written. */
export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; '))
    this.name = 'ValidationError'
  }

  /** The problem of one field (a `problem()` string), for showing beside its input in words (`src/ui/field-errors.ts`). */
  forField(field: string): string | undefined {
    return this.issues.find((i) => i.field === field)?.message
  }
}

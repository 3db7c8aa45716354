/** Turning valibot results into field-level messages that forms, repositories and callables share. */
import * as v from 'valibot'

export interface FieldIssue {
  /** Dotted path of the field, e.g. `skills.2.name`; empty for the whole object. */
  field: string
  message: string
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] }

/** Validates `input` with `schema`, returning the parsed value or every issue with its field. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input)
  if (result.success) return { ok: true, value: result.output }
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      field: (issue.path ?? []).map((p) => String(p.key)).join('.'),
      message: issue.message,
    })),
  }
}

/** Thrown by repositories when a change fails its schema; nothing is written. */
export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; '))
    this.name = 'ValidationError'
  }

  /** Message for one field, for showing beside its input. */
  forField(field: string): string | undefined {
    return this.issues.find((i) => i.field === field)?.message
  }
}

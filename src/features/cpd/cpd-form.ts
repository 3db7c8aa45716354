import * as v from 'valibot'
import { CpdFields, type CPD_TYPES } from '@/domain/entities'
import { validateCpdDates } from '@/domain/rules/cpd'
import type { Clock } from '@/domain/rules/dates'

/** What the "Log CPD" form edits: strings, as inputs hold them. */
export interface CpdFormValues {
  title: string
  startDate: string
  hours: string
  type: string
}
export type CpdFormField = keyof CpdFormValues
export type CpdFormErrors = Partial<Record<CpdFormField, string>>

/** The form's part of the shared CPD schema: the same rules the repository and the server apply. */
const CpdFormSchema = v.object({
  title: CpdFields.title,
  startDate: CpdFields.startDate,
  hours: CpdFields.hours,
  type: CpdFields.type,
})

export type CpdFormOutput = v.InferOutput<typeof CpdFormSchema> & { skillIds: string[]; evidenceIds: string[] }

export const CPD_TYPE_LABELS: Record<(typeof CPD_TYPES)[number], string> = {
  'work-based': 'Work-based learning',
  professional: 'Professional activity',
  formal: 'Formal or educational',
  'self-directed': 'Self-directed learning',
  other: 'Other',
}

export const FORM_FIELDS: readonly CpdFormField[] = ['title', 'startDate', 'hours', 'type']

/**
 * Checks the form (the shared schema, then the date against today); returns the fields to save or
 * one message per invalid field.
 */
export function parseCpdForm(
  values: CpdFormValues,
  options: { now?: Clock } = {},
): { ok: true; fields: CpdFormOutput } | { ok: false; errors: CpdFormErrors } {
  const hours = values.hours.trim() === '' ? undefined : Number(values.hours.trim().replace(',', '.'))
  const result = v.safeParse(CpdFormSchema, { ...values, hours })
  const errors: CpdFormErrors = {}
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key
      if (typeof key === 'string' && isFormField(key) && !errors[key]) errors[key] = messageFor(key, issue.message)
    }
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(values.startDate)) {
    const checkHours = typeof hours === 'number' && !Number.isNaN(hours) ? hours : null
    for (const issue of validateCpdDates({ startDate: values.startDate, hours: checkHours }, { now: options.now ?? Date.now() })) {
      if (issue.field !== 'endDate') errors[issue.field] ??= issue.message
    }
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, fields: { ...result.output, skillIds: [], evidenceIds: [] } }
  return { ok: false, errors }
}

function isFormField(key: string): key is CpdFormField {
  return (FORM_FIELDS as readonly string[]).includes(key)
}

/** valibot's type-level messages ("Invalid type: …") are not for people; say what to do instead. */
function messageFor(field: CpdFormField, message: string): string {
  if (!message.startsWith('Invalid')) return message
  if (field === 'hours') return 'Enter the hours, e.g. 1.5'
  if (field === 'startDate') return 'Enter the date of the activity'
  return 'Check this field'
}

/** A blank form dated today. */
export function emptyCpdForm(today: string): CpdFormValues {
  return { title: '', startDate: today, hours: '', type: '' }
}

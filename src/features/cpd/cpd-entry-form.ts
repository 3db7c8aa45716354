/**
 * The full CPD entry form (title, dates, hours, type, skills, the three reflections): values as
 * inputs hold them, checked with the shared CPD schema plus the date rules against today, so the
 * form, the repository and the server agree on what is valid.
 */
import * as v from 'valibot'
import { CPD_TYPES, CpdFields, type CpdEntry } from '@/domain/entities'
import { validateCpdDates } from '@/domain/rules/cpd'
import type { Clock } from '@/domain/rules/dates'

export interface CpdEntryValues {
  title: string
  startDate: string
  /** Empty for a one-day activity. */
  endDate: string
  hours: string
  type: string
  skillIds: string[]
  learned: string
  benefitPractice: string
  benefitUsers: string
  /** Set when the entry came from a completed skill-share session. */
  requestId?: string
}

export type CpdEntryField = Exclude<keyof CpdEntryValues, 'requestId'> | 'evidenceIds'
export type CpdEntryErrors = Partial<Record<CpdEntryField, string>>

export const ENTRY_FIELDS: readonly CpdEntryField[] = [
  'title',
  'startDate',
  'endDate',
  'hours',
  'type',
  'skillIds',
  'learned',
  'benefitPractice',
  'benefitUsers',
  'evidenceIds',
]

/** The entry's fields except its evidence, which the form keeps apart. */
export type CpdEntryFields = Omit<CpdEntry, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId' | 'evidenceIds'>

const Schema = v.pipe(
  v.object({
    title: CpdFields.title,
    startDate: CpdFields.startDate,
    endDate: CpdFields.endDate,
    hours: CpdFields.hours,
    type: CpdFields.type,
    skillIds: CpdFields.skillIds,
    learned: CpdFields.learned,
    benefitPractice: CpdFields.benefitPractice,
    benefitUsers: CpdFields.benefitUsers,
    requestId: CpdFields.requestId,
  }),
  v.forward(
    v.check((e) => !e.endDate || e.endDate >= e.startDate, 'End date cannot be before the start date'),
    ['endDate'],
  ),
)

/** A blank entry dated today. */
export function emptyEntry(today: string): CpdEntryValues {
  return { title: '', startDate: today, endDate: '', hours: '', type: '', skillIds: [], learned: '', benefitPractice: '', benefitUsers: '' }
}

/** A saved entry as form values. */
export function valuesFromEntry(e: CpdEntry): CpdEntryValues {
  return {
    title: e.title,
    startDate: e.startDate,
    endDate: e.endDate ?? '',
    hours: String(e.hours),
    type: e.type,
    skillIds: [...e.skillIds],
    learned: e.learned ?? '',
    benefitPractice: e.benefitPractice ?? '',
    benefitUsers: e.benefitUsers ?? '',
    ...(e.requestId ? { requestId: e.requestId } : {}),
  }
}

/** Checks the form against the schema and today; the fields to save, or one message per field. */
export function parseCpdEntry(
  values: CpdEntryValues,
  options: { now: Clock },
): { ok: true; fields: CpdEntryFields } | { ok: false; errors: CpdEntryErrors } {
  const hours = values.hours.trim() === '' ? undefined : Number(values.hours.trim().replace(',', '.'))
  const optional = (s: string) => (s.trim() === '' ? undefined : s)
  const input = {
    title: values.title,
    startDate: values.startDate,
    endDate: optional(values.endDate),
    hours,
    type: values.type,
    skillIds: values.skillIds,
    learned: optional(values.learned),
    benefitPractice: optional(values.benefitPractice),
    benefitUsers: optional(values.benefitUsers),
    requestId: values.requestId,
  }
  const errors: CpdEntryErrors = {}
  const result = v.safeParse(Schema, input)
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key
      if (typeof key === 'string' && isField(key) && !errors[key]) errors[key] = messageFor(key, issue.message)
    }
  }
  // Dates against today, and hours against the days given (only where the schema found no fault).
  if (/^\d{4}-\d{2}-\d{2}$/.test(values.startDate)) {
    for (const issue of validateCpdDates(
      { startDate: values.startDate, endDate: input.endDate, hours: typeof hours === 'number' && !Number.isNaN(hours) ? hours : null },
      options,
    )) {
      errors[issue.field] ??= issue.message
    }
  }
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors }
  const out = result.output
  const fields: CpdEntryFields = { title: out.title, startDate: out.startDate, hours: out.hours, type: out.type, skillIds: out.skillIds }
  if (out.endDate) fields.endDate = out.endDate
  if (out.learned) fields.learned = out.learned
  if (out.benefitPractice) fields.benefitPractice = out.benefitPractice
  if (out.benefitUsers) fields.benefitUsers = out.benefitUsers
  if (out.requestId) fields.requestId = out.requestId
  return { ok: true, fields }
}

function isField(key: string): key is CpdEntryField {
  return (ENTRY_FIELDS as readonly string[]).includes(key)
}

/** valibot's type-level messages ("Invalid type: …") are not for people; say what to do instead. */
function messageFor(field: CpdEntryField, message: string): string {
  if (!message.startsWith('Invalid')) return message
  if (field === 'hours') return 'Enter the hours, e.g. 1.5'
  if (field === 'startDate') return 'Enter the date of the activity'
  if (field === 'type') return 'Choose an activity type'
  return 'Check this field'
}

/** Which types the form offers, in the Science Council's order. */
export const ENTRY_TYPES = CPD_TYPES

/**
 * The one CPD form model, behind both the quick "Log CPD" form (title, date, hours, type) and the
 * full entry editor (adds the end date, skills, the three reflections): values as inputs hold
 * them, checked with the shared CPD schema plus the date rules against today, so the forms, the
 * repository and the server agree on what is valid. The quick form is the same model with fewer
 * fields shown: the fields it does not show stay empty.
 */
import * as v from 'valibot'
import { CPD_TYPES, CpdFields, type CpdEntry } from '@/domain/entities'
import { validateCpdDates } from '@/domain/rules/cpd'
import type { Clock } from '@/domain/rules/dates'
import { issueProblem, problem } from '@/domain/problems'
import type { FieldIssue } from '@/domain/validation'
import { errorsFor, type ErrorWords } from '@/ui/field-errors'

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
/** One message per invalid field, worded in the language shown. */
export type CpdEntryErrors = Partial<Record<CpdEntryField, string>>

/** Every field the full editor shows, in its order. */
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

/** The fields the quick form shows. */
export const QUICK_FIELDS = ['title', 'startDate', 'hours', 'type'] as const satisfies readonly CpdEntryField[]
export type CpdQuickValues = Pick<CpdEntryValues, (typeof QUICK_FIELDS)[number]>

/** The entry's fields except its evidence, which the editor keeps apart. */
export type CpdEntryFields = Omit<CpdEntry, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId' | 'evidenceIds'>

export type CpdFormResult = { ok: true; fields: CpdEntryFields } | { ok: false; errors: CpdEntryErrors }

/** Which types the forms offer, in the Science Council's order (labels: `cpd.type.<type>`). */
export const ENTRY_TYPES = CPD_TYPES

/** The activity types as drop-down choices, worded (`cpd.type.<type>`) by `t`. */
export const entryTypeOptions = (t: (key: string) => string) => ENTRY_TYPES.map((type) => ({ value: type, label: t(`cpd.type.${type}`) }))

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
    v.check((e) => !e.endDate || e.endDate >= e.startDate, problem('endBeforeStart')),
    ['endDate'],
  ),
)

/** A blank entry dated today. */
export function emptyEntry(today: string): CpdEntryValues {
  return { title: '', startDate: today, endDate: '', hours: '', type: '', skillIds: [], learned: '', benefitPractice: '', benefitUsers: '' }
}

/** A blank quick form dated today. */
export function emptyQuick(today: string): CpdQuickValues {
  return { title: '', startDate: today, hours: '', type: '' }
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

/**
 * Checks the form against the schema and today: the fields to save, or one message per field
 * (the domain's problems worded by `words`, the app's language by default). Takes the quick form's
 * values as they are (the fields it does not show count as empty).
 */
export function parseCpdEntry(
  values: CpdQuickValues & Partial<CpdEntryValues>,
  options: { now: Clock; words?: ErrorWords },
): CpdFormResult {
  const words = options.words ?? errorsFor()
  const all: CpdEntryValues = { ...emptyEntry(values.startDate), ...values }
  const hours = all.hours.trim() === '' ? undefined : Number(all.hours.trim().replace(',', '.'))
  const optional = (s: string) => (s.trim() === '' ? undefined : s)
  const input = {
    title: all.title,
    startDate: all.startDate,
    endDate: optional(all.endDate),
    hours,
    type: all.type,
    skillIds: all.skillIds,
    learned: optional(all.learned),
    benefitPractice: optional(all.benefitPractice),
    benefitUsers: optional(all.benefitUsers),
    requestId: all.requestId,
  }
  const errors: CpdEntryErrors = {}
  const result = v.safeParse(Schema, input)
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key
      if (typeof key === 'string' && isField(key) && !errors[key]) errors[key] = words.problemText(issueProblem(issue))
    }
  }
  // Dates against today, and hours against the days given (only where the schema found no fault).
  if (/^\d{4}-\d{2}-\d{2}$/.test(all.startDate)) {
    for (const issue of validateCpdDates(
      { startDate: all.startDate, endDate: input.endDate, hours: typeof hours === 'number' && !Number.isNaN(hours) ? hours : null },
      options,
    )) {
      errors[issue.field] ??= words.problemText(issue.message)
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

/** The repository's refusal of a save, as messages beside the given fields (empty: it names none of them). */
export function refusalErrors(
  error: { issues: readonly FieldIssue[] },
  fields: readonly CpdEntryField[] = ENTRY_FIELDS,
  words: ErrorWords = errorsFor(),
): CpdEntryErrors {
  return words.fieldErrors(error.issues, fields)
}

function isField(key: string): key is CpdEntryField {
  return (ENTRY_FIELDS as readonly string[]).includes(key)
}

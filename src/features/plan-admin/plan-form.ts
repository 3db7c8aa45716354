/** The lead's plan form: title, stage, dates, status, phases and the owners glossary. */
import * as v from 'valibot'
import { PlanFields, type ActionPlan } from '@/domain/entities'
import { issueProblem } from '@/domain/problems'
import { addDays, addMonths } from '@/domain/rules/dates'
import { errorsFor } from '@/ui/field-errors'

export interface GlossaryRow {
  key: string
  label: string
}

export interface PlanFormValues {
  title: string
  stage: string
  startDate: string
  endDate: string
  status: string
  phases: GlossaryRow[]
  owners: GlossaryRow[]
}

/** Words a message (vue-i18n's `t`). */
export type Translate = (key: string, named?: Record<string, unknown>) => string

/** Field → message; rows as `phases.2.key`, `owners.0.label`. */
export type PlanFormErrors = Record<string, string>
export type PlanFormFields = Omit<ActionPlan, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>

/** The form's own check; worded as `planAdmin.form.endAfterStart`. */
const END_AFTER_START = 'planAdmin.form.endAfterStart'
const FormSchema = v.pipe(
  v.object(PlanFields),
  v.forward(
    v.check((p) => p.endDate > p.startDate, END_AFTER_START),
    ['endDate'],
  ),
)

/** A Stage One plan runs 24 months, a Stage Two plan 36: the end date follows the start. */
export function defaultEndDate(stage: string, startDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) return ''
  return addDays(addMonths(startDate, stage === 'one' ? 24 : 36), -1)
}

export function emptyPlanForm(today: string): PlanFormValues {
  return { title: '', stage: 'two', startDate: today, endDate: defaultEndDate('two', today), status: 'draft', phases: [], owners: [] }
}

export function planFormFrom(plan: ActionPlan): PlanFormValues {
  const rows = (r: Record<string, string>) => Object.entries(r).map(([key, label]) => ({ key, label }))
  return {
    title: plan.title,
    stage: plan.stage,
    startDate: plan.startDate,
    endDate: plan.endDate,
    status: plan.status,
    phases: rows(plan.phases),
    owners: rows(plan.owners),
  }
}

/**
 * Checks the form with the plan schema; glossary rows need a unique code and a meaning. The form's
 * own messages and the schema's problems are worded with `t`.
 */
export function parsePlanForm(
  values: PlanFormValues,
  t: Translate,
): { ok: true; fields: PlanFormFields } | { ok: false; errors: PlanFormErrors } {
  const errors: PlanFormErrors = {}
  const phases = readRows(values.phases, 'phases', 10, errors, t)
  const owners = readRows(values.owners, 'owners', 20, errors, t)
  const result = v.safeParse(FormSchema, { ...values, phases, owners })
  const { problemText } = errorsFor(t)
  if (!result.success) {
    for (const issue of result.issues) {
      const key = String(issue.path?.[0]?.key ?? '')
      if (key && !errors[key])
        errors[key] =
          issue.message === END_AFTER_START
            ? t(END_AFTER_START)
            : ['choose', 'invalid'].includes(issueProblem(issue).code)
              ? t('planAdmin.form.chooseOne')
              : problemText(issueProblem(issue))
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors }
  return { ok: true, fields: result.output }
}

function readRows(
  rows: readonly GlossaryRow[],
  name: 'phases' | 'owners',
  maxKey: number,
  errors: PlanFormErrors,
  t: Translate,
): Record<string, string> {
  const out: Record<string, string> = {}
  rows.forEach((row, k) => {
    const key = row.key.trim()
    const label = row.label.trim()
    if (key === '' && label === '') return
    const keyError =
      key === ''
        ? t(`planAdmin.form.rowRequired.${name}`)
        : key.length > maxKey
          ? t(`planAdmin.form.rowTooLong.${name}`, { max: maxKey })
          : key in out
            ? t('planAdmin.form.listedTwice', { key })
            : null
    if (keyError) errors[`${name}.${k}.key`] = keyError
    if (label === '') errors[`${name}.${k}.label`] = t('planAdmin.form.meaning')
    else if (!keyError) out[key] = label
  })
  return out
}

/**
 * Only the fields that changed, so a save merges field by field with another lead's offline
 * edits of other fields instead of overwriting them.
 */
export function changedFields<T extends Record<string, unknown>>(before: Readonly<Record<string, unknown>>, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k]))) as Partial<T>
}

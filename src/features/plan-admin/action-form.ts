/** The lead's action form: code, up to two themes, activity, measures and the rest, checked with the action schema. */
import * as v from 'valibot'
import { ActionFields, type MeasureCheckIn, type PlanAction, type SuccessMeasure } from '@/domain/entities'
import { newId } from '@/domain/ids'
import { parseMeasure } from '@/domain/rules/measures'
import type { Translate } from './plan-form'
import { issueProblem } from '@/domain/problems'
import { errorsFor } from '@/ui/field-errors'

export interface MeasureRow {
  id: string
  text: string
  /** The measure in Welsh ('' = none). */
  textCy: string
  baseline: string
  target: string
  current: string
  unit: string
  deadline: string
  source: string
  /** Its check-ins, kept as they are (added one at a time beside the form, never edited here). */
  checkIns?: MeasureCheckIn[]
}

export interface ActionFormValues {
  code: string
  themes: string[]
  parentId: string
  activity: string
  /** The activity in Welsh ('' = none). */
  activityCy: string
  outputs: string
  outputsCy: string
  timeframe: string
  owner: string
  /** The member told when the status changes ('' = nobody). */
  ownerUid: string
  measures: MeasureRow[]
}

/** Field → message; measure fields as `measures.1.target`. */
export type ActionFormErrors = Record<string, string>
export type ActionFormFields = Omit<PlanAction, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>

const FormSchema = v.object(ActionFields)
const NUMBER_FIELDS = ['baseline', 'target', 'current'] as const

export function emptyMeasure(): MeasureRow {
  return { id: newId(), text: '', textCy: '', baseline: '', target: '', current: '', unit: '', deadline: '', source: 'manual' }
}

export function emptyActionForm(): ActionFormValues {
  return {
    code: '',
    themes: [],
    parentId: '',
    activity: '',
    activityCy: '',
    outputs: '',
    outputsCy: '',
    timeframe: '',
    owner: '',
    ownerUid: '',
    measures: [],
  }
}

export function actionFormFrom(a: PlanAction): ActionFormValues {
  const s = (x: number | undefined) => (x === undefined ? '' : String(x))
  return {
    code: a.code,
    themes: [...a.themes],
    parentId: a.parentId ?? '',
    activity: a.activity,
    activityCy: a.activityCy ?? '',
    outputs: a.outputs ?? '',
    outputsCy: a.outputsCy ?? '',
    timeframe: a.timeframe,
    owner: a.owner,
    ownerUid: a.ownerUid ?? '',
    measures: a.measures.map((m) => ({
      id: m.id,
      text: m.text,
      textCy: m.textCy ?? '',
      baseline: s(m.baseline),
      target: s(m.target),
      current: s(m.current),
      unit: m.unit ?? '',
      deadline: m.deadline ?? '',
      source: m.source ?? 'manual',
      ...(m.checkIns ? { checkIns: m.checkIns } : {}),
    })),
  }
}

/** Fills a measure's empty number fields from its wording ("apprenticeships 9 → 14 by 2023"). */
export function readMeasureText(row: MeasureRow, planStart?: string): MeasureRow {
  const parsed = parseMeasure(row.text, { from: planStart })
  const fill = (current: string, value: string | number | undefined) =>
    current.trim() === '' && value !== undefined ? String(value) : current
  return {
    ...row,
    baseline: fill(row.baseline, parsed.baseline),
    target: fill(row.target, parsed.target),
    unit: fill(row.unit, parsed.unit),
    deadline: fill(row.deadline, parsed.deadline),
  }
}

/**
 * Checks the form; codes must be unique in the plan. The form's own messages and the schema's
 * problems are worded with `t`. A Welsh text left blank is left out, or
 * sent as '' to clear the Welsh the action had (`existing`).
 */
export function parseActionForm(
  values: ActionFormValues,
  context: { planId: string; otherCodes: readonly string[]; existing?: Pick<PlanAction, 'activityCy' | 'outputsCy' | 'ownerUid'> | null },
  t: Translate,
): { ok: true; fields: ActionFormFields } | { ok: false; errors: ActionFormErrors } {
  const errors: ActionFormErrors = {}
  const measures = values.measures
    .filter((m) => m.text.trim() !== '' || NUMBER_FIELDS.some((f) => m[f].trim() !== ''))
    .map((m, k) => readMeasureRow(m, k, errors, t))
  const welsh = (field: 'activityCy' | 'outputsCy') =>
    values[field].trim() !== '' ? { [field]: values[field] } : context.existing?.[field] !== undefined ? { [field]: '' } : {}
  const input = {
    planId: context.planId,
    code: values.code.trim().replace(/\s+/g, ' '),
    themes: values.themes,
    ...(values.parentId ? { parentId: values.parentId } : {}),
    activity: values.activity,
    ...welsh('activityCy'),
    ...(values.outputs.trim() ? { outputs: values.outputs } : {}),
    ...welsh('outputsCy'),
    measures,
    timeframe: values.timeframe,
    owner: values.owner,
    ...(values.ownerUid ? { ownerUid: values.ownerUid } : {}),
  }
  const result = v.safeParse(FormSchema, input)
  const { problemText } = errorsFor(t)
  if (!result.success) {
    for (const issue of result.issues) {
      const path = (issue.path ?? []).map((p) => String(p.key))
      const key = path[0] === 'measures' && path.length >= 3 ? path.slice(0, 3).join('.') : (path[0] ?? '')
      if (key && !errors[key])
        errors[key] = ['choose', 'invalid'].includes(issueProblem(issue).code)
          ? t('planAdmin.form.check')
          : problemText(issueProblem(issue))
    }
  }
  if (!errors.code && context.otherCodes.includes(input.code)) errors.code = t('planAdmin.form.codeTaken', { code: input.code })
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors }
  // A member no longer chosen: the field travels as cleared (repos' patchFrom sends it as null).
  const cleared = !values.ownerUid && context.existing?.ownerUid !== undefined
  return { ok: true, fields: cleared ? { ...result.output, ownerUid: undefined } : result.output }
}

function readMeasureRow(row: MeasureRow, k: number, errors: ActionFormErrors, t: Translate): SuccessMeasure {
  const out: Record<string, unknown> = { id: row.id, text: row.text }
  if (row.textCy.trim()) out.textCy = row.textCy
  for (const f of NUMBER_FIELDS) {
    const raw = row[f].trim().replace(/,/g, '').replace(/%$/, '')
    if (raw === '') continue
    const n = Number(raw)
    if (Number.isFinite(n)) out[f] = n
    else errors[`measures.${k}.${f}`] = t('planAdmin.form.number')
  }
  if (row.unit.trim()) out.unit = row.unit.trim()
  if (row.deadline.trim()) out.deadline = row.deadline.trim()
  if (row.source) out.source = row.source
  if (row.checkIns) out.checkIns = row.checkIns
  return out as SuccessMeasure
}

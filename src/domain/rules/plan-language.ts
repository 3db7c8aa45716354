/**
 * Bilingual plans: an action's activity and outputs, and a success measure's text, are written in
 * English and may carry Welsh beside them (`activityCy`, `outputsCy`, a measure's `textCy`). The
 * plan shows the Welsh when the app is in Welsh and the Welsh is written, else the English. Pure.
 */
import type { PlanAction, SuccessMeasure } from '@/domain/entities'

/** The Welsh when `locale` is Welsh and it is written (not blank), else the English. */
export function inLanguage(locale: string, english: string, welsh: string | undefined): string {
  return locale === 'cy' && welsh !== undefined && welsh.trim() !== '' ? welsh : english
}

/** The action's activity (its title) in `locale`. */
export const activityIn = (locale: string, a: Pick<PlanAction, 'activity' | 'activityCy'>) => inLanguage(locale, a.activity, a.activityCy)

/** The action's key outputs in `locale` ('' when it has none). */
export const outputsIn = (locale: string, a: Pick<PlanAction, 'outputs' | 'outputsCy'>) => inLanguage(locale, a.outputs ?? '', a.outputsCy)

/** A success measure's wording in `locale`. */
export const measureTextIn = (locale: string, m: Pick<SuccessMeasure, 'text' | 'textCy'>) => inLanguage(locale, m.text, m.textCy)

/** The CPD page's summary: the standards check, hours by type and development time, from the pure rules. */
import { CPD_TYPES, type CpdEntry, type Institution } from '@/domain/entities'
import {
  developmentProgress,
  hoursByCategory,
  standardsCheck,
  type CpdType,
  type DevelopmentProgress,
  type StandardsCheck,
} from '@/domain/rules/cpd'
import type { Clock } from '@/domain/rules/dates'

export interface CategoryHours {
  type: CpdType
  hours: number
  /** Share of the largest category, 0–100, for the bar. */
  percent: number
}

export interface CpdSummary {
  standards: StandardsCheck
  /** Hours by type over the last 12 months (the standards window). */
  categories: CategoryHours[]
  totalHours: number
  /** Null when the institution has set no development-time allowance. */
  development: DevelopmentProgress | null
}

export function summariseCpd(
  entries: readonly CpdEntry[],
  institution: Pick<Institution, 'developmentDaysPerYear' | 'cpdYearStartMonth'> | undefined,
  now: Clock,
): CpdSummary {
  const standards = standardsCheck(entries, { now })
  const { start, end } = standards.window
  const recent = entries.filter((e) => (e.endDate ?? e.startDate) >= start && e.startDate <= end)
  const hours = hoursByCategory(recent)
  const max = Math.max(...Object.values(hours), 0)
  const categories = CPD_TYPES.map((type) => ({
    type,
    hours: hours[type],
    percent: max === 0 ? 0 : Math.round((hours[type] / max) * 100),
  }))
  const allowance = institution?.developmentDaysPerYear
  return {
    standards,
    categories,
    totalHours: categories.reduce((sum, c) => sum + c.hours, 0),
    development:
      allowance === undefined
        ? null
        : developmentProgress(entries, { now, allowanceDays: allowance, yearStartMonth: institution?.cpdYearStartMonth }),
  }
}

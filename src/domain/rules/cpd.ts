/**
 * CPD rules: CPD years, hours by Science Council activity type, the Science Council CPD standards
 * check over the last 12 months, progress against an institution's development-time allowance,
 * and date validation for an entry.
 */
import { CPD_TYPES, type CpdEntry } from '../entities'
import { addDays, addMonths, dayNumber, formatIsoDate, isoDateOf, parseIsoDate, type Clock } from './dates'
import { problem } from '../problems'

export type CpdType = (typeof CPD_TYPES)[number]

/** A working day, for turning hours into development days. */
export const HOURS_PER_DAY = 7.5
/** The standards ask for activity across at least this many types in 12 months. */
export const MIN_CPD_TYPES = 3

/** The entry fields the rules read. */
type CpdLike = Pick<CpdEntry, 'title' | 'startDate' | 'endDate' | 'hours' | 'type' | 'learned' | 'benefitPractice' | 'benefitUsers'> & {
  deleted?: boolean
}

export interface CpdYear {
  /** "2024" when the year starts in January, else "2024/25". */
  label: string
  startYear: number
  start: string
  end: string
}

/** The CPD year a date falls in, given the month (1–12) the year starts. */
export function cpdYear(date: string, startMonth = 1): CpdYear {
  const { year, month } = parseIsoDate(date)
  const startYear = month >= startMonth ? year : year - 1
  return cpdYearStarting(startYear, startMonth)
}

function cpdYearStarting(startYear: number, startMonth: number): CpdYear {
  const start = formatIsoDate(startYear, startMonth, 1)
  const label = startMonth === 1 ? String(startYear) : `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`
  return { label, startYear, start, end: addDays(addMonths(start, 12), -1) }
}

/** Entries grouped by CPD year (of their start date), newest year first, entries newest first. */
export function groupByCpdYear<T extends CpdLike>(entries: readonly T[], startMonth = 1): { year: CpdYear; entries: T[] }[] {
  const groups = new Map<number, { year: CpdYear; entries: T[] }>()
  for (const e of live(entries)) {
    const year = cpdYear(e.startDate, startMonth)
    const group = groups.get(year.startYear) ?? { year, entries: [] }
    group.entries.push(e)
    groups.set(year.startYear, group)
  }
  return [...groups.values()]
    .sort((a, b) => b.year.startYear - a.year.startYear)
    .map((g) => ({ ...g, entries: g.entries.sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0)) }))
}

/** Total hours per activity type (every type present, 0 when none). */
export function hoursByCategory(entries: readonly CpdLike[]): Record<CpdType, number> {
  const result = Object.fromEntries(CPD_TYPES.map((t) => [t, 0])) as Record<CpdType, number>
  for (const e of live(entries)) result[e.type] += e.hours
  return result
}

export type StandardsRuleId = 'categories' | 'learned' | 'benefitPractice' | 'benefitUsers'

export interface StandardsRule {
  id: StandardsRuleId
  passed: boolean
  /** What to do to pass, as a code and its facts (the client words it); absent when passed. */
  hint?: StandardsHint
}

/**
 * Why a rule is not met yet, worded by the client:
 * - `noActivity`: nothing logged in the window; `suggest` names types to log.
 * - `moreTypes`: activity of the types `have`; `need` more types, e.g. one of `suggest`.
 * - `logAndNote`: nothing logged; log an activity and note this reflection.
 * - `noteFor`: `count` entries lack this reflection; `titles` names the first three.
 */
export type StandardsHint =
  | { code: 'noActivity'; min: number; suggest: CpdType[] }
  | { code: 'moreTypes'; have: CpdType[]; need: number; suggest: CpdType[] }
  | { code: 'logAndNote' }
  | { code: 'noteFor'; count: number; titles: string[] }

export interface StandardsCheck {
  passed: boolean
  window: { start: string; end: string }
  /** Entries in the window. */
  entryCount: number
  /** Types with activity in the window. */
  types: CpdType[]
  rules: StandardsRule[]
}

const REFLECTIONS = ['learned', 'benefitPractice', 'benefitUsers'] as const

/**
 * Checks the last 12 months (up to and including today) against the Science Council CPD standards
 * the app can see: activity across at least {@link MIN_CPD_TYPES} of the five types, and, for every
 * entry, a note of what was learned, how it benefits practice and how it benefits the users of the
 * work. An entry counts if any of its days falls in the window.
 */
export function standardsCheck(entries: readonly CpdLike[], options: { now: Clock }): StandardsCheck {
  const end = isoDateOf(options.now)
  const start = addDays(addMonths(end, -12), 1)
  const inWindow = live(entries).filter((e) => (e.endDate ?? e.startDate) >= start && e.startDate <= end)
  const types = CPD_TYPES.filter((t) => inWindow.some((e) => e.type === t))
  const missingTypes = CPD_TYPES.filter((t) => !types.includes(t) && t !== 'other')

  const categories: StandardsRule = { id: 'categories', passed: types.length >= MIN_CPD_TYPES }
  if (!categories.passed) {
    const need = MIN_CPD_TYPES - types.length
    categories.hint =
      inWindow.length === 0
        ? { code: 'noActivity', min: MIN_CPD_TYPES, suggest: missingTypes.slice(0, MIN_CPD_TYPES) }
        : { code: 'moreTypes', have: types, need, suggest: missingTypes.slice(0, need + 1) }
  }

  const reflections = REFLECTIONS.map((id): StandardsRule => {
    const without = inWindow.filter((e) => !(e[id] ?? '').trim())
    const passed = inWindow.length > 0 && without.length === 0
    if (passed) return { id, passed }
    const hint: StandardsHint =
      inWindow.length === 0
        ? { code: 'logAndNote' }
        : { code: 'noteFor', count: without.length, titles: without.slice(0, 3).map((e) => e.title) }
    return { id, passed, hint }
  })

  const rules = [categories, ...reflections]
  return { passed: rules.every((r) => r.passed), window: { start, end }, entryCount: inWindow.length, types, rules }
}

export interface DevelopmentProgress {
  year: CpdYear
  hours: number
  days: number
  allowanceDays: number
  /** Share of the allowance used, 0–100, for the bar. */
  percent: number
  remainingDays: number
}

/**
 * Development time used in the current CPD year against the institution's allowance (Liverpool:
 * 10 days). Hours become days at {@link HOURS_PER_DAY}; an entry counts in the year it starts.
 */
export function developmentProgress(
  entries: readonly CpdLike[],
  options: { now: Clock; allowanceDays: number; yearStartMonth?: number; hoursPerDay?: number },
): DevelopmentProgress {
  const year = cpdYear(isoDateOf(options.now), options.yearStartMonth ?? 1)
  const hours = live(entries)
    .filter((e) => e.startDate >= year.start && e.startDate <= year.end)
    .reduce((sum, e) => sum + e.hours, 0)
  const days = Math.round((hours / (options.hoursPerDay ?? HOURS_PER_DAY)) * 10) / 10
  const allowanceDays = Math.max(0, options.allowanceDays)
  return {
    year,
    hours,
    days,
    allowanceDays,
    percent: allowanceDays === 0 ? 100 : Math.min(100, Math.round((days / allowanceDays) * 100)),
    remainingDays: Math.max(0, Math.round((allowanceDays - days) * 10) / 10),
  }
}

export interface CpdDateIssue {
  field: 'startDate' | 'endDate' | 'hours'
  message: string
}

/**
 * Checks an entry's dates against today: the start cannot be in the future (CPD records what has
 * happened; a course still running may end later), the end cannot be before the start, and the
 * hours must fit in the days given. Returns every issue, empty when valid.
 */
export function validateCpdDates(
  entry: { startDate: string; endDate?: string | null; hours?: number | null },
  options: { now: Clock },
): CpdDateIssue[] {
  const issues: CpdDateIssue[] = []
  const iso = /^\d{4}-\d{2}-\d{2}$/
  if (!iso.test(entry.startDate)) return [{ field: 'startDate', message: problem('date') }]
  if (entry.endDate && !iso.test(entry.endDate)) return [{ field: 'endDate', message: problem('date') }]
  const today = isoDateOf(options.now)
  if (entry.startDate > today) issues.push({ field: 'startDate', message: problem('startInFuture') })
  if (entry.endDate && entry.endDate < entry.startDate) issues.push({ field: 'endDate', message: problem('endBeforeStart') })
  const days = entry.endDate && entry.endDate >= entry.startDate ? dayNumber(entry.endDate) - dayNumber(entry.startDate) + 1 : 1
  if (entry.hours != null && entry.hours > days * 24) {
    issues.push({ field: 'hours', message: problem('hoursMoreThanDays', { hours: entry.hours, days }) })
  }
  return issues
}

function live<T extends CpdLike>(entries: readonly T[]): T[] {
  return entries.filter((e) => !e.deleted)
}

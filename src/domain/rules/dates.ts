/**
 * Calendar-date helpers for the rules. Dates are ISO strings (`2024-06-01`) as the entities store
 * them; arithmetic runs in UTC so a date never shifts by a day across a clock change. Only
 * `isoDateOf` reads the local calendar, because "today" is the technician's today.
 */

/** The injected clock: a `Date` or ms since the epoch. */
export type Clock = Date | number

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The local calendar date of an instant as an ISO date, e.g. `2024-06-01`. */
export function isoDateOf(now: Clock): string {
  const d = new Date(now)
  return formatIsoDate(d.getFullYear(), d.getMonth() + 1, d.getDate())
}

/** `yyyy-mm-dd` from its parts (month 1–12). */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Year, month (1–12) and day of an ISO date; throws on anything else, since callers pass validated dates. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(iso)
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`)
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
}

/** Days since 1970-01-01 for an ISO date (UTC, so differences are whole days). */
export function dayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso)
  return Date.UTC(year, month - 1, day) / 86_400_000
}

/** The ISO date `days` after (or before, if negative) `iso`. */
export function addDays(iso: string, days: number): string {
  const d = new Date((dayNumber(iso) + days) * 86_400_000)
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** The number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The ISO date `months` later, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)))
}

/** The last day of a month (1–12) as an ISO date. */
export function endOfMonth(year: number, month: number): string {
  return formatIsoDate(year, month, daysInMonth(year, month))
}

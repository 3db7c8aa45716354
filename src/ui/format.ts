/**
 * Dates and numbers as the app writes them, in one of its languages (`en`, `cy`), dates day first in both:
 * "13 September 2026" / "13 Medi 2026", "Sept 2026" / "Medi 2026", "13 Medi 2026 am 14:05".
 *
 * The month names and patterns are the app's own messages (`common.date.*`), not Intl's: Debian's
 * Chromium carries no Welsh locale data, so `Intl.DateTimeFormat('cy-GB')` (and vue-i18n's `d()`)
 * writes Welsh dates in American English there. Times are local and on the 24-hour clock.
 */
import { i18n } from '@/i18n'
import { isLocale, LANGUAGE_TAG, type Locale } from '@/i18n/locales'

interface Calendar {
  months: readonly string[]
  monthsShort: readonly string[]
}

/** Month names per language, read from the messages once they are loaded. */
const calendars = new Map<Locale, Calendar>()

const language = (locale: string): Locale => (isLocale(locale) ? locale : 'en')
const words = (locale: Locale, key: string, named: Record<string, unknown> = {}) => i18n.global.t(key, named, { locale })

function calendar(locale: Locale): Calendar {
  const known = calendars.get(locale)
  if (known) return known
  const names = (kind: 'month' | 'monthShort') => Array.from({ length: 12 }, (_, k) => words(locale, `common.date.${kind}.${k + 1}`))
  const made = { months: names('month'), monthsShort: names('monthShort') }
  // Kept only once the language's messages are in (before that, a name reads as its key or in English).
  if (i18n.global.te('common.date.month.1', locale)) calendars.set(locale, made)
  return made
}

/** Year, month (1–12) and day of an ISO date (local calendar day) or a time in ms (local time); null if neither. */
function parts(date: string | number): { y: number; m: number; d: number; at?: Date } | null {
  if (typeof date === 'number') {
    const at = new Date(date)
    return Number.isNaN(at.getTime()) ? null : { y: at.getFullYear(), m: at.getMonth() + 1, d: at.getDate(), at }
  }
  const [y, m, d] = date.slice(0, 10).split('-').map(Number)
  return y && m && d && m <= 12 ? { y, m, d } : null
}

/** "13 September 2026" / "13 Medi 2026": an ISO date or a time (ms) as a long date; the input itself if it is not a date. */
export function formatDateIn(locale: string, date: string | number): string {
  const p = parts(date)
  if (!p) return String(date)
  const l = language(locale)
  return words(l, 'common.date.long', { day: p.d, month: calendar(l).months[p.m - 1], year: p.y })
}

/** "Sept 2026" / "Medi 2026": the month of an ISO date or month ("2026-09"), or of a time (ms). */
export function formatMonthIn(locale: string, date: string | number): string {
  const p = parts(typeof date === 'string' && /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date)
  if (!p) return String(date)
  const l = language(locale)
  return words(l, 'common.date.monthYear', { month: calendar(l).monthsShort[p.m - 1], year: p.y })
}

/** "14:05": the local time of a time (ms), 24-hour clock. */
export function formatTimeIn(_locale: string, time: number): string {
  const at = new Date(time)
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
}

/** "13 September 2026 at 14:05" / "13 Medi 2026 am 14:05": a time (ms) as a long date with the local hour and minute. */
export function formatDateTimeIn(locale: string, time: number): string {
  const l = language(locale)
  return words(l, 'common.date.dateTime', { date: formatDateIn(l, time), time: formatTimeIn(l, time) })
}

const decimalFormats = new Map<Locale, Intl.NumberFormat>()

/**
 * "12.5" / "1,234.5": a number to one decimal place at most, as both languages write it (en-GB and
 * cy-GB share digits, separators and grouping). Under 1,000 there is nothing to group, so it is
 * written without Intl: a page's first `Intl.NumberFormat` loads ICU's number data, 46–160 ms
 * measured in Chromium here (four times that at Lighthouse's 4× CPU: the longest task on Home,
 * which shows three counts). It rounds as Intl does: the shortest decimal form of the number, half
 * away from zero (1.45 → 1.5, though the stored double is just under 1.45).
 */
export function formatDecimalIn(locale: string, value: number): string {
  const plain = /^(\d+)(?:\.(\d)(\d?))?/.exec(String(Math.abs(value)))
  const tenths = plain ? Number(plain[1]) * 10 + Number(plain[2] ?? 0) + ((plain[3] ?? '0') >= '5' ? 1 : 0) : Infinity
  if (!String(value).includes('e') && tenths < 10_000) return (value < 0 && tenths > 0 ? '-' : '') + String(tenths / 10)
  const l = language(locale)
  let format = decimalFormats.get(l)
  if (!format) decimalFormats.set(l, (format = new Intl.NumberFormat(LANGUAGE_TAG[l], { maximumFractionDigits: 1 })))
  return format.format(value)
}

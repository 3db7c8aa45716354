/** Display formats (en-GB), shared by every feature. */
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/** "23 November 2026" from an ISO date; the input itself if it is not a date. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  if (!y || !m || !d) return isoDate
  return dateFormat.format(new Date(y, m - 1, d))
}

const longDates = new Map<string, Intl.DateTimeFormat>()

/**
 * "23 November 2026" / "23 Tachwedd 2026": an ISO date or a time (ms) as a long date in one of the
 * app's languages (`en`, `cy`), day first in both (vue-i18n's `d()` formats `en` the US way).
 */
export function formatDateIn(locale: string, date: string | number): string {
  const tag = locale === 'cy' ? 'cy-GB' : 'en-GB'
  let format = longDates.get(tag)
  if (!format) longDates.set(tag, (format = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' })))
  if (typeof date === 'number') return format.format(new Date(date))
  const [y, m, d] = date.split('-').map(Number)
  return y && m && d ? format.format(new Date(y, m - 1, d)) : date
}

const dateTimes = new Map<string, Intl.DateTimeFormat>()

/**
 * "23 November 2026 at 14:05" / "23 Tachwedd 2026 am 14:05": a time (ms) as a long date with the
 * hour and minute (24-hour clock, local time) in one of the app's languages (`en`, `cy`).
 */
export function formatDateTimeIn(locale: string, time: number): string {
  const tag = locale === 'cy' ? 'cy-GB' : 'en-GB'
  let format = dateTimes.get(tag)
  if (!format) {
    format = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    dateTimes.set(tag, format)
  }
  return format.format(new Date(time))
}

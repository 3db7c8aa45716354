/** Display formats (en-GB), shared by every feature. */
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/** "23 November 2026" from an ISO date; the input itself if it is not a date. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  if (!y || !m || !d) return isoDate
  return dateFormat.format(new Date(y, m - 1, d))
}

/** "1 hour", "2.5 hours". */
export function formatHours(hours: number): string {
  return `${numberFormat.format(hours)} ${hours === 1 ? 'hour' : 'hours'}`
}

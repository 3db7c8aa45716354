/**
 * The one CSV writer (the app's exports and the survey export callable, which bundles it): RFC
 * 4180 with CRLF after every row, a field quoted when it holds a comma, a quote or a line break
 * (quotes doubled), and a text cell a spreadsheet would run as a formula (starting = + - @, tab
 * or CR) prefixed with an apostrophe so it shows as text. Numbers are written as they are.
 */

export type CsvCell = string | number

/** One field, defused and quoted as needed. */
export function csvField(value: CsvCell): string {
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows as CSV text for spreadsheets. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('')
}

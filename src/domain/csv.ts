/** CSV out (papaparse's `unparse`: quoting, commas and newlines in cells). */
import Papa from 'papaparse'

type Unparse = (data: readonly (readonly (string | number)[])[], config?: { newline?: string }) => string
// The shared declaration (src/domain/rules/papaparse.d.ts) lists only `parse`.
const unparse = (Papa as unknown as { unparse: Unparse }).unparse

/**
 * Rows as CSV text for spreadsheets: CRLF line ends, and a cell starting with = + - @ (which a
 * spreadsheet would run as a formula) prefixed with an apostrophe.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)))
  return unparse(safe, { newline: '\r\n' })
}


/**
 * Plan export and spreadsheet import. XLSX is read and written by write-excel-file and
 * read-excel-file (both on fflate, which the app already has), loaded only when a lead exports or
 * imports a spreadsheet, never in the initial bundle. The XLSX goes through the CSV import's own
 * parser (parseActionPlanRows), so both files read the same.
 */
import type { ActionPlan, PlanAction, RagChange } from '@/domain/entities'
import { reads as defaultReads, type Reads } from '@/db/read'
import { downloadBlob } from '@/ui/download'
import { parseActionPlanRows, type CsvImport, type CsvImportOptions } from '@/domain/rules/csv'
import { planCsv, planExportRows } from '@/domain/rules/plan-export'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The plan as a CSV file (UTF-8 with a BOM, so spreadsheets read accents and Welsh letters). */
export function planCsvBlob(actions: readonly PlanAction[], ragChanges: readonly RagChange[]): Blob {
  return new Blob(['\uFEFF', planCsv(actions, ragChanges)], { type: 'text/csv;charset=utf-8' })
}

/** The plan as one XLSX sheet with the import's columns (text cells, wrapped). */
export async function planXlsxBlob(actions: readonly PlanAction[], ragChanges: readonly RagChange[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const rows = planExportRows(actions, ragChanges)
  const widths = [8, 22, 50, 40, 50, 16, 16, 8, 40]
  const data = rows.map((row, r) =>
    row.map((value) => ({ value, type: String, wrap: true, ...(r === 0 ? { fontWeight: 'bold' as const } : {}) })),
  )
  return writeXlsxFile(data, { columns: widths.map((width) => ({ width })), sheet: 'Plan' }).toBlob()
}

/** The first sheet of an XLSX file as rows of text. */
export async function readXlsxRows(input: Blob | ArrayBuffer): Promise<string[][]> {
  const { readSheet } = await import('read-excel-file/universal')
  const data = await readSheet(input)
  return data.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell))),
  )
}

/** Reads an XLSX plan with the CSV import's rules. */
export async function parsePlanXlsx(input: Blob | ArrayBuffer, options: CsvImportOptions): Promise<CsvImport> {
  return parseActionPlanRows(await readXlsxRows(input), options)
}

/** Downloads a plan's actions with their current RAG as CSV or XLSX (named after the plan). */
export async function downloadPlan(plan: ActionPlan, format: 'csv' | 'xlsx', reads: Reads = defaultReads): Promise<void> {
  const actions = await reads.actions.where('planId', plan.id)
  const ids = new Set(actions.map((a) => a.id))
  const rag = (await reads.ragChanges.all()).filter((c) => ids.has(c.actionId))
  const name = `${plan.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'plan'}.${format}`
  downloadBlob(name, format === 'csv' ? planCsvBlob(actions, rag) : await planXlsxBlob(actions, rag))
}

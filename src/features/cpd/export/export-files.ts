/**
 * Building the export files. Each heavy library loads only when its button is pressed (dynamic
 * import), so none of them is in the app's first download.
 */
import type { AuditRecord } from './audit-record'
import { toCsv } from '@/domain/csv'
import { auditRows, exportBaseName } from './audit-record'

export interface ExportFile {
  name: string
  blob: Blob
}

export async function pdfFile(record: AuditRecord): Promise<ExportFile> {
  // The fonts (./pdf-fonts.ts) are fetched with the code, only now.
  const [{ auditPdf }, fonts] = await Promise.all([import('./export-pdf'), import('./pdf-fonts').then((m) => m.loadPdfFonts())])
  return { name: `${exportBaseName(record)}.pdf`, blob: auditPdf(record, fonts) }
}

export async function docxFile(record: AuditRecord): Promise<ExportFile> {
  const { auditDocx } = await import('./export-docx')
  return { name: `${exportBaseName(record)}.docx`, blob: await auditDocx(record) }
}

export function csvFile(record: AuditRecord): ExportFile {
  // A byte-order mark so Excel reads the UTF-8 (names, “quotes”) correctly.
  return {
    name: `${exportBaseName(record)}.csv`,
    blob: new Blob([`\ufeff${toCsv(auditRows(record))}`], { type: 'text/csv;charset=utf-8' }),
  }
}

/**
 * Importing an existing plan from CSV or XLSX: parse and preview with row-level errors (the parsing is the
 * shared rule in src/domain/rules/csv.ts), then write every action and its RAG in one local
 * transaction — and only when the file has no errors at all.
 */
import { db as defaultDb, type HubDb } from '@/db/database'
import { repos as defaultRepos, type Repos } from '@/db/repos'
import { MAX_CSV_BYTES, parseActionPlanCsv, type CsvImport } from '@/domain/rules/csv'
import { problem } from '@/domain/problems'
import { parsePlanXlsx, XLSX_TYPE } from './plan-export'

/** A chosen file (a `File` is one) or pasted text. */
export interface CsvSource {
  name: string
  size: number
  /** The file's media type, when the browser knows it. */
  type?: string
  text(): Promise<string>
  /** The bytes: needed for an XLSX workbook. */
  arrayBuffer?(): Promise<ArrayBuffer>
}

/** Whether a source is an Excel workbook (by its media type or its name), read as XLSX rather than text. */
export function isXlsx(source: Pick<CsvSource, 'name' | 'type'>): boolean {
  return source.type === XLSX_TYPE || /\.xlsx$/i.test(source.name)
}

/**
 * Reads and checks a file: CSV (or tab-separated) text, or an XLSX workbook's first sheet, both
 * through the same rules (parseActionPlanRows), so both preview the same. A file over the limit is
 * refused before it is read, so 5 MB of junk never reaches the parser (or the device's memory) at
 * all. Problems are codes (`csv*`, `xlsxUnreadable`), worded by the view.
 */
export async function previewCsv(
  source: CsvSource,
  options: { planId: string; planStart?: string; existing: readonly { id: string; code: string }[] },
): Promise<CsvImport> {
  if (source.size > MAX_CSV_BYTES) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`
    return {
      actions: [],
      errors: [
        {
          row: 0,
          column: '',
          message: problem('csvTooLarge', { size: mb(source.size), max: mb(MAX_CSV_BYTES) }),
        },
      ],
    }
  }
  if (isXlsx(source) && source.arrayBuffer) {
    const bytes = await source.arrayBuffer()
    try {
      return await parsePlanXlsx(bytes, options)
    } catch {
      // Not a workbook after all (a renamed file, a damaged download).
      return { actions: [], errors: [{ row: 0, column: '', message: problem('xlsxUnreadable') }] }
    }
  }
  return parseActionPlanCsv(await source.text(), options)
}

/** Writes the previewed actions and their RAG; refuses a preview with errors. Returns how many actions. */
export async function importCsv(
  db: HubDb,
  repos: Pick<Repos, 'actions' | 'ragChanges'>,
  preview: CsvImport,
  who: { uid: string; now: number },
): Promise<number> {
  if (preview.errors.length > 0) throw new Error('Fix the errors in the file before importing')
  if (preview.actions.length === 0) throw new Error('The file has no actions to import')
  await db.transaction('rw', [db.actions, db.ragChanges, db.outbox, db.bases], async () => {
    for (const a of preview.actions) await repos.actions.create(a.fields, a.id)
    for (const a of preview.actions) {
      if (a.rag)
        await repos.ragChanges.create({ actionId: a.id, status: a.rag.status, rationale: a.rag.rationale, at: who.now, byUid: who.uid })
    }
  })
  return preview.actions.length
}

/** `importCsv` into this device's database. */
export function importPreview(preview: CsvImport, who: { uid: string; now: number }): Promise<number> {
  return importCsv(defaultDb, defaultRepos, preview, who)
}

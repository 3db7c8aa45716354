/**
 * Importing an existing action plan from CSV (or tab-separated text pasted from a Word table),
 * with the columns the seed plans use: Code, Theme ("Link to TC"), Activity, Key outputs, Success
 * measures, Timeframe, Owner, RAG. Every problem comes back as a row-level error; the caller
 * imports nothing unless `errors` is empty, and can show both for a preview.
 */
import Papa from 'papaparse'
import * as v from 'valibot'
import { ActionFields, type RagStatus, type SuccessMeasure } from '../entities'
import { newId } from '../ids'
import { parseMeasure } from './measures'
import { issueProblem, problem } from '../problems'
import { type Theme } from './rag'

/** Larger files are refused outright: a plan of a few hundred rows is well under 1 MB. */
export const MAX_CSV_BYTES = 1024 * 1024
/** More data rows than any real plan has; beyond it the file is refused as a whole. */
export const MAX_CSV_ROWS = 500

const ActionDraftSchema = v.object(ActionFields)
/** An action's fields as imported (no id or sync metadata). */
export type ActionDraft = v.InferOutput<typeof ActionDraftSchema>

export interface ImportedAction {
  /** The spreadsheet row it came from (the header is row 1 when it is the first line). */
  row: number
  id: string
  fields: ActionDraft
  /** The RAG status in the file, to be recorded as the action's first RAG change. */
  rag: { status: RagStatus; rationale: string } | null
}

/** `row` 0 is about the whole file; `column` is the file's own header where there is one. */
export interface CsvError {
  row: number
  column: string
  message: string
  /** What the row itself says (trimmed cells), so a preview can show the row beside its problem. */
  cells?: RowCells
}

/** The cells of a row a preview shows: code, theme, activity and RAG as written in the file. */
export interface RowCells {
  code: string
  theme: string
  activity: string
  rag: string
}

export interface CsvImport {
  actions: ImportedAction[]
  errors: CsvError[]
}

export interface CsvImportOptions {
  planId: string
  /** Actions already in the plan: codes must not repeat, and sub-items can hang off them. */
  existing?: readonly { id: string; code: string }[]
  /** The plan's start, to date measures such as "over 3 years". */
  planStart?: string
  newId?: () => string
  maxBytes?: number
}

type ColumnKey = 'code' | 'theme' | 'activity' | 'outputs' | 'measures' | 'timeframe' | 'owner' | 'rag' | 'rationale'

/** The name a column is known by, used in errors when the file lacks it. */
const COLUMN_NAMES: Record<ColumnKey, string> = {
  code: 'Code',
  theme: 'Theme',
  activity: 'Activity',
  outputs: 'Key outputs',
  measures: 'Success measures',
  timeframe: 'Timeframe',
  owner: 'Owner',
  rag: 'RAG',
  rationale: 'RAG rationale',
}

/** Header spellings seen in plans, normalised (lower case, letters and digits only). */
const HEADER_ALIASES: Record<ColumnKey, readonly string[]> = {
  code: ['code', 'ref', 'reference', 'action code', 'action ref', 'action no', 'no'],
  theme: ['theme', 'themes', 'link to tc', 'link to technician commitment', 'workstream', 'technician commitment theme'],
  activity: ['activity', 'activities', 'action', 'actions', 'description'],
  outputs: ['key outputs', 'key output', 'outputs', 'output'],
  measures: ['success measures', 'success measure', 'measures', 'measure of success'],
  timeframe: ['timeframe', 'time frame', 'timescale', 'timescales', 'phase', 'when', 'deadline'],
  owner: ['owner', 'action owner', 'person responsible', 'responsible', 'lead', 'who'],
  rag: ['rag', 'rag status', 'status'],
  rationale: ['rag rationale', 'rationale', 'explanation', 'rag explanation', 'comments', 'notes', 'progress notes'],
}

const FIELD_COLUMNS: Partial<Record<string, ColumnKey>> = {
  code: 'code',
  themes: 'theme',
  activity: 'activity',
  outputs: 'outputs',
  measures: 'measures',
  timeframe: 'timeframe',
  owner: 'owner',
}

const THEME_WORDS: Record<string, Theme> = {
  visibility: 'visibility',
  recognition: 'recognition',
  'career development': 'career',
  career: 'career',
  sustainability: 'sustainability',
  all: 'all',
  'evaluating impact': 'all',
  'cross cutting': 'all',
}
const THEME_ALTERNATIVES = Object.keys(THEME_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')
const THEME_WORD = new RegExp(`\\b(?:${THEME_ALTERNATIVES})\\b`, 'g')
const THEME_RUN = new RegExp(`^(?:(?:${THEME_ALTERNATIVES})\\s*)+$`)
const CODE_THEMES: Record<string, Theme> = { V: 'visibility', R: 'recognition', CD: 'career', S: 'sustainability', A: 'all' }

const RAG_WORDS: Record<string, RagStatus> = {
  red: 'red',
  r: 'red',
  'not started': 'red',
  amber: 'amber',
  a: 'amber',
  'in progress': 'amber',
  ongoing: 'amber',
  green: 'green',
  g: 'green',
  done: 'green',
  complete: 'green',
  completed: 'green',
}

const CODE_PATTERN = /^(CD|V|R|S|A)\d+( [ivx]+)?$/
/** The entity schema's own problem for a malformed code. */
const CODE_MESSAGE = problem('actionCode')
const normaliseHeader = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
const stripTags = (s: string) => s.replace(/<[^>]*>/g, ' ')

/**
 * Parses a plan CSV into action drafts and row-level errors: missing columns, unknown themes,
 * malformed or duplicate codes, bad RAG values, Reds without an explanation, fields the action
 * schema refuses, unclosed quotes, and files that are too big or not text at all.
 */
export function parseActionPlanCsv(text: string, options: CsvImportOptions): CsvImport {
  const fileError = checkFile(text, options.maxBytes ?? MAX_CSV_BYTES)
  if (fileError) return { actions: [], errors: [{ row: 0, column: '', message: fileError }] }

  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] })
  const rows = parsed.data.map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')) : []))
  const errors: CsvError[] = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({ row: (e.row ?? 0) + 1, column: '', message: problem('csvQuote') }))

  return parseActionPlanRows(rows, options, errors)
}

/**
 * The same reading for rows already split into cells (a spreadsheet's first sheet, read by the
 * app's XLSX import): one parser for both files.
 */
export function parseActionPlanRows(rows: readonly string[][], options: CsvImportOptions, errors: CsvError[] = []): CsvImport {
  const header = findHeader(rows)
  if (!header) {
    return {
      actions: [],
      errors: [
        {
          row: 0,
          column: '',
          message: problem('csvNoHeader'),
        },
      ],
    }
  }
  if (!header.columns.code) {
    const at = unnamedCodeColumn(rows, header.index)
    if (at !== null) header.columns.code = { at, name: COLUMN_NAMES.code }
  }
  const missing = missingColumns(header.columns)
  if (missing.length > 0) {
    return {
      actions: [],
      errors: missing.map((name) => ({ row: header.index + 1, column: name, message: problem('csvMissingColumn', { column: name }) })),
    }
  }
  const dataRows = rows.length - header.index - 1
  if (dataRows > MAX_CSV_ROWS) {
    return {
      actions: [],
      errors: [{ row: 0, column: '', message: problem('csvTooManyRows', { rows: dataRows, max: MAX_CSV_ROWS }) }],
    }
  }

  const ctx = new RowContext(options, header.columns, errors)
  for (let k = header.index + 1; k < rows.length; k++) ctx.readRow(rows[k] ?? [], k + 1)
  const actions = ctx.finish()
  return { actions, errors: errors.sort((a, b) => a.row - b.row) }
}

function checkFile(text: string, maxBytes: number): string | null {
  // A string is never fewer bytes than characters, so only measure when it could fit.
  const bytes = text.length > maxBytes ? text.length : new TextEncoder().encode(text).length
  if (bytes > maxBytes) return problem('csvTooLarge', { size: megabytes(bytes), max: megabytes(maxBytes) })
  if (text.includes('\u0000')) return problem('csvNotText')
  if (text.trim() === '') return problem('fileEmpty')
  return null
}

/** A schema issue as a problem string (the client words it). */
const problemOf = (issue: v.BaseIssue<unknown>) => {
  const { code, params } = issueProblem(issue)
  return problem(code, params)
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`

interface Header {
  index: number
  /** Column key → position and the header as written. */
  columns: Partial<Record<ColumnKey, { at: number; name: string }>>
}

/** The row among the first ten that names the most known columns (at least two). */
function findHeader(rows: readonly string[][]): Header | null {
  let best: Header | null = null
  let bestCount = 1
  rows.slice(0, 10).forEach((cells, index) => {
    const columns: Header['columns'] = {}
    cells.forEach((cell, at) => {
      const name = normaliseHeader(cell)
      const key = (Object.keys(HEADER_ALIASES) as ColumnKey[]).find((k) => HEADER_ALIASES[k].includes(name))
      if (key && !columns[key]) columns[key] = { at, name: cell.trim() }
    })
    const count = Object.keys(columns).length
    if (count > bestCount) {
      best = { index, columns }
      bestCount = count
    }
  })
  return best
}

/** A column with no header whose cells are mostly codes (Leicester's plan leaves it unnamed). */
function unnamedCodeColumn(rows: readonly string[][], headerIndex: number): number | null {
  const header = rows[headerIndex] ?? []
  const data = rows.slice(headerIndex + 1)
  const width = Math.max(header.length, ...data.slice(0, 50).map((r) => r.length))
  for (let at = 0; at < width; at++) {
    if ((header[at] ?? '').trim() !== '') continue
    const values = data.map((r) => stripTags(r[at] ?? '').trim()).filter(Boolean)
    const codes = values.filter((c) => CODE_PATTERN.test(readCode(c, 'V1') ?? ''))
    if (codes.length > 0 && codes.length * 2 >= values.length) return at
  }
  return null
}

function missingColumns(columns: Header['columns']): string[] {
  const missing: string[] = []
  if (!columns.activity) missing.push(COLUMN_NAMES.activity)
  // Plans without a code column carry codes in the theme column ("Visibility (V1)").
  if (!columns.code && !columns.theme) missing.push(COLUMN_NAMES.code, COLUMN_NAMES.theme)
  return missing
}

interface Draft {
  row: number
  id: string
  fields: Record<string, unknown>
  rag: ImportedAction['rag']
  cells: RowCells
}

/** Reads data rows in order, remembering what earlier rows established (parents, codes). */
class RowContext {
  private readonly drafts: Draft[] = []
  private readonly codes = new Map<string, { row: number; id: string; existing: boolean }>()
  private lastTopCode: string | null = null
  private readonly makeId: () => string

  constructor(
    private readonly options: CsvImportOptions,
    private readonly columns: Header['columns'],
    private readonly errors: CsvError[],
  ) {
    this.makeId = options.newId ?? newId
    for (const a of options.existing ?? []) this.codes.set(a.code, { row: 0, id: a.id, existing: true })
  }

  readRow(cells: readonly string[], row: number): void {
    const cell = (key: ColumnKey) => {
      const at = this.columns[key]?.at
      // A text cell the app's own export defused (src/domain/csv.ts: "'=…") reads back as written.
      return at === undefined ? '' : (cells[at] ?? '').trim().replace(/^'(?=[=+\-@])/, '')
    }
    const shown: RowCells = { code: cell('code'), theme: cell('theme'), activity: cell('activity'), rag: cell('rag') }
    const error = (key: ColumnKey, message: string) => this.errors.push({ row, column: this.columnName(key), message, cells: shown })
    if ((Object.keys(this.columns) as ColumnKey[]).every((k) => cell(k) === '')) return

    let activity = cell('activity')
    const themeCell = stripTags(cell('theme')).trim()
    let code = readCode(stripTags(cell('code')), this.lastTopCode) ?? firstCodeIn(themeCell)
    const subItem = /^\(?([ivx]+)\)\s+/i.exec(activity)
    if (!code && subItem && this.lastTopCode) {
      code = `${this.lastTopCode} ${(subItem[1] ?? '').toLowerCase()}`
      activity = activity.slice(subItem[0].length)
    }

    const previous = this.drafts[this.drafts.length - 1]
    if (activity === '' && cell('code') === '' && previous) {
      // Word tables split a merged cell into its own row: the rest of the action above
      // (a second theme, more outputs or measures).
      this.continueDraft(previous, cell, themeCell, (m) => error('theme', m))
      return
    }
    const filled = (Object.keys(this.columns) as ColumnKey[]).filter((k) => cell(k) !== '')
    const isCode = code !== null && CODE_PATTERN.test(code)
    // Headings ("Workstream: Visibility") and repeated header rows are not actions.
    const heading = filled.length === 1 || this.isHeaderRow(cells) || filled.some((k) => /^(work\s*stream|theme)\s*:/i.test(cell(k)))
    if (!isCode && (heading || activity === '')) return

    // Check theme and RAG even when the code is wrong, so one pass reports every problem in the row.
    const themes = isCode || themeCell ? readThemes(themeCell, isCode ? code : null, (m) => error('theme', m)) : null
    const rag = readRag(cell('rag'), cell('rationale'), (m) => error('rag', m))
    if (!code || !isCode) {
      error('code', code ? CODE_MESSAGE : problem('csvCodeRequired'))
      return
    }

    const seen = this.codes.get(code)
    if (seen) {
      error('code', seen.existing ? problem('csvCodeInPlan', { code }) : problem('csvDuplicateCode', { code, row: seen.row }))
      return
    }
    const id = this.makeId()
    this.codes.set(code, { row, id, existing: false })
    const top = /^(CD|V|R|S|A)\d+/.exec(code)?.[0]
    if (top && top === code) this.lastTopCode = code
    const parentCode = top && top !== code ? top : null

    const outputs = cell('outputs')
    const fields: Record<string, unknown> = {
      planId: this.options.planId,
      code,
      themes: themes ?? [],
      activity,
      ...(outputs ? { outputs } : {}),
      measures: this.readMeasures(cell('measures')),
      timeframe: cell('timeframe'),
      owner: cell('owner'),
      ...(parentCode && this.codes.get(parentCode) ? { parentId: this.codes.get(parentCode)?.id } : {}),
    }
    if (themes !== null && rag !== undefined) this.drafts.push({ row, id, fields, rag, cells: shown })
  }

  /** Folds a continuation row into the action above it. */
  private continueDraft(draft: Draft, cell: (key: ColumnKey) => string, themeCell: string, fail: (message: string) => void): void {
    const themes = themeCell ? readThemes(themeCell, null, fail) : []
    if (themes) draft.fields.themes = [...new Set([...(draft.fields.themes as Theme[]), ...themes])]
    const join = (a: unknown, b: string) => [typeof a === 'string' ? a : '', b].filter(Boolean).join(' ')
    if (cell('outputs')) draft.fields.outputs = join(draft.fields.outputs, cell('outputs'))
    if (cell('timeframe')) draft.fields.timeframe = join(draft.fields.timeframe, cell('timeframe'))
    if (cell('owner')) draft.fields.owner = join(draft.fields.owner, cell('owner'))
    if (cell('measures')) draft.fields.measures = [...(draft.fields.measures as SuccessMeasure[]), ...this.readMeasures(cell('measures'))]
  }

  private isHeaderRow(cells: readonly string[]): boolean {
    return Object.values(this.columns).every((c) => normaliseHeader(cells[c.at] ?? '') === normaliseHeader(c.name))
  }

  /** Validates every draft against the action schema (after late theme merges) and returns the good ones. */
  finish(): ImportedAction[] {
    const actions: ImportedAction[] = []
    for (const d of this.drafts) {
      const result = v.safeParse(ActionDraftSchema, d.fields)
      if (result.success) {
        actions.push({ row: d.row, id: d.id, fields: result.output, rag: d.rag })
        continue
      }
      for (const issue of result.issues) {
        const key = FIELD_COLUMNS[String(issue.path?.[0]?.key ?? '')]
        this.errors.push({ row: d.row, column: key ? this.columnName(key) : '', message: problemOf(issue), cells: d.cells })
      }
    }
    return actions
  }

  private readMeasures(text: string): SuccessMeasure[] {
    return text
      .split(/\r?\n|(?:^|\s)[•▪◦·]\s*/)
      .map((line) => line.replace(/^\s*[-*]\s+/, '').trim())
      .filter((line) => line !== '')
      .map((line) => ({
        id: this.makeId(),
        text: line,
        source: 'manual' as const,
        ...parseMeasure(line, { from: this.options.planStart }),
      }))
  }

  private columnName(key: ColumnKey): string {
    return this.columns[key]?.name || COLUMN_NAMES[key]
  }
}

/** "v1", "V1.ii", "V1 (ii)", "CD 3" → canonical codes; a bare "ii)" hangs off the last top-level code. */
function readCode(raw: string, lastTop: string | null): string | null {
  const s = raw.trim()
  if (!s) return null
  const full = /^(CD|V|R|S|A)\s*(\d+)\s*[\s.\-(]*([ivx]+)?\)?$/i.exec(s)
  if (full) return `${(full[1] ?? '').toUpperCase()}${Number(full[2])}${full[3] ? ` ${full[3].toLowerCase()}` : ''}`
  const roman = /^\(?([ivx]+)\)?$/i.exec(s)
  if (roman && lastTop) return `${lastTop} ${(roman[1] ?? '').toLowerCase()}`
  // Keep it as written so the schema's message says what a code looks like.
  return s
}

/** The first code in parentheses in a theme cell: "Visibility (V5) / Sustainability (S1)" → V5. */
function firstCodeIn(themeCell: string): string | null {
  const m = /\(\s*((?:CD|V|R|S|A)\s*\d+(?:\s*[ivx]+)?)\s*\)/i.exec(themeCell)
  return m?.[1] ? readCode(m[1], null) : null
}

/** The themes named in a cell, or the code's own theme when the cell is empty; null after an error. */
function readThemes(cell: string, code: string | null, fail: (message: string) => void): Theme[] | null {
  const themes: Theme[] = []
  const parts = cell
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s*(?:\/|;|,|&|\+|\n|\band\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean)
  for (const part of parts) {
    const word = normaliseHeader(part)
    const codeTheme = /^(cd|v|r|s|a)\s*\d+/.exec(word)?.[1]?.toUpperCase()
    const theme = THEME_WORDS[word] ?? (codeTheme ? CODE_THEMES[codeTheme] : undefined)
    // Two themes on separate lines of one Word cell arrive as "Recognition   Visibility".
    const several = theme ? [theme] : THEME_RUN.test(word) ? (word.match(THEME_WORD) ?? []).map((w) => THEME_WORDS[w]) : []
    if (several.length === 0 || several.some((t) => t === undefined)) {
      fail(problem('csvUnknownTheme', { theme: part.replace(/\s+/g, ' ') }))
      return null
    }
    themes.push(...(several as Theme[]))
  }
  if (themes.length === 0 && code) {
    const prefix = /^(CD|V|R|S|A)/.exec(code)?.[1]
    const fromCode = prefix ? CODE_THEMES[prefix] : undefined
    if (fromCode) themes.push(fromCode)
  }
  if (themes.length === 0) {
    fail(problem('csvThemeRequired'))
    return null
  }
  return [...new Set(themes)]
}

/** The RAG in a cell: null when blank, undefined after an error. */
function readRag(cell: string, rationale: string, fail: (message: string) => void): ImportedAction['rag'] | undefined {
  if (!cell) return null
  const status = RAG_WORDS[normaliseHeader(cell)]
  if (!status) {
    fail(problem('csvRag', { found: cell.slice(0, 20) }))
    return undefined
  }
  if (status === 'red' && !rationale) {
    fail(problem('csvRedNeedsRationale'))
    return undefined
  }
  return { status, rationale }
}

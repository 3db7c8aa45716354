/**
 * The self-assessment as a Word document (DOCX), from the document model. This module imports the
 * `docx` library, so the app loads it only when a lead asks for the file (dynamic import). Its
 * words come with the model (in the document's language), which also sets Word's proofing language.
 */
import {
  BorderStyle,
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'
import type { RagStatus } from '@/domain/entities'
import { LANGUAGE_TAG } from '@/i18n/locales'
import type { AssessmentModel, Block, Cell, Chart } from './assessment-model'
import { chartLayout, chartPng } from './chart-png'

const RAG_FILL: Record<RagStatus, string> = { red: 'F4B6B0', amber: 'FFE08A', green: 'B9E6C3' }
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A939E' }
/** A4 in twentieths of a point (twips); docx swaps the sides of a landscape section. */
const A4 = { width: 11906, height: 16838 }
/** Page margins: 2 cm all round. */
const MARGIN = 1134
/** The width a table may take: the page's less its margins. */
export const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN, landscape: A4.height - 2 * MARGIN }
/** Tables this wide (the plan, RAG and measures tables) split words mid-word on portrait A4: they get a landscape page. */
export const LANDSCAPE_COLUMNS = 6

const isWide = (block: Block) => block.kind === 'table' && block.columns.length >= LANDSCAPE_COLUMNS

type Part = Paragraph | Table

/** PNG drawings of the model's charts (see ./chart-png.ts); a chart without one shows as its table alone. */
export type ChartImages = ReadonlyMap<Chart, Uint8Array>
/** How wide a chart prints (px at 96 dpi: about 12.7 cm). */
const CHART_PRINT_WIDTH = 480

/**
 * The model as a docx Document (tests pack it with Packer.toBuffer). The text runs in portrait
 * sections; each wide table (with its caption) gets a landscape section of its own, as the seed
 * submissions print their plans, so no cell is too narrow for its words.
 */
export function buildDocx(model: AssessmentModel, images: ChartImages = new Map()): Document {
  const groups: { landscape: boolean; children: Part[] }[] = [{ landscape: false, children: [] }]
  const add = (landscape: boolean, parts: Part[]) => {
    let last = groups[groups.length - 1]!
    if (last.landscape !== landscape) groups.push((last = { landscape, children: [] }))
    last.children.push(...parts)
  }
  add(false, [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    ...model.meta.map(
      ([label, value]) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    ),
  ])
  for (const section of model.sections) {
    add(false, [
      new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, spacing: { before: 360 } }),
      new Paragraph({ children: [new TextRun({ text: section.question, italics: true })], spacing: { after: 160 } }),
    ])
    for (const block of section.blocks) {
      const landscape = isWide(block)
      add(landscape, renderBlock(block, model.words, images, landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait))
    }
  }
  add(false, [
    new Paragraph({ text: model.signOff.heading, heading: HeadingLevel.HEADING_1, spacing: { before: 360 } }),
    new Paragraph({ text: model.signOff.statement, spacing: { after: 240 } }),
    ...model.signOff.lines.map(
      ([label, value]) =>
        new Paragraph({
          children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value || '______________________________')],
          spacing: { after: 240 },
        }),
    ),
  ])
  // The organisation and the lead's contact details at the top of every page, as the seed submissions print them.
  const header = () =>
    new Header({
      children: model.header
        ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.header, size: 16, color: '4A5560' })] })]
        : [],
    })
  const sections: ISectionOptions[] = groups.map((g) => ({
    headers: { default: header() },
    properties: {
      page: {
        size: { ...A4, orientation: g.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
      },
    },
    children: g.children,
  }))
  return new Document({
    creator: 'Technician Hub',
    title: model.title,
    description: model.words.description,
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: LANGUAGE_TAG[model.locale] } } } } },
    sections,
  })
}

/** Every chart of the model. */
export function chartsOf(model: AssessmentModel): Chart[] {
  return model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' && b.chart ? [b.chart] : [])))
}

/** The DOCX file as a Blob, for download in the browser, with each chart drawn as a PNG beside its table. */
export async function renderDocxBlob(model: AssessmentModel): Promise<Blob> {
  const numbers = new Intl.NumberFormat(LANGUAGE_TAG[model.locale])
  const charts = chartsOf(model)
  const drawn = await Promise.all(charts.map((c) => chartPng(c, (n) => numbers.format(n)).catch(() => null)))
  const images = new Map(charts.flatMap((c, k) => (drawn[k] ? [[c, drawn[k]] as const] : [])))
  return Packer.toBlob(buildDocx(model, images))
}

/** A chart's picture, sized to print, with its text alternative. */
function chartParagraph(chart: Chart, png: Uint8Array): Paragraph {
  const layout = chartLayout(chart)
  const height = Math.round((layout.height / layout.width) * CHART_PRINT_WIDTH)
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: CHART_PRINT_WIDTH, height },
        altText: { name: chart.alt.slice(0, 60), title: chart.alt.slice(0, 120), description: chart.alt },
      }),
    ],
    spacing: { before: 120, after: 120 },
  })
}

function renderBlock(block: Block, words: AssessmentModel['words'], images: ChartImages, width: number): Part[] {
  switch (block.kind) {
    case 'narrative':
      return block.text === ''
        ? [new Paragraph({ children: [new TextRun({ text: words.notWritten, color: 'A01E1E' })] })]
        : block.text.split(/\n{2,}/).map((para) => new Paragraph({ children: lines(para), spacing: { after: 120 } }))
    case 'paragraph':
      return [new Paragraph({ text: block.text, spacing: { after: 120 } })]
    case 'flag':
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: true, color: 'A01E1E' })], spacing: { after: 120 } })]
    case 'subheading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 })]
    case 'list':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }))
    case 'table':
      return [
        new Paragraph({
          children: [new TextRun({ text: block.caption, bold: true })],
          spacing: { before: 200, after: 80 },
          keepNext: true,
        }),
        table(block.columns, block.rows, words.none, width),
        ...(block.chart && images.get(block.chart) ? [chartParagraph(block.chart, images.get(block.chart)!)] : []),
      ]
  }
}

function lines(text: string): TextRun[] {
  return text.split('\n').map((line, k) => new TextRun({ text: line, break: k > 0 ? 1 : 0 }))
}

/** Twips per em of the document's 11 pt text. */
const EM = 220
/** A cell's left and right padding and borders, in twips (Word's default cell margins are 108 each side). */
const CELL_PADDING = 260

/**
 * A generous estimate of the printed width of a word in 11 pt Arial, in twips: wide letters (m, w,
 * capitals) count for more than narrow ones (i, l, t, punctuation), bold a little more again.
 */
export function wordWidth(word: string, bold = false): number {
  let ems = 0
  for (const ch of word) ems += /[mwMW@%]/.test(ch) ? 0.9 : /[A-Z]/.test(ch) ? 0.72 : /[iljtfr.,;:'’!|()[\]\s-]/.test(ch) ? 0.36 : 0.58
  return Math.ceil(ems * EM * (bold ? 1.1 : 1))
}

const cellText = (c: Cell) => (typeof c === 'string' ? c : c.text)

/**
 * Column widths (twips) for a table at most `width` wide: as wide as its text when every cell fits
 * on one line; otherwise the full width, every column at least as wide as its longest word
 * (so no word breaks mid-word), and the rest shared in proportion to how much text each column
 * holds, so the activity gets the room and a code column stays narrow. When even the longest words
 * do not fit, the columns share the width in proportion to them.
 */
export function columnWidths(columns: readonly string[], rows: readonly Cell[][], width: number): number[] {
  const texts = columns.map((header, k) => [header, ...rows.map((r) => cellText(r[k] ?? ''))])
  const longest = (text: string, bold = false) => Math.max(0, ...text.split(/\s+/).map((w) => wordWidth(w, bold)))
  const least = texts.map(([header, ...cells]) => CELL_PADDING + Math.max(longest(header!, true), ...cells.map((c) => longest(c))))
  // A table whose every cell fits on one line is only as wide as that (a breakdown's two columns).
  const natural = texts.map(([header, ...cells]) => CELL_PADDING + Math.max(wordWidth(header!, true), ...cells.map((c) => wordWidth(c))))
  if (natural.reduce((a, b) => a + b, 0) <= width) return natural
  const weight = texts.map((column) => column.reduce((sum, text) => sum + text.length, 0) || 1)
  const sumLeast = least.reduce((a, b) => a + b, 0)
  if (sumLeast >= width) return least.map((w) => Math.floor((w / sumLeast) * width))
  // Columns whose share would be narrower than their longest word get that width; the others share what is left.
  const fixed = new Map<number, number>()
  for (;;) {
    const free = columns.map((_, k) => k).filter((k) => !fixed.has(k))
    const left = width - [...fixed.values()].reduce((a, b) => a + b, 0)
    const total = free.reduce((sum, k) => sum + weight[k]!, 0)
    const short = free.filter((k) => (weight[k]! / total) * left < least[k]!)
    if (short.length === 0) return columns.map((_, k) => fixed.get(k) ?? Math.floor((weight[k]! / total) * left))
    for (const k of short) fixed.set(k, least[k]!)
  }
}

function table(columns: readonly string[], given: readonly Cell[][], none: string, width: number): Table {
  const rows = given.length ? given : [columns.map((_, k) => (k === 0 ? none : ''))]
  const widths = columnWidths(columns, rows, width)
  const cell = (value: Cell, k: number, header = false) => {
    const text = typeof value === 'string' ? value : value.text
    const fill = typeof value === 'string' || !value.rag ? (header ? 'E4E8EC' : undefined) : RAG_FILL[value.rag]
    return new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
      width: { size: widths[k]!, type: WidthType.DXA },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    })
  }
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // The header row repeats on every page the table runs to; no row breaks across two pages.
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, k) => cell(c, k, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, k) => cell(c, k)) })),
    ],
  })
}

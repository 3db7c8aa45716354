/**
 * The self-assessment as a Word document (DOCX), from the document model. This module imports the
 * `docx` library, so the app loads it only when a lead asks for the file (dynamic import). Its
 * words come with the model (in the document's language), which also sets Word's proofing language.
 */
import {
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
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
/** A4 in twentieths of a point; docx swaps the sides of a landscape section. */
const A4 = { width: 11906, height: 16838 }
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
    for (const block of section.blocks) add(isWide(block), renderBlock(block, model.words, images))
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
  const sections: ISectionOptions[] = groups.map((g) => ({
    properties: {
      page: { size: { ...A4, orientation: g.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } },
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

function renderBlock(block: Block, words: AssessmentModel['words'], images: ChartImages): Part[] {
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
        table(block.columns, block.rows, words.none),
        ...(block.chart && images.get(block.chart) ? [chartParagraph(block.chart, images.get(block.chart)!)] : []),
      ]
  }
}

function lines(text: string): TextRun[] {
  return text.split('\n').map((line, k) => new TextRun({ text: line, break: k > 0 ? 1 : 0 }))
}

function table(columns: readonly string[], rows: readonly Cell[][], none: string): Table {
  const cell = (value: Cell, header = false) => {
    const text = typeof value === 'string' ? value : value.text
    const fill = typeof value === 'string' || !value.rag ? (header ? 'E4E8EC' : undefined) : RAG_FILL[value.rag]
    return new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    })
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      // The header row repeats on every page the table runs to; no row breaks across two pages.
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c, true)) }),
      ...(rows.length ? rows : [columns.map((_, k) => (k === 0 ? none : ''))]).map(
        (r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) }),
      ),
    ],
  })
}

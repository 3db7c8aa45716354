/**
 * The self-assessment as a Word document (DOCX), from the document model. This module imports the
 * `docx` library, so the app loads it only when a lead asks for the file (dynamic import). Its
 * words come with the model (in the document's language), which also sets Word's proofing language.
 */
import {
  BorderStyle,
  Document,
  HeadingLevel,
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
import type { AssessmentModel, Block, Cell } from './assessment-model'

const RAG_FILL: Record<RagStatus, string> = { red: 'F4B6B0', amber: 'FFE08A', green: 'B9E6C3' }
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A939E' }
/** A4 in twentieths of a point; docx swaps the sides of a landscape section. */
const A4 = { width: 11906, height: 16838 }
/** Tables this wide (the plan, RAG and measures tables) split words mid-word on portrait A4: they get a landscape page. */
export const LANDSCAPE_COLUMNS = 6

const isWide = (block: Block) => block.kind === 'table' && block.columns.length >= LANDSCAPE_COLUMNS

type Part = Paragraph | Table

/**
 * The model as a docx Document (tests pack it with Packer.toBuffer). The text runs in portrait
 * sections; each wide table (with its caption) gets a landscape section of its own, as the seed
 * submissions print their plans, so no cell is too narrow for its words.
 */
export function buildDocx(model: AssessmentModel): Document {
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
    for (const block of section.blocks) add(isWide(block), renderBlock(block, model.words))
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

/** The DOCX file as a Blob, for download in the browser. */
export function renderDocxBlob(model: AssessmentModel): Promise<Blob> {
  return Packer.toBlob(buildDocx(model))
}

function renderBlock(block: Block, words: AssessmentModel['words']): Part[] {
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

/**
 * The self-assessment as a Word document (DOCX), from the document model. This module imports the
 * `docx` library, so the app loads it only when a lead asks for the file (dynamic import). Its
 * words come with the model (in the document's language), which also sets Word's proofing language.
 */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { RagStatus } from '@/domain/entities'
import { LANGUAGE_TAG } from '@/i18n/locales'
import type { AssessmentModel, Block, Cell } from './assessment-model'

const RAG_FILL: Record<RagStatus, string> = { red: 'F4B6B0', amber: 'FFE08A', green: 'B9E6C3' }
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A939E' }

/** The model as a docx Document (tests pack it with Packer.toBuffer). */
export function buildDocx(model: AssessmentModel): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    ...model.meta.map(
      ([label, value]) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    ),
  ]
  for (const section of model.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, spacing: { before: 360 } }))
    children.push(new Paragraph({ children: [new TextRun({ text: section.question, italics: true })], spacing: { after: 160 } }))
    for (const block of section.blocks) children.push(...renderBlock(block, model.words))
  }
  return new Document({
    creator: 'Technician Hub',
    title: model.title,
    description: model.words.description,
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: LANGUAGE_TAG[model.locale] } } } } },
    sections: [{ children }],
  })
}

/** The DOCX file as a Blob, for download in the browser. */
export function renderDocxBlob(model: AssessmentModel): Promise<Blob> {
  return Packer.toBlob(buildDocx(model))
}

function renderBlock(block: Block, words: AssessmentModel['words']): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'narrative':
      return block.text === ''
        ? [new Paragraph({ children: [new TextRun({ text: words.notWritten, color: 'A01E1E' })] })]
        : block.text.split(/\n{2,}/).map((para) => new Paragraph({ children: lines(para), spacing: { after: 120 } }))
    case 'paragraph':
      return [new Paragraph({ text: block.text, spacing: { after: 120 } })]
    case 'subheading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 })]
    case 'list':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }))
    case 'table':
      return [
        new Paragraph({ children: [new TextRun({ text: block.caption, bold: true })], spacing: { before: 200, after: 80 } }),
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
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...(rows.length ? rows : [columns.map((_, k) => (k === 0 ? none : ''))]).map(
        (r) => new TableRow({ children: r.map((c) => cell(c)) }),
      ),
    ],
  })
}

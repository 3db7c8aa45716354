/**
 * The LibreOffice check of a Word document against the real converter: a plan table of seven
 * columns squeezed onto portrait A4, as the self-assessment printed before issue 16, breaks its
 * words and the check says which; the generated self-assessment (landscape plan tables, columns
 * sized to their words) breaks none. Needs soffice and pdftotext (scripts/prerequisites.mjs).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAssessment } from '@/features/self-assessment/assessment-model'
import { docText, ensureMessages } from '@/features/self-assessment/doc-text'
import { buildDocx } from '@/features/self-assessment/render-docx'
import { demoInput, STATS } from '../support/assessment-input'
import { brokenCellWords, documentXml, docxText } from '../support/docx-words'
import { docxToPdf, pdfLayoutText } from '../support/office-pdf'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'office-pdf-'))
  await ensureMessages('en')
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Writes `bytes` as a DOCX, converts it and checks its table cells against the PDF's text. */
async function check(name: string, bytes: Uint8Array) {
  const docx = join(dir, `${name}.docx`)
  await writeFile(docx, bytes)
  const { text, pages } = await pdfLayoutText(await docxToPdf(docx, dir))
  return { text, pages, broken: brokenCellWords(docxText(documentXml(bytes)), text) }
}

const COLUMNS = ['Code', 'Theme', 'Activity', 'Key outputs', 'Success measures', 'Timeframe', 'Owner']
const ROW = [
  'CD3',
  'Sustainability',
  'Every technician records CPD and discusses it at the annual appraisal.',
  'Appraisal form with a CPD section',
  'Participation of technicians',
  'Continuing',
  'Organisational Development',
]

describe('docxToPdf and brokenCellWords, with LibreOffice', () => {
  it('catch the words a portrait seven-column table breaks mid-word', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] })
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ children: COLUMNS.map(cell) }), new TableRow({ children: ROW.map(cell) })],
    })
    const doc = new Document({ styles: { default: { document: { run: { font: 'Arial', size: 22 } } } }, sections: [{ children: [table] }] })
    const { broken, pages } = await check('portrait', new Uint8Array(await Packer.toBuffer(doc)))
    expect(pages).toBe(1)
    expect(broken).toEqual(expect.arrayContaining(['Sustainability', 'Organisational']))
  }, 180_000)

  it('find no broken word in the generated Stage Two self-assessment', async () => {
    const model = buildAssessment(demoInput({ stats: STATS }), docText('en'))
    const { broken, text } = await check('stage-two', new Uint8Array(await Packer.toBuffer(buildDocx(model))))
    expect(text).toContain('RAG analysis')
    expect(broken).toEqual([])
  }, 180_000)
})

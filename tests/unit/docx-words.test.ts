import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import { describe, expect, it } from 'vitest'
import { brokenCellWords, documentXml, docxText, wordsOf } from '../support/docx-words'

/** A DOCX with a heading and one table of the given rows. */
async function docxWith(heading: string, rows: string[][]): Promise<Uint8Array> {
  const table = new Table({
    rows: rows.map(
      (r) => new TableRow({ children: r.map((text) => new TableCell({ children: text.split('\n').map((t) => new Paragraph(t)) })) }),
    ),
  })
  const doc = new Document({ sections: [{ children: [new Paragraph(heading), table] }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}

describe('docxText', () => {
  it('reads the text of the document and of each table cell (its paragraphs one a line; entities decoded)', async () => {
    const xml = documentXml(
      await docxWith('Plan & measures', [
        ['Code', 'Timeframe'],
        ['V1', 'P1–P3\n(Jun 2025 – May 2028)'],
      ]),
    )
    const { text, cells } = docxText(xml)
    expect(cells).toEqual(['Code', 'Timeframe', 'V1', 'P1–P3\n(Jun 2025 – May 2028)'])
    expect(text.split('\n')).toEqual(['Plan & measures', 'Code', 'Timeframe', 'V1', 'P1–P3', '(Jun 2025 – May 2028)'])
  })

  it('refuses a file that is not a DOCX', () => {
    expect(() => documentXml(new Uint8Array([80, 75, 5, 6, ...new Array<number>(18).fill(0)]))).toThrow(/no word\/document.xml/)
  })
})

describe('wordsOf', () => {
  it('splits on anything but letters and digits, and reads ligatures as their letters', () => {
    expect(wordsOf('Sustainability / Career “development”, 2025–2028: ﬁrst-year')).toEqual([
      'Sustainability',
      'Career',
      'development',
      '2025',
      '2028',
      'first',
      'year',
    ])
  })
})

describe('brokenCellWords', () => {
  const doc = {
    text: 'Themes\nSustainability\nCode\nTimeframe\nV1\nSustainability\nP1–P3',
    cells: ['Code', 'Timeframe', 'V1', 'Sustainability', 'P1–P3'],
  }

  it('finds nothing when every word of every cell prints whole, wherever the lines wrap', () => {
    expect(brokenCellWords(doc, 'Themes\nSustainability\n Code  Timeframe\n V1    Sustainability\n       P1–P3')).toEqual([])
  })

  it('finds a word broken across two lines of its cell ("Sustainabilit y", "Timefram e")', () => {
    const rendered = 'Themes\nSustainability\n Code  Timefram\n       e\n V1    Sustainabilit\n       y\n       P1–P3'
    expect(brokenCellWords(doc, rendered)).toEqual(['Timeframe', 'Sustainability'])
  })

  it('is not fooled by the same word printed whole elsewhere (a heading) while its cell breaks it', () => {
    const rendered = 'Themes\nSustainability\n Code  Timeframe\n V1    Sustainabi\n       lity\n       P1–P3'
    expect(brokenCellWords(doc, rendered)).toEqual(['Sustainability'])
  })

  it('leaves short words out (under four letters by default)', () => {
    expect(brokenCellWords({ text: 'Code\nV1 ii', cells: ['V1 ii'] }, 'Code\nV1 i\ni')).toEqual([])
    expect(brokenCellWords({ text: 'Code\nV1 ii', cells: ['V1 ii'] }, 'Code\nV1 i\ni', 2)).toEqual(['ii'])
  })
})

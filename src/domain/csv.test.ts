import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvField, toCsv, type CsvCell } from './csv'

/** Each cell and the field written for it. */
const check = (cases: [CsvCell, string][]) => expect(cases.map(([cell]) => csvField(cell))).toEqual(cases.map(([, field]) => field))

describe('the CSV writer', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling quotes', () => {
    check([
      ['plain', 'plain'],
      ['with space ', 'with space '],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['line\nbreak', '"line\nbreak"'],
      ['Cymraeg: ŵ ŷ', 'Cymraeg: ŵ ŷ'],
    ])
  })

  it('defuses every text cell a spreadsheet would run as a formula: = + - @ tab and CR first', () => {
    check([
      ['=1+1', "'=1+1"],
      ['+44 29', "'+44 29"],
      ['-5', "'-5"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1', "'\t=1"],
      ['\r=1', '"\'\r=1"'],
      ['=HYPERLINK("http://x.example","y")', '"\'=HYPERLINK(""http://x.example"",""y"")"'],
      ['a=b', 'a=b'],
      [-5, '-5'],
      [3.5, '3.5'],
    ])
  })

  it('ends every row with CRLF, and reads back as the cells written (the defused ones with their apostrophe)', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b\nc', 2],
      ]),
    ).toBe('a,1\r\n"b\nc",2\r\n')
    const csv = toCsv([
      ['Name', 'Note', 'Count'],
      ['a,b', 'say "hi"\r\non two lines', 3],
      ['=SUM(A1)', '', 0],
    ])
    expect(csv).toBe('Name,Note,Count\r\n"a,b","say ""hi""\r\non two lines",3\r\n\'=SUM(A1),,0\r\n')
    expect(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data).toEqual([
      ['Name', 'Note', 'Count'],
      ['a,b', 'say "hi"\r\non two lines', '3'],
      ["'=SUM(A1)", '', '0'],
    ])
  })
})

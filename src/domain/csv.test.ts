import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from './csv'

describe('the CSV writer', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('with space ')).toBe('with space ')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField('Cymraeg: ŵ ŷ')).toBe('Cymraeg: ŵ ŷ')
  })

  it('defuses every cell a spreadsheet would run as a formula: = + - @ tab and CR first', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+44 29')).toBe("'+44 29")
    expect(csvField('-5')).toBe("'-5")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\t=1')).toBe("'\t=1")
    expect(csvField('\r=1')).toBe('"\'\r=1"')
    expect(csvField('=HYPERLINK("http://x.example","y")')).toBe('"\'=HYPERLINK(""http://x.example"",""y"")"')
    expect(csvField('a=b')).toBe('a=b')
    expect(csvField(-5)).toBe('-5')
    expect(csvField(3.5)).toBe('3.5')
  })

  it('ends every row with CRLF, and reads back as the cells written (the defused ones with their apostrophe)', () => {
    const rows = [
      ['Name', 'Note', 'Count'],
      ['a,b', 'say "hi"\r\non two lines', 3],
      ['=SUM(A1)', '', 0],
    ]
    const csv = toCsv(rows)
    expect(csv).toBe('Name,Note,Count\r\n"a,b","say ""hi""\r\non two lines",3\r\n\'=SUM(A1),,0\r\n')
    expect(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data).toEqual([
      ['Name', 'Note', 'Count'],
      ['a,b', 'say "hi"\r\non two lines', '3'],
      ["'=SUM(A1)", '', '0'],
    ])
  })
})

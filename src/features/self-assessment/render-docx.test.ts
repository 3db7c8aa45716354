import { Packer } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locale } from '@/i18n/locales'
import { buildAssessment } from './assessment-model'
import { docText, ensureMessages } from './doc-text'
import { buildDocx, chartsOf, columnWidths, TEXT_WIDTH, wordWidth } from './render-docx'
import { demoInput, STATS } from '../../../tests/support/assessment-input'

beforeAll(() => ensureMessages('cy'))

/** The generated file's document.xml, and its text without tags. */
async function docxIn(locale: Locale): Promise<{ files: Record<string, Uint8Array>; xml: string; text: string }> {
  const model = buildAssessment(demoInput({ stats: STATS }), docText(locale))
  const buffer = await Packer.toBuffer(buildDocx(model))
  const files = unzipSync(new Uint8Array(buffer))
  expect(Object.keys(files)).toContain('word/document.xml')
  const xml = strFromU8(files['word/document.xml']!)
  return { files, xml, text: xml.replace(/<[^>]+>/g, ' ') }
}

/** Each table of document.xml with its column count, its rows' attributes and the orientation of the section holding it. */
function tablesIn(xml: string): { columns: number; orient: string; headerRows: number; rows: number; cantSplitRows: number }[] {
  const body = xml.slice(xml.indexOf('<w:body>'))
  // A section's properties come after its content: in the last paragraph of the section, or at the body's end.
  const parts = body.split(/(<w:sectPr[\s\S]*?<\/w:sectPr>)/)
  const out: { columns: number; orient: string; headerRows: number; rows: number; cantSplitRows: number }[] = []
  for (let k = 0; k + 1 < parts.length; k += 2) {
    const orient = /w:orient="(\w+)"/.exec(parts[k + 1]!)?.[1] ?? 'portrait'
    for (const tbl of parts[k]!.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
      const rows = tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []
      out.push({
        columns: rows[0]?.match(/<w:tc>/g)?.length ?? 0,
        orient,
        headerRows: rows.filter((r) => /<w:tblHeader\/>/.test(r)).length,
        rows: rows.length,
        cantSplitRows: rows.filter((r) => /<w:cantSplit\/>/.test(r)).length,
      })
    }
  }
  return out
}

describe('buildDocx', () => {
  it('puts every table of six or more columns (plan, RAG, measures) on a landscape page, with a repeating header row and no split rows', async () => {
    for (const stage of ['one', 'two'] as const) {
      const model = buildAssessment(demoInput(stage === 'one' ? { stats: STATS, stage, previous: null } : { stats: STATS }), docText('en'))
      const xml = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(buildDocx(model))))['word/document.xml']!)
      const tables = tablesIn(xml)
      const wide = tables.filter((t) => t.columns >= 6)
      expect(wide.length).toBeGreaterThan(0)
      for (const t of wide) expect(t.orient).toBe('landscape')
      // Narrow tables and the text stay portrait.
      expect(tables.filter((t) => t.columns < 6).every((t) => t.orient === 'portrait')).toBe(true)
      for (const t of tables) {
        expect(t.headerRows).toBe(1)
        expect(t.cantSplitRows).toBe(t.rows)
      }
      // Landscape pages are A4 turned: width 16838, height 11906.
      expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
    }
    // Two whole documents: seconds on a busy machine.
  }, 30_000)

  it('writes the contact lines, the flagged over-long narrative, the appendices and the sign-off block', async () => {
    const input = demoInput({ stats: STATS, stage: 'one', previous: null })
    const model = buildAssessment(
      {
        ...input,
        institution: {
          ...input.institution!,
          contactEmail: 'a.example@example.ac.uk',
          contactPhone: '0113 496 0000',
          headName: 'Professor Sam Sample',
        },
        narratives: { profile: Array.from({ length: 251 }, () => 'word').join(' '), appendices: 'Appendix A: Governance chart' },
      },
      docText('en'),
    )
    const xml = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(buildDocx(model))))['word/document.xml']!)
    const text = xml.replace(/<[^>]+>/g, ' ')
    expect(text).toContain('a.example@example.ac.uk')
    expect(text).toContain('0113 496 0000')
    expect(text).toContain('This answer has 251 words, over the template’s limit of 250.')
    expect(text).toContain('Appendix A: Governance chart')
    expect(text).toContain('Sign-off')
    expect(text).toContain('Professor Sam Sample')
    expect(xml).toMatch(/Signature: <\/w:t><\/w:r><w:r><w:t xml:space="preserve">_{10,}/)
  })

  it('prints the organisation and the lead’s name, e-mail and phone at the top of every page, landscape ones too', async () => {
    const input = demoInput({ stats: STATS })
    const institution = {
      ...input.institution!,
      contactName: 'Alex Example',
      contactEmail: 'a.example@example.ac.uk',
      contactPhone: '0113 496 0000',
    }
    const model = buildAssessment({ ...input, institution }, docText('en'))
    const files = unzipSync(new Uint8Array(await Packer.toBuffer(buildDocx(model))))
    const xml = strFromU8(files['word/document.xml']!)
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? []
    expect(sections.length).toBeGreaterThan(1)
    for (const section of sections) expect(section).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/)
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f))
    expect(headers).toHaveLength(sections.length)
    for (const f of headers)
      expect(strFromU8(files[f]!).replace(/<[^>]+>/g, '')).toBe(
        `${institution.name} · Alex Example · a.example@example.ac.uk · 0113 496 0000`,
      )
  })

  // The same document in each language: its headings, questions, table headings and labels in that
  // language, none of the other's, the lead's own words kept as written, and that proofing language.
  it.each([
    {
      locale: 'en' as const,
      proofing: 'en-GB',
      present: [
        'RAG analysis of the previous action plan',
        'Please provide a RAG analysis on your institutional 24-month action plan',
        'Participation fell to 48%',
        'Technician voice: ideas, comments and votes',
        'Total to 23 November 2026',
      ],
      absent: ['Dadansoddiad RAG'],
    },
    {
      locale: 'cy' as const,
      proofing: 'cy-GB',
      present: [
        'Ymrwymiad Technegwyr: hunanasesiad Cam Dau, dadansoddiad RAG a chynllun gweithredu 36 mis',
        'Dadansoddiad RAG o’r cynllun gweithredu blaenorol',
        'Rhowch ddadansoddiad RAG o gynllun gweithredu 24 mis eich sefydliad',
        'Llais y technegwyr: syniadau, sylwadau a phleidleisiau',
        'Cyfanswm hyd at 23 Tachwedd 2026',
        'Esboniad',
        'Gwyrdd',
      ],
      absent: ['RAG analysis of the previous action plan', 'Technician voice: ideas, comments and votes'],
    },
  ])(
    'writes the Word file in $locale: headings, the RAG table, the voice counts, $proofing proofing',
    async ({ locale, proofing, present, absent }) => {
      const { xml, text, files } = await docxIn(locale)
      for (const words of present) expect(text).toContain(words)
      for (const words of absent) expect(text).not.toContain(words)
      expect(text).toContain('Technicians work in five faculties.')
      // RAG cells are coloured as well as worded.
      expect(xml).toMatch(/w:fill="F4B6B0"/)
      expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThan(5)
      expect(strFromU8(files['word/styles.xml']!)).toContain(`w:val="${proofing}"`)
    },
  )

  it('puts each breakdown’s chart beside its table as a PNG picture with its text alternative', async () => {
    const model = buildAssessment(demoInput({ stats: STATS }), docText('en'))
    const charts = chartsOf(model)
    const faculty = charts.find((c) => c.alt.startsWith('Bar chart: Technicians by faculty.'))!
    expect(faculty.alt).toContain('Faculty of Science: 12')
    // A withheld group is named in the text alternative, never drawn.
    expect(faculty.alt).toContain('Faculty of Arts and Design: withheld')
    expect(faculty.bars.map((b) => b.label)).not.toContain('Faculty of Arts and Design')
    // A 1×1 PNG stands in for the browser's drawing.
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
      (c) => c.charCodeAt(0),
    )
    const files = unzipSync(new Uint8Array(await Packer.toBuffer(buildDocx(model, new Map(charts.map((c) => [c, png]))))))
    expect(Object.keys(files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true)
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml.match(/<w:drawing>/g)?.length).toBe(charts.length)
    const escaped = faculty.alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
    expect(xml).toContain(`descr="${escaped}"`)
    // The picture follows its table.
    const table = xml.indexOf('Technicians by faculty')
    expect(xml.indexOf('<w:drawing>', table)).toBeGreaterThan(xml.indexOf('</w:tbl>', table))
    // Without drawings (no canvas), the tables stand alone.
    expect(Object.keys(unzipSync(new Uint8Array(await Packer.toBuffer(buildDocx(model))))).some((f) => f.startsWith('word/media/'))).toBe(
      false,
    )
  })

  it('sizes each table’s columns to its words: fixed widths, wide tables filling the page, short ones as wide as their text', async () => {
    const model = buildAssessment(demoInput({ stats: STATS }), docText('en'))
    const xml = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(buildDocx(model))))['word/document.xml']!)
    const grids = [...xml.matchAll(/<w:tblLayout w:type="fixed"\/>[\s\S]*?<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((g) =>
      [...g[1]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    )
    expect(grids.length).toBe(xml.match(/<w:tbl>/g)?.length)
    const sums = grids.map((grid) => grid.reduce((a, b) => a + b, 0))
    // The plan and RAG tables fill their landscape page; a two-column breakdown is as wide as its words.
    expect(sums.filter((sum) => sum <= TEXT_WIDTH.landscape && sum > TEXT_WIDTH.landscape - 7).length).toBeGreaterThanOrEqual(2)
    expect(sums.filter((sum) => sum < TEXT_WIDTH.portrait / 2).length).toBeGreaterThan(0)
    for (const sum of sums) expect(sum).toBeLessThanOrEqual(TEXT_WIDTH.landscape)
  })
})

describe('columnWidths', () => {
  const columns = ['Code', 'Theme', 'Activity', 'Timeframe']
  const rows = [
    ['V1', 'Visibility', 'Grow the technician community channel on Microsoft Teams as the place to share news.', 'Continuing'],
    ['CD3', 'Career development', 'Every technician records CPD and discusses it at the annual appraisal.', 'P1–P3 (Jun 2025 – May 2028)'],
  ]

  it('gives each column its longest word at least, and the wordiest column the most room', () => {
    const widths = columnWidths(columns, rows, TEXT_WIDTH.landscape)
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH.landscape)
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(TEXT_WIDTH.landscape - columns.length)
    expect(widths[0]).toBeGreaterThan(wordWidth('Code', true))
    expect(widths[1]).toBeGreaterThan(wordWidth('development'))
    expect(widths[3]).toBeGreaterThan(wordWidth('Timeframe', true))
    expect(Math.max(...widths)).toBe(widths[2])
    expect(Math.min(...widths)).toBe(widths[0])
  })

  it('makes a table whose cells each fit on one line only as wide as its text', () => {
    const widths = columnWidths(['Faculty', 'Technicians'], [['Faculty of Science', '12']], TEXT_WIDTH.portrait)
    expect(widths[0]).toBeGreaterThan(wordWidth('Faculty of Science'))
    expect(widths[1]).toBeGreaterThan(wordWidth('Technicians', true))
    expect(widths[0]! + widths[1]!).toBeLessThan(TEXT_WIDTH.portrait / 2)
  })

  it('shares the width in proportion to the longest words when even those do not fit', () => {
    const long = ['Sustainability', 'Organisational', 'Communications', 'Apprenticeships', 'Responsibilities', 'Internationalisation']
    const widths = columnWidths(long, [long], 3000)
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3000)
    expect(widths[5]).toBeGreaterThan(widths[0]!)
  })

  it('counts wide letters and bold as wider', () => {
    expect(wordWidth('mmmm')).toBeGreaterThan(wordWidth('nnnn'))
    expect(wordWidth('nnnn')).toBeGreaterThan(wordWidth('iiii'))
    expect(wordWidth('Code', true)).toBeGreaterThan(wordWidth('Code'))
  })
})

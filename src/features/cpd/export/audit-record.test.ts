import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { CpdEntry } from '@/domain/entities'
import { pdfText } from '../../../../tests/support/pdf-text'
import { cpdActivity } from '../../../../tests/support/rule-fixtures'
import { i18n } from '@/i18n'
import { i18nFor } from '../../../../tests/support/i18n'
import { cpdText, type Composer } from '../cpd-text'
import { toCsv } from '@/domain/csv'
import { auditRecord, auditRows, exportBaseName, twelveMonthsEnding, type AuditPerson } from './audit-record'
import { auditDocx } from './export-docx'
import { auditPdf } from './export-pdf'
import { evidenceZip } from './export-zip'

const font = (file: string) => new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`)))
const fonts = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') }

let n = 0
const entry = (title: string, startDate: string, extra: Partial<CpdEntry> = {}) => cpdActivity(`c${n++}`, title, startDate, extra)
const person: AuditPerson = {
  name: 'Alex Example',
  email: 'alex@example.ac.uk',
  jobTitle: 'Senior technician',
  institution: 'Example University',
  registrations: ['RSciTech (registered)'],
}
const window = twelveMonthsEnding('2026-11-30')
const entries = [
  entry('Confocal user training', '2026-11-20', {
    hours: 6,
    skillIds: ['confocal-microscope', 'tag:bench-skills'],
    learned: 'Light paths',
    benefitPractice: 'Image samples myself',
    benefitUsers: 'Students get help sooner',
    evidenceIds: ['e1', 'e2'],
  }),
  entry('Technician network meeting', '2026-01-15', { type: 'professional', hours: 7 }),
  entry('Course that ended inside the window', '2025-11-25', { endDate: '2025-12-02', type: 'self-directed' }),
  entry('Too old', '2025-11-20'),
]
// The exports are written in the language the person uses: English here, Welsh below.
await i18nFor('en')
const text = cpdText(i18n.global as unknown as Composer)
const recordIn = (words = text) =>
  auditRecord({ entries, person, window, evidenceNames: new Map([['e1', 'bench.jpg']]), generatedOn: '23 November 2026', text: words })
const record = recordIn()

/** Embedding the fonts and laying out a PDF is CPU work: seconds on a busy 2-core machine. */
const PDF_TIMEOUT = 60_000

describe('auditRecord', () => {
  it('covers any 12 months: activities that touch the window, oldest first', () => {
    expect(window).toEqual({ start: '2025-12-01', end: '2026-11-30' })
    expect(record.window.label).toBe('1 December 2025 to 30 November 2026')
    expect(record.entries.map((e) => e.title)).toEqual([
      'Course that ended inside the window',
      'Technician network meeting',
      'Confocal user training',
    ])
    expect(record.totalHours).toBe(15)
    expect(record.byType.find((t) => t.type === 'Formal / educational')).toMatchObject({ type: 'Formal / educational', hours: 6, count: 1 })
    expect(record.totals).toBe('3 activities, 15 hours')
  })

  it('writes each activity as the audit asks: dates, type, skills, the three reflections, evidence', () => {
    const confocal = record.entries[2]
    expect(confocal).toMatchObject({
      dates: '20 November 2026',
      type: 'Formal / educational',
      skills: ['Confocal microscope', 'bench skills'],
      learned: 'Light paths',
      benefitPractice: 'Image samples myself',
      benefitUsers: 'Students get help sooner',
      evidence: ['bench.jpg', 'File not on this device'],
    })
    expect(record.entries[0]?.dates).toBe('25 November 2025 to 2 December 2025')
    expect(record.standards.map((s) => s.met)).toEqual([true, false, false, false])
    expect(record.standards.map((s) => s.label)).toEqual([
      'Activity across at least 3 types',
      'What you learned',
      'How it benefits your practice',
      'How it benefits the users of your work',
    ])
  })

  it('gives CSV rows and safe CSV text', () => {
    const rows = auditRows(record)
    expect(rows[0]?.[2]).toBe('Activity')
    expect(rows[3]).toContain('Confocal user training')
    expect(toCsv([['a,b', 'say "hi"', '=HYPERLINK("x")', 'line\nbreak']])).toBe(
      '"a,b","say ""hi""","\'=HYPERLINK(""x"")","line\nbreak"\r\n',
    )
    expect(exportBaseName(record)).toBe('cpd-record-2025-12-01-to-2026-11-30')
  })
})

describe('export files', () => {
  it(
    'writes a PDF of real text that names each activity',
    async () => {
      const bytes = new Uint8Array(await auditPdf(record, fonts).arrayBuffer())
      expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-')
      const { text } = await pdfText(bytes)
      expect(text).toContain('3. Confocal user training')
      expect(text).toContain('Alex Example, Senior technician, Example University')
      expect(text).toContain('How it benefits the users of my work')
    },
    PDF_TIMEOUT,
  )

  it('writes a DOCX whose document names each activity', async () => {
    const docx = unzipSync(new Uint8Array(await (await auditDocx(record)).arrayBuffer()))
    const xml = strFromU8(docx['word/document.xml']!)
    expect(xml).toContain('Confocal user training')
    expect(xml).toContain('How it benefits the users of my work')
  })

  it('zips the evidence by activity with an index, listing what could not be included', async () => {
    const { file, included, missing } = await evidenceZip(
      record.entries.length ? entries.slice(0, 1) : [],
      window,
      {
        load: async (id) => {
          if (id === 'e2') throw new Error('not on this device')
          return { name: 'bench.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) }
        },
      },
      record.labels.zip,
    )
    expect(file.name).toBe('cpd-evidence-2025-12-01-to-2026-11-30.zip')
    expect(included).toBe(1)
    expect(missing).toEqual(['Confocal user training: not on this device'])
    const zip = unzipSync(new Uint8Array(await file.blob.arrayBuffer()))
    expect(Object.keys(zip).sort()).toEqual(['2026-11-20 confocal-user-training/bench.jpg', 'index.csv'])
    expect(strFromU8(zip['index.csv']!)).toContain('no: not on this device')
  })
})

describe('the record in Welsh', () => {
  it('writes the headings, labels, dates and CSV columns in Welsh when the person uses Welsh', async () => {
    await i18nFor('cy')
    try {
      const welsh = recordIn(cpdText(i18n.global as unknown as Composer))
      expect(welsh.title).toBe('Cofnod datblygiad proffesiynol parhaus')
      expect(welsh.window.label).toBe('1 Rhagfyr 2025 i 30 Tachwedd 2026')
      expect(welsh.totals).toBe('3 gweithgaredd, 15 awr')
      expect(welsh.standards[0]).toMatchObject({ label: 'Gweithgaredd o 3 math gwahanol o leiaf', met: true })
      expect(welsh.standards[1]?.label).toBe('Beth a ddysgoch chi')
      expect(welsh.standards[1]?.note).toMatch(/^Nodwch beth a ddysgoch chi ar gyfer /)
      expect(welsh.entries[2]).toMatchObject({ type: 'Ffurfiol / addysgol', evidence: ['bench.jpg', 'Nid yw’r ffeil ar y ddyfais hon'] })
      expect(auditRows(welsh)[0]?.slice(0, 3)).toEqual(['Dyddiad dechrau', 'Dyddiad gorffen', 'Gweithgaredd'])
      const { text: pdf } = await pdfText(new Uint8Array(await auditPdf(welsh, fonts).arrayBuffer()))
      expect(pdf).toContain('Sut mae o fudd i ddefnyddwyr fy ngwaith')
      expect(pdf).toContain('Safonau DPP y Cyngor Gwyddoniaeth')
      const docx = unzipSync(new Uint8Array(await (await auditDocx(welsh)).arrayBuffer()))
      expect(strFromU8(docx['word/document.xml']!)).toContain('Math o weithgaredd')
      expect(strFromU8(docx['docProps/core.xml']!)).toContain('<dc:creator>Hwb Technegwyr</dc:creator>')
    } finally {
      await i18nFor('en')
    }
  }, 60_000)
})

/**
 * Names in any script survive every export of the CPD audit record: Welsh (ŵ ŷ â), Polish (ł ę),
 * Czech (ř), Greek (Ω) and Cyrillic (Д) come back out of the PDF, the DOCX and the CSV as
 * themselves, never as "?" or mangled.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { CpdEntry } from '@/domain/entities'
import { pdfText } from '../../../../tests/support/pdf-text'
import { cpdActivity } from '../../../../tests/support/rule-fixtures'
import { i18n } from '@/i18n'
import { i18nFor } from '../../../../tests/support/i18n'
import { cpdText, type Composer } from '../cpd-text'
import { auditRecord, twelveMonthsEnding, type AuditPerson } from './audit-record'
import { auditDocx } from './export-docx'
import { csvFile } from './export-files'
import { auditPdf, pdfSafe } from './export-pdf'
import { fetchPdfFonts, PDF_FONTS_UNAVAILABLE } from './pdf-fonts'

/** What the web server does for the app: the font files by name, from the installed package. */
const requested: string[] = []
const serve = async (url: string) => {
  requested.push(url)
  const file = url.slice(url.lastIndexOf('/') + 1)
  return new Response(readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`)))
}
const fonts = await fetchPdfFonts(serve)

let n = 0
const entry = (title: string, startDate: string, extra: Partial<CpdEntry> = {}) =>
  cpdActivity(`u${n++}`, title, startDate, { hours: 3, ...extra })

/** Every string here must come back exactly as written. */
const NAMES = {
  person: 'Siân ap Gwŵr',
  jobTitle: 'Uwch Dechnegydd Tŷ Gwydr',
  institution: 'Prifysgol Enghreifftiol Łódź',
  registration: 'RSciTech (Ωmega-cofrestrwyd)',
  polish: 'Gweithdy gyda Zoë Kowalczyk-Łęcka',
  czech: 'Seminář: Řehoř Dvořák, Brno',
  greek: 'Ωmega-3 assay, Δ and λ',
  cyrillic: 'Дмитрий Иванов: крио-ЭМ',
  welsh: 'Dysgais am ŵyn a’r tŷ gwydr',
  benefit: 'Mae Paweł a Łucja yn elwa',
  evidence: 'tystiolaeth-ŷ-ŵ.jpg',
} as const

const person: AuditPerson = {
  name: NAMES.person,
  email: 'sian.apgwwr@example.ac.uk',
  jobTitle: NAMES.jobTitle,
  institution: NAMES.institution,
  registrations: [NAMES.registration],
}
const window = twelveMonthsEnding('2026-11-30')
const entries = [
  entry(NAMES.polish, '2026-03-02', { learned: NAMES.welsh, benefitPractice: NAMES.benefit, evidenceIds: ['e1'] }),
  entry(NAMES.czech, '2026-05-11', { type: 'professional' }),
  entry(NAMES.greek, '2026-07-20', { benefitUsers: NAMES.cyrillic }),
  entry(NAMES.cyrillic, '2026-09-14'),
]
await i18nFor('en')
const record = auditRecord({
  entries,
  person,
  window,
  evidenceNames: new Map([['e1', NAMES.evidence]]),
  generatedOn: '23 November 2026',
  text: cpdText(i18n.global as unknown as Composer),
})

/** Embedding the fonts and laying out a PDF is CPU work: seconds on a busy 2-core machine. */
const PDF_TIMEOUT = 60_000

describe('exports keep names in any script', () => {
  it(
    'writes a PDF whose text reads back with ŵ ŷ â ł ę ř Ω Д as themselves',
    async () => {
      const bytes = new Uint8Array(await auditPdf(record, fonts).arrayBuffer())
      const { text, title } = await pdfText(bytes)
      for (const value of Object.values(NAMES)) expect(text).toContain(value)
      // Bold lines (the name, activity titles) and regular lines both use the embedded faces.
      expect(text).toContain(`${NAMES.person}, ${NAMES.jobTitle}, ${NAMES.institution}`)
      expect(text).toContain(`4. ${NAMES.cyrillic}`)
      expect(text).not.toMatch(/\p{L}\?|\?\p{L}/u)
      expect(title).toBe(`Continuing professional development record: ${NAMES.person}`)
    },
    PDF_TIMEOUT,
  )

  it(
    'embeds the fonts as subsets, so the file stays small',
    async () => {
      const bytes = new Uint8Array(await auditPdf(record, fonts).arrayBuffer())
      expect(bytes.byteLength).toBeLessThan(200_000)
      const raw = new TextDecoder('latin1').decode(bytes)
      expect(raw).toContain('/FontFile2')
      expect(raw).not.toMatch(/\/BaseFont \/Helvetica/)
    },
    PDF_TIMEOUT,
  )

  it('fetches the DejaVu Sans regular and bold faces, and says clearly when it cannot', async () => {
    expect(requested.map((url) => url.slice(url.lastIndexOf('/') + 1)).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf'])
    // Offline with no copy in the service worker's cache: fetch rejects.
    await expect(fetchPdfFonts(() => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow(PDF_FONTS_UNAVAILABLE)
    await expect(fetchPdfFonts(async () => new Response('Not found', { status: 404 }))).rejects.toThrow(PDF_FONTS_UNAVAILABLE)
    // An HTML page where the font should be (a captive portal, a proxy) is not taken for a font.
    await expect(fetchPdfFonts(async () => new Response('<!doctype html><title>Sign in</title>'))).rejects.toThrow(PDF_FONTS_UNAVAILABLE)
  })

  it('prints composed letters, and a "?" only for what the font has no glyph for', () => {
    const covered = (code: number) => code < 0x3000
    // "ŵ" typed as w + combining circumflex (U+0302) becomes the one letter ŵ.
    expect(pdfSafe('Gw\u0302r\tTy\u0302', covered)).toBe('Gŵr Tŷ')
    expect(pdfSafe('“Siân” – Дмитрий… 日本 😀\nΩ', covered)).toBe('“Siân” – Дмитрий… ?? ?\nΩ')
  })

  it('writes a DOCX whose document and title keep the names', async () => {
    const docx = unzipSync(new Uint8Array(await (await auditDocx(record)).arrayBuffer()))
    const xml = strFromU8(docx['word/document.xml']!)
    const text = xml.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')
    for (const value of Object.values(NAMES)) expect(text).toContain(value)
    expect(strFromU8(docx['docProps/core.xml']!)).toContain(
      `<dc:title>Continuing professional development record: ${NAMES.person}</dc:title>`,
    )
  })

  it('writes a UTF-8 CSV with a byte-order mark, so Excel shows the names', async () => {
    const bytes = new Uint8Array(await csvFile(record).blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3))
    for (const value of [NAMES.polish, NAMES.czech, NAMES.greek, NAMES.cyrillic, NAMES.welsh, NAMES.benefit, NAMES.evidence])
      expect(text).toContain(value)
  })
})

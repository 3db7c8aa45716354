/** The audit record as a PDF of real text (jsPDF, loaded only when someone exports). */
import { jsPDF } from 'jspdf'
import type { AuditRecord } from './audit-record'
import type { PdfFonts } from './pdf-fonts'

const PAGE = { width: 210, height: 297, margin: 18 }
const LINE = 1.35
/** The embedded family (./pdf-fonts.ts). It has no italic face: italic lines use the regular one. */
const FAMILY = 'DejaVuSans'

/**
 * Text as the embedded font prints it: composed (NFC), so a "ŵ" typed as w + a combining
 * circumflex is the one glyph ŵ; a tab as a space; a character the font has no glyph for (e.g.
 * CJK, emoji) as "?", never as an empty box or garbage.
 */
export function pdfSafe(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = ''
  for (const char of text.normalize('NFC').replaceAll('\t', ' ')) {
    const code = char.codePointAt(0)!
    out += char === '\n' || hasGlyph(code) ? char : '?'
  }
  return out
}

/** jsPDF reads a font from its virtual file system as a "binary string" (one char per byte). */
function binaryString(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

/** Embeds both faces (as subsets of the glyphs used: jsPDF writes only those). */
function embedFonts(pdf: jsPDF, fonts: PdfFonts): (codePoint: number) => boolean {
  pdf.addFileToVFS(`${FAMILY}.ttf`, binaryString(fonts.regular))
  pdf.addFont(`${FAMILY}.ttf`, FAMILY, 'normal')
  pdf.addFileToVFS(`${FAMILY}-Bold.ttf`, binaryString(fonts.bold))
  pdf.addFont(`${FAMILY}-Bold.ttf`, FAMILY, 'bold')
  pdf.setFont(FAMILY, 'normal')
  const regular = (pdf.getFont() as { metadata: { characterToGlyph(code: number): number } }).metadata
  return (code) => code <= 0xffff && regular.characterToGlyph(code) !== 0
}

export function auditPdf(record: AuditRecord, fonts: PdfFonts): Blob {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true })
  const hasGlyph = embedFonts(pdf, fonts)
  const safe = (text: string) => pdfSafe(text, hasGlyph)
  pdf.setProperties({
    title: safe(`${record.title}: ${record.person.name}`),
    creator: safe(record.labels.creator),
    subject: safe(record.window.label),
  })
  const width = PAGE.width - 2 * PAGE.margin
  let y = PAGE.margin

  const write = (value: string, size = 10, style: 'normal' | 'bold' | 'italic' = 'normal', indent = 0) => {
    pdf.setFont(FAMILY, style === 'bold' ? 'bold' : 'normal')
    pdf.setFontSize(size)
    const height = size * 0.3528 * LINE
    for (const line of pdf.splitTextToSize(safe(value), width - indent) as string[]) {
      if (y + height > PAGE.height - PAGE.margin) {
        pdf.addPage()
        y = PAGE.margin
      }
      pdf.text(line, PAGE.margin + indent, y + height * 0.8)
      y += height
    }
  }
  const gap = (mm = 3) => (y += mm)
  const field = (label: string, value: string) => {
    write(label, 9, 'bold', 4)
    write(value || '-', 10, 'normal', 4)
    gap(1)
  }

  const who = record.person
  const l = record.labels
  write(record.title, 18, 'bold')
  gap(2)
  write(`${who.name}${who.jobTitle ? `, ${who.jobTitle}` : ''}${who.institution ? `, ${who.institution}` : ''}`, 11, 'bold')
  if (who.email) write(who.email)
  if (who.registrations.length) write(`${l.registration}: ${who.registrations.join('; ')}`)
  write(`${l.period}: ${record.window.label}`)
  write(l.prepared(record.generatedOn), 9, 'italic')
  gap(5)
  write(l.summary, 14, 'bold')
  write(l.inPeriod(record.totals))
  for (const t of record.byType) write(`${t.type}: ${t.countText}, ${t.hoursText}`, 10, 'normal', 4)
  gap(3)
  write(l.standards, 12, 'bold')
  for (const s of record.standards) write(`${s.met ? l.met : l.notYet}: ${s.label}${s.met ? '' : `. ${s.note}`}`, 10, 'normal', 4)
  gap(5)
  write(l.activities, 14, 'bold')
  if (record.entries.length === 0) write(l.noActivities)
  record.entries.forEach((e, i) => {
    gap(3)
    write(`${i + 1}. ${e.title}`, 12, 'bold')
    write(`${e.dates} - ${e.hoursText} - ${e.type}`, 10, 'normal', 4)
    if (e.skills.length) write(`${l.skills}: ${e.skills.join(', ')}`, 10, 'normal', 4)
    gap(1)
    field(l.learned, e.learned)
    field(l.benefitPractice, e.benefitPractice)
    field(l.benefitUsers, e.benefitUsers)
    field(l.evidence, e.evidence.join(', ') || l.noneAttached)
  })
  gap(8)
  write(l.confirm, 10, 'italic')
  gap(6)
  write(`${l.signed}: ______________________    ${l.signedDate}: ______________`)
  return pdf.output('blob')
}

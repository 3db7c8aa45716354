/** The audit record as a PDF of real text (jsPDF, loaded only when someone exports). */
import { jsPDF } from 'jspdf'
import { formatHours } from '@/ui/format'
import { totalsLine, type AuditRecord } from './audit-record'

const PAGE = { width: 210, height: 297, margin: 18 }
const LINE = 1.35

/**
 * The built-in PDF fonts cover Latin-1 only: typographic quotes and dashes become their plain
 * forms, anything else outside Latin-1 a question mark, so nothing prints as garbage.
 */
export function pdfSafe(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u2022\u00b7]/g, '-')
    .replace(/[^\n\u0020-\u007e\u00a0-\u00ff]/g, '?')
}

export function auditPdf(record: AuditRecord): Blob {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: false })
  pdf.setProperties({ title: pdfSafe(`${record.title}: ${record.person.name}`), creator: 'Technician Hub', subject: pdfSafe(record.window.label) })
  const width = PAGE.width - 2 * PAGE.margin
  let y = PAGE.margin

  const write = (value: string, size = 10, style: 'normal' | 'bold' | 'italic' = 'normal', indent = 0) => {
    pdf.setFont('helvetica', style)
    pdf.setFontSize(size)
    const height = (size * 0.3528) * LINE
    for (const line of pdf.splitTextToSize(pdfSafe(value), width - indent) as string[]) {
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
  write(record.title, 18, 'bold')
  gap(2)
  write(`${who.name}${who.jobTitle ? `, ${who.jobTitle}` : ''}${who.institution ? `, ${who.institution}` : ''}`, 11, 'bold')
  if (who.email) write(who.email)
  if (who.registrations.length) write(`Professional registration: ${who.registrations.join('; ')}`)
  write(`Period: ${record.window.label}`)
  write(`Prepared ${record.generatedOn} with Technician Hub.`, 9, 'italic')
  gap(5)
  write('Summary', 14, 'bold')
  write(`${totalsLine(record)} in the period.`)
  for (const t of record.byType) write(`${t.type}: ${t.count} ${t.count === 1 ? 'activity' : 'activities'}, ${formatHours(t.hours)}`, 10, 'normal', 4)
  gap(3)
  write('Science Council CPD standards', 12, 'bold')
  for (const s of record.standards) write(`${s.met ? 'Met' : 'Not yet'}: ${s.label}${s.met ? '' : `. ${s.note}`}`, 10, 'normal', 4)
  gap(5)
  write('Activities', 14, 'bold')
  if (record.entries.length === 0) write('No CPD activities recorded in this period.')
  record.entries.forEach((e, i) => {
    gap(3)
    write(`${i + 1}. ${e.title}`, 12, 'bold')
    write(`${e.dates} - ${formatHours(e.hours)} - ${e.type}`, 10, 'normal', 4)
    if (e.skills.length) write(`Skills: ${e.skills.join(', ')}`, 10, 'normal', 4)
    gap(1)
    field('What I learned', e.learned)
    field('How it benefits my practice', e.benefitPractice)
    field('How it benefits the users of my work', e.benefitUsers)
    field('Evidence', e.evidence.join(', ') || 'None attached')
  })
  gap(8)
  write('I confirm this is an accurate record of my CPD for the period.', 10, 'italic')
  gap(6)
  write('Signed: ______________________    Date: ______________')
  return pdf.output('blob')
}

/** The audit record as a Word document (docx, loaded only when someone exports). */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { formatHours } from '@/ui/format'
import { totalsLine, type AuditEntry, type AuditRecord } from './audit-record'

const thin = { style: BorderStyle.SINGLE, size: 4, color: '8A929C' }
const borders = { top: thin, bottom: thin, left: thin, right: thin }

const text = (value: string, bold = false) => new Paragraph({ children: [new TextRun({ text: value, bold })] })
const cell = (value: string, bold = false, width?: number) =>
  new TableCell({ borders, children: [text(value, bold)], ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}) })
const table = (rows: string[][], header = true) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, i) =>
        new TableRow({ tableHeader: header && i === 0, children: row.map((v, j) => cell(v, header && i === 0, j === 0 ? 34 : undefined)) }),
    ),
  })

function activity(e: AuditEntry, n: number): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${n}. ${e.title}`)] }),
    table(
      [
        ['Date', e.dates],
        ['Hours', formatHours(e.hours)],
        ['Type of activity', e.type],
        ['Skills', e.skills.join(', ') || '—'],
        ['What I learned', e.learned || '—'],
        ['How it benefits my practice', e.benefitPractice || '—'],
        ['How it benefits the users of my work', e.benefitUsers || '—'],
        ['Evidence', e.evidence.join(', ') || 'None attached'],
      ],
      false,
    ),
  ]
}

export async function auditDocx(record: AuditRecord): Promise<Blob> {
  const who = record.person
  const doc = new Document({
    creator: 'Technician Hub',
    title: `${record.title}: ${who.name}`,
    description: `CPD record ${record.window.label}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(record.title)] }),
          text(`${who.name}${who.jobTitle ? `, ${who.jobTitle}` : ''}${who.institution ? `, ${who.institution}` : ''}`, true),
          ...(who.email ? [text(who.email)] : []),
          ...(who.registrations.length ? [text(`Professional registration: ${who.registrations.join('; ')}`)] : []),
          text(`Period: ${record.window.label}`),
          text(`Prepared ${record.generatedOn} with Technician Hub.`),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
          text(`${totalsLine(record)} in the period.`),
          table([
            ['Type of activity', 'Activities', 'Hours'],
            ...record.byType.map((t) => [t.type, String(t.count), formatHours(t.hours)]),
          ]),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Science Council CPD standards')] }),
          table([['Standard', 'Status'], ...record.standards.map((s) => [s.label, s.met ? 'Met' : `Not yet: ${s.note}`])]),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Activities')] }),
          ...(record.entries.length
            ? record.entries.flatMap((e, i) => activity(e, i + 1))
            : [text('No CPD activities recorded in this period.')]),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: { before: 400 },
            children: [new TextRun({ text: 'I confirm this is an accurate record of my CPD for the period.', italics: true })],
          }),
          text('Signed: ______________________    Date: ______________'),
        ],
      },
    ],
  })
  return Packer.toBlob(doc)
}

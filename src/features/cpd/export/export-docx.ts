/** The audit record as a Word document (docx, loaded only when someone exports). */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { AuditEntry, AuditLabels, AuditRecord } from './audit-record'

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

function activity(e: AuditEntry, n: number, l: AuditLabels): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${n}. ${e.title}`)] }),
    table(
      [
        [l.date, e.dates],
        [l.hours, e.hoursText],
        [l.typeOfActivity, e.type],
        [l.skills, e.skills.join(', ') || '—'],
        [l.learned, e.learned || '—'],
        [l.benefitPractice, e.benefitPractice || '—'],
        [l.benefitUsers, e.benefitUsers || '—'],
        [l.evidence, e.evidence.join(', ') || l.noneAttached],
      ],
      false,
    ),
  ]
}

export async function auditDocx(record: AuditRecord): Promise<Blob> {
  const who = record.person
  const l = record.labels
  const doc = new Document({
    creator: l.creator,
    title: `${record.title}: ${who.name}`,
    description: l.description(record.window.label),
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(record.title)] }),
          text(`${who.name}${who.jobTitle ? `, ${who.jobTitle}` : ''}${who.institution ? `, ${who.institution}` : ''}`, true),
          ...(who.email ? [text(who.email)] : []),
          ...(who.registrations.length ? [text(`${l.registration}: ${who.registrations.join('; ')}`)] : []),
          text(`${l.period}: ${record.window.label}`),
          text(l.prepared(record.generatedOn)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.summary)] }),
          text(l.inPeriod(record.totals)),
          table([[l.typeOfActivity, l.activities, l.hours], ...record.byType.map((t) => [t.type, String(t.count), t.hoursText])]),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(l.standards)] }),
          table([[l.standard, l.status], ...record.standards.map((s) => [s.label, s.met ? l.met : `${l.notYet}: ${s.note}`])]),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.activities)] }),
          ...(record.entries.length ? record.entries.flatMap((e, i) => activity(e, i + 1, l)) : [text(l.noActivities)]),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: { before: 400 },
            children: [new TextRun({ text: l.confirm, italics: true })],
          }),
          text(`${l.signed}: ______________________    ${l.signedDate}: ______________`),
        ],
      },
    ],
  })
  return Packer.toBlob(doc)
}

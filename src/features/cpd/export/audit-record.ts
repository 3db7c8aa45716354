/**
 * A CPD record for a professional body's audit, for any 12-month window: who, the period, hours by
 * Science Council activity type, the standards check, then each activity with its dates, hours,
 * type, skills, the three reflections and its evidence files. The PDF, DOCX and CSV exports all
 * render this one structure, so they always agree.
 */
import { CPD_TYPES, type CpdEntry } from '@/domain/entities'
import { standardsCheck } from '@/domain/rules/cpd'
import { addDays, addMonths } from '@/domain/rules/dates'
import { skillById } from '@/domain/taxonomy'
import type { CpdText } from '../cpd-text'
import { standardsWords } from '../standards-text'

export interface AuditPerson {
  name: string
  email?: string
  jobTitle?: string
  institution?: string
  /** e.g. "RSciTech (registered)", "RSci (in progress)". */
  registrations: string[]
}

export interface AuditEntry {
  title: string
  /** "20 November 2026" or "2 November 2026 to 4 November 2026". */
  dates: string
  startDate: string
  endDate: string
  hours: number
  /** "2.5 hours", in the record's language. */
  hoursText: string
  type: string
  skills: string[]
  learned: string
  benefitPractice: string
  benefitUsers: string
  evidence: string[]
}

export interface AuditRecord {
  title: string
  person: AuditPerson
  window: { start: string; end: string; label: string }
  generatedOn: string
  totalHours: number
  byType: { type: string; hours: number; count: number; hoursText: string; countText: string }[]
  standards: { label: string; met: boolean; note: string }[]
  entries: AuditEntry[]
  /** "5 activities, 32 hours". */
  totals: string
  /** Every heading and label the exports print, in the language the person uses. */
  labels: AuditLabels
}

export type AuditLabels = ReturnType<typeof auditLabels>

/** The exports' words in the language of `text` (messages `cpd.export.*`). */
function auditLabels(text: CpdText) {
  const t = (key: string, named?: Record<string, unknown>) => text.t(`cpd.export.${key}`, named ?? {})
  return {
    creator: t('creator'),
    registration: t('registration'),
    period: t('period'),
    prepared: (date: string) => t('prepared', { date }),
    summary: t('summary'),
    inPeriod: (totals: string) => t('inPeriod', { totals }),
    standards: t('standards'),
    standard: t('standard'),
    status: t('status'),
    met: t('met'),
    notYet: t('notYet'),
    activities: t('activities'),
    noActivities: t('noActivities'),
    date: t('date'),
    hours: t('hours'),
    typeOfActivity: t('typeOfActivity'),
    skills: t('skills'),
    learned: t('learned'),
    benefitPractice: t('benefitPractice'),
    benefitUsers: t('benefitUsers'),
    evidence: t('evidence'),
    noneAttached: t('noneAttached'),
    confirm: t('confirm'),
    signed: t('signed'),
    signedDate: t('signedDate'),
    description: (period: string) => t('description', { period }),
    csv: {
      startDate: t('csv.startDate'),
      endDate: t('csv.endDate'),
      activity: t('csv.activity'),
      type: t('csv.type'),
      hours: t('csv.hours'),
      skills: t('csv.skills'),
      learned: t('csv.learned'),
      benefitPractice: t('csv.benefitPractice'),
      benefitUsers: t('csv.benefitUsers'),
      evidence: t('csv.evidence'),
    },
    zip: {
      date: t('zip.date'),
      activity: t('zip.activity'),
      file: t('zip.file'),
      included: t('zip.included'),
      yes: t('zip.yes'),
      no: (reason: string) => t('zip.no', { reason }),
      notAvailable: t('zip.notAvailable'),
    },
  }
}

/** The 12 months ending on `end` (inclusive), e.g. 1 Dec 2025 – 30 Nov 2026. */
export function twelveMonthsEnding(end: string): { start: string; end: string } {
  return { start: addDays(addMonths(end, -12), 1), end }
}

export function auditRecord(input: {
  entries: readonly CpdEntry[]
  person: AuditPerson
  window: { start: string; end: string }
  evidenceNames: ReadonlyMap<string, string>
  generatedOn: string
  /** The language to write it in. */
  text: CpdText
}): AuditRecord {
  const { text } = input
  const typeName = (type: string) => text.t(`cpd.export.type.${type}`)
  const { start, end } = input.window
  const inWindow = input.entries
    .filter((e) => (e.endDate ?? e.startDate) >= start && e.startDate <= end)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.title.localeCompare(b.title)))
  const byType = CPD_TYPES.map((t) => {
    const of = inWindow.filter((e) => e.type === t)
    const hours = of.reduce((s, e) => s + e.hours, 0)
    return { type: typeName(t), hours, count: of.length, hoursText: text.hours(hours), countText: activities(text, of.length) }
  })
  const totalHours = inWindow.reduce((s, e) => s + e.hours, 0)
  // The standards are checked as of the window's last day.
  const check = standardsCheck(inWindow, { now: new Date(`${end}T12:00:00`) })
  return {
    title: text.t('cpd.export.title'),
    person: input.person,
    window: { start, end, label: text.t('cpd.dateRange', { start: text.date(start), end: text.date(end) }) },
    generatedOn: input.generatedOn,
    totalHours,
    totals: `${activities(text, inWindow.length)}, ${text.hours(totalHours)}`,
    labels: auditLabels(text),
    byType,
    standards: check.rules.map((r) => {
      const words = standardsWords(text, r)
      return { label: words.label, met: r.passed, note: r.passed ? text.t('cpd.export.met') : (words.hint ?? text.t('cpd.export.notMet')) }
    }),
    entries: inWindow.map((e) => ({
      title: e.title,
      dates: text.dates(e.startDate, e.endDate),
      startDate: e.startDate,
      endDate: e.endDate ?? e.startDate,
      hours: e.hours,
      hoursText: text.hours(e.hours),
      type: typeName(e.type),
      skills: e.skillIds.map(skillName),
      learned: e.learned ?? '',
      benefitPractice: e.benefitPractice ?? '',
      benefitUsers: e.benefitUsers ?? '',
      evidence: e.evidenceIds.map((id) => input.evidenceNames.get(id) ?? text.t('cpd.export.fileNotHere')),
    })),
  }
}

/** The record as CSV rows, header first (one row per activity). */
export function auditRows(record: AuditRecord): string[][] {
  const h = record.labels.csv
  return [
    [h.startDate, h.endDate, h.activity, h.type, h.hours, h.skills, h.learned, h.benefitPractice, h.benefitUsers, h.evidence],
    ...record.entries.map((e) => [
      e.startDate,
      e.endDate,
      e.title,
      e.type,
      String(e.hours),
      e.skills.join('; '),
      e.learned,
      e.benefitPractice,
      e.benefitUsers,
      e.evidence.join('; '),
    ]),
  ]
}

/** "cpd-record-2025-12-01-to-2026-11-30". */
export function exportBaseName(record: Pick<AuditRecord, 'window'>): string {
  return `cpd-record-${record.window.start}-to-${record.window.end}`
}

/** "1 activity", "5 activities". */
function activities(text: CpdText, n: number): string {
  return text.t('cpd.export.activityCount', { n }, n)
}

function skillName(id: string): string {
  return skillById(id)?.name ?? id.replace(/^tag:/, '').replace(/-/g, ' ')
}

/**
 * A CPD record for a professional body's audit, for any 12-month window: who, the period, hours by
 * Science Council activity type, the standards check, then each activity with its dates, hours,
 * type, skills, the three reflections and its evidence files. The PDF, DOCX and CSV exports all
 * render this one structure, so they always agree.
 */
import type { CpdEntry } from '@/domain/entities'
import { CPD_TYPE_LABELS, standardsCheck, type CpdType } from '@/domain/rules/cpd'
import { addDays, addMonths } from '@/domain/rules/dates'
import { skillById } from '@/domain/taxonomy'
import { formatDate, formatHours } from '@/ui/format'

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
  byType: { type: string; hours: number; count: number }[]
  standards: { label: string; met: boolean; note: string }[]
  entries: AuditEntry[]
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
}): AuditRecord {
  const { start, end } = input.window
  const inWindow = input.entries
    .filter((e) => !e.deleted && (e.endDate ?? e.startDate) >= start && e.startDate <= end)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.title.localeCompare(b.title)))
  const types = Object.keys(CPD_TYPE_LABELS) as CpdType[]
  const byType = types.map((t) => {
    const of = inWindow.filter((e) => e.type === t)
    return { type: capitalise(CPD_TYPE_LABELS[t]), hours: of.reduce((s, e) => s + e.hours, 0), count: of.length }
  })
  // The standards are checked as of the window's last day.
  const check = standardsCheck(inWindow, { now: new Date(`${end}T12:00:00`) })
  return {
    title: 'Continuing professional development record',
    person: input.person,
    window: { start, end, label: `${formatDate(start)} to ${formatDate(end)}` },
    generatedOn: input.generatedOn,
    totalHours: inWindow.reduce((s, e) => s + e.hours, 0),
    byType,
    standards: check.rules.map((r) => ({ label: r.label, met: r.passed, note: r.passed ? 'Met' : (r.hint ?? 'Not met') })),
    entries: inWindow.map((e) => ({
      title: e.title,
      dates: e.endDate && e.endDate !== e.startDate ? `${formatDate(e.startDate)} to ${formatDate(e.endDate)}` : formatDate(e.startDate),
      startDate: e.startDate,
      endDate: e.endDate ?? e.startDate,
      hours: e.hours,
      type: capitalise(CPD_TYPE_LABELS[e.type]),
      skills: e.skillIds.map(skillName),
      learned: e.learned ?? '',
      benefitPractice: e.benefitPractice ?? '',
      benefitUsers: e.benefitUsers ?? '',
      evidence: e.evidenceIds.map((id) => input.evidenceNames.get(id) ?? 'File not on this device'),
    })),
  }
}

/** The record as CSV rows, header first (one row per activity). */
export function auditRows(record: AuditRecord): string[][] {
  return [
    [
      'Start date',
      'End date',
      'Activity',
      'Type',
      'Hours',
      'Skills',
      'What I learned',
      'Benefit to my practice',
      'Benefit to the users of my work',
      'Evidence',
    ],
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

/** One line of totals, e.g. "5 activities, 32 hours". */
export function totalsLine(record: AuditRecord): string {
  const n = record.entries.length
  return `${n} ${n === 1 ? 'activity' : 'activities'}, ${formatHours(record.totalHours)}`
}

function skillName(id: string): string {
  return skillById(id)?.name ?? id.replace(/^tag:/, '').replace(/-/g, ' ')
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

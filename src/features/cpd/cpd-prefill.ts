/**
 * Quick-add: a new CPD entry started from a template, an event link or a completed skill-share
 * session. Each gives the form a head start; the hours and reflections stay the technician's.
 *
 * Event links (from a calendar, an email or another page of the app) use query parameters:
 * `/cpd/new?title=Technician+network+meeting&date=2026-11-20&end=2026-11-21&hours=7&type=professional`.
 */
import { CPD_TYPES, type CpdEntry, type SkillShareRequest } from '@/domain/entities'
import { cpdPrefillFor } from '@/domain/rules/requests'
import type { CpdEntryValues } from './cpd-form'

export interface CpdTemplate {
  id: string
  type: CpdEntry['type']
  hours: string
}

/**
 * Common activities, in the Science Council's types. Their words (`cpd.template.<id>`: the button's
 * label, the title to start from and a nudge for the "what I learned" reflection) are in the
 * language shown.
 */
export const CPD_TEMPLATES: readonly CpdTemplate[] = [
  { id: 'equipment-training', type: 'formal', hours: '3' },
  { id: 'course', type: 'formal', hours: '1' },
  { id: 'network-meeting', type: 'professional', hours: '7' },
  { id: 'taught-others', type: 'professional', hours: '2' },
  { id: 'shadowing', type: 'work-based', hours: '2' },
  { id: 'reading', type: 'self-directed', hours: '1' },
]

/** A template's prefilled words: its title and its "what I learned" nudge. */
export type TemplateText = (templateId: string, part: 'title' | 'learned') => string

/** Form values from a template, the query of an event link, or nothing. */
export function prefillFromQuery(query: Record<string, unknown>, templateText: TemplateText): Partial<CpdEntryValues> {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string).slice(0, 4000) : undefined)
  const template = CPD_TEMPLATES.find((t) => t.id === text('template'))
  if (template)
    return {
      title: templateText(template.id, 'title'),
      type: template.type,
      hours: template.hours,
      learned: templateText(template.id, 'learned'),
    }
  const out: Partial<CpdEntryValues> = {}
  const title = text('title')
  if (title) out.title = title.slice(0, 160)
  const date = text('date')
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) out.startDate = date
  const end = text('end')
  if (end && /^\d{4}-\d{2}-\d{2}$/.test(end)) out.endDate = end
  const hours = text('hours')
  if (hours && /^\d+(\.\d+)?$/.test(hours)) out.hours = hours
  const type = text('type')
  if (type && (CPD_TYPES as readonly string[]).includes(type)) out.type = type
  return out
}

/** Form values for one side of a completed skill-share session, or null when there is none to log. */
export function prefillFromRequest(request: SkillShareRequest, uid: string): Partial<CpdEntryValues> | null {
  const prefill = cpdPrefillFor(request, uid)
  if (!prefill) return null
  return {
    title: prefill.title,
    startDate: prefill.startDate,
    hours: String(prefill.hours),
    type: prefill.type,
    skillIds: [...prefill.skillIds],
    requestId: prefill.requestId,
  }
}

/**
 * Completed sessions this member took part in and has not logged yet, newest first: the app offers
 * each as a one-tap CPD entry.
 */
export function sessionsToLog(
  requests: readonly SkillShareRequest[],
  entries: readonly Pick<CpdEntry, 'requestId'>[],
  uid: string,
): SkillShareRequest[] {
  const logged = new Set(entries.map((e) => e.requestId).filter(Boolean))
  return requests
    .filter((r) => r.state === 'completed' && (r.learnerUid === uid || r.teacherUid === uid) && !logged.has(r.id))
    .sort((a, b) => (b.history.completed ?? 0) - (a.history.completed ?? 0))
}

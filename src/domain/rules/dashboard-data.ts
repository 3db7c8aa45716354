/**
 * Turning figures into chart rows for the leads' dashboard: labels people read, withheld figures
 * kept as null (shown as "withheld"), and local engagement counts by month.
 */
import { THEMES, type Comment, type CONTRACTS, type Idea, type Institution, type ROLE_FAMILIES, type Vote } from '@/domain/entities'
import type { RagCounts } from '@/domain/rules/rag'
import { THEME_LABELS } from '@/domain/rules/plan-groups'
import type { Breakdown } from '@/domain/stats'

export interface ChartRow {
  label: string
  /** null: withheld (a group under 5, or a figure that would reveal one). */
  value: number | null
}

export const ROLE_FAMILY_LABELS: Record<(typeof ROLE_FAMILIES)[number], string> = {
  research: 'Research',
  teaching: 'Teaching',
  support: 'Support',
  laboratory: 'Laboratory',
  workshop: 'Workshop',
  studio: 'Studio',
  analytical: 'Analytical',
  it: 'IT',
  apprentice: 'Apprentice',
  other: 'Other',
}
export const CONTRACT_LABELS: Record<(typeof CONTRACTS)[number], string> = {
  permanent: 'Permanent',
  'fixed-term': 'Fixed-term',
  casual: 'Casual',
  apprenticeship: 'Apprenticeship',
}
export const AGE_LABELS: Record<string, string> = { 'prefer-not': 'Prefer not to say' }
export const DISABILITY_LABELS: Record<string, string> = { yes: 'Yes', no: 'No', 'prefer-not': 'Prefer not to say' }
const UNSPECIFIED = 'Not stated'

/**
 * Rows of a breakdown with readable labels: largest first, withheld rows after the shown ones
 * (ordering them by their hidden size would leak it), "not stated" last.
 */
export function breakdownRows(breakdown: Breakdown, labels: Readonly<Record<string, string>> = {}): ChartRow[] {
  const rows = Object.entries(breakdown.counts).map(([key, value]) => ({
    key,
    label: key === 'unspecified' ? UNSPECIFIED : (labels[key] ?? key),
    value,
  }))
  const rank = (r: { key: string; value: number | null }) => (r.key === 'unspecified' ? 2 : r.value === null ? 1 : 0)
  return rows
    .sort((a, b) => rank(a) - rank(b) || (b.value ?? 0) - (a.value ?? 0) || a.label.localeCompare(b.label))
    .map(({ label, value }) => ({ label, value }))
}

/** Faculty id → name, from the institution document. */
export function facultyLabels(institution: Pick<Institution, 'faculties'> | null | undefined): Record<string, string> {
  return Object.fromEntries((institution?.faculties ?? []).map((f) => [f.id, f.name]))
}

export interface ThemeRagRow {
  theme: string
  counts: RagCounts
}

/** RAG counts per theme in the Commitment's order, themes with no actions left out. */
export function ragThemeRows(byTheme: Record<(typeof THEMES)[number], RagCounts>): ThemeRagRow[] {
  return THEMES.map((t) => ({ theme: THEME_LABELS[t], counts: byTheme[t] })).filter((r) => r.counts.total > 0)
}

export interface EngagementMonth {
  month: string
  ideas: number
  comments: number
  votes: number
}

/**
 * Ideas, comments and votes made in each of the last `months` calendar months (UTC), oldest first:
 * activity, not people, so these small counts identify no one.
 */
export function engagementByMonth(
  data: { ideas: readonly Idea[]; comments: readonly Comment[]; votes: readonly Vote[] },
  now: number,
  months = 6,
): EngagementMonth[] {
  const end = new Date(now)
  const keys = Array.from({ length: months }, (_, k) =>
    new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - (months - 1 - k), 1)).toISOString().slice(0, 7),
  )
  const rows = new Map(keys.map((month) => [month, { month, ideas: 0, comments: 0, votes: 0 }]))
  const add = (at: number, field: 'ideas' | 'comments' | 'votes') => {
    const row = rows.get(new Date(at).toISOString().slice(0, 7))
    if (row) row[field]++
  }
  for (const i of data.ideas) if (!i.deleted) add(i.createdAt, 'ideas')
  for (const c of data.comments) if (!c.deleted) add(c.createdAt, 'comments')
  for (const v of data.votes) if (!v.deleted) add(v.createdAt, 'votes')
  return [...rows.values()]
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2026-11" → "Nov 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m ? `${MONTH_NAMES[m - 1]} ${y}` : month
}

/** "12", "48%", or "withheld" (a group under 5, or a figure that would reveal one). */
export function formatFigure(value: number | null, unit = ''): string {
  if (value === null) return 'withheld'
  return `${new Intl.NumberFormat('en-GB').format(value)}${unit}`
}

/**
 * Turning figures into chart rows for the leads' dashboard: rows labelled by the caller's words
 * (the dashboard passes labels in the language shown), withheld figures kept as null (shown as
 * "withheld"), RAG counts by theme code, and local engagement counts by month. Produces no
 * English of its own.
 */
import { THEMES, type Comment, type Idea, type Institution, type Vote } from '@/domain/entities'
import type { RagCounts } from '@/domain/rules/rag'
import type { Breakdown } from '@/domain/stats'

export interface ChartRow {
  label: string
  /** null: withheld (a group under 5, or a figure that would reveal one). */
  value: number | null
}

/** The breakdown key of members who did not say. */
export const UNSPECIFIED_KEY = 'unspecified'

/**
 * Rows of a breakdown with readable labels: largest first, withheld rows after the shown ones
 * (ordering them by their hidden size would leak it), "not stated" (`unspecified`) last.
 * `label` names each key, `unspecified` included.
 */
export function breakdownRows(breakdown: Breakdown, label: (key: string) => string): ChartRow[] {
  const rows = Object.entries(breakdown.counts).map(([key, value]) => ({ key, label: label(key), value }))
  const rank = (r: { key: string; value: number | null }) => (r.key === UNSPECIFIED_KEY ? 2 : r.value === null ? 1 : 0)
  return rows
    .sort((a, b) => rank(a) - rank(b) || (b.value ?? 0) - (a.value ?? 0) || a.label.localeCompare(b.label))
    .map(({ label, value }) => ({ label, value }))
}

/** Faculty id → name, from the institution document. */
export function facultyLabels(institution: Pick<Institution, 'faculties'> | null | undefined): Record<string, string> {
  return Object.fromEntries((institution?.faculties ?? []).map((f) => [f.id, f.name]))
}

export interface ThemeRag {
  theme: (typeof THEMES)[number]
  counts: RagCounts
}

/** RAG counts per theme code in the Commitment's order, themes with no actions left out. */
export function ragByTheme(byTheme: Record<(typeof THEMES)[number], RagCounts>): ThemeRag[] {
  return THEMES.map((theme) => ({ theme, counts: byTheme[theme] })).filter((r) => r.counts.total > 0)
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

/** "2026-11" → the first of that month (local), for a month name in the language shown; null if not a month. */
export function monthStart(month: string): Date | null {
  const [y, m] = month.split('-').map(Number)
  return y && m ? new Date(y, m - 1, 1) : null
}

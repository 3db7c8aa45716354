import { THEMES, type ActionPlan, type PlanAction, type RagChange, type RagStatus } from '@/domain/entities'
import { compareActionCodes } from './rag'

export type Theme = (typeof THEMES)[number]

export interface ActionRow {
  action: PlanAction
  /** Latest RAG change by time; null when the action has never been rated. */
  rag: RagStatus | null
}

/** One theme's actions; the view names the theme in the language shown (`labels.theme.*`). */
export interface ThemeGroup {
  theme: Theme
  rows: ActionRow[]
}

/** Current RAG per action: the latest change by `at` (ties broken by id, which is time-ordered). */
export function currentRag(changes: readonly RagChange[]): Map<string, RagStatus> {
  const latest = new Map<string, RagChange>()
  for (const c of changes) {
    if (c.deleted) continue
    const seen = latest.get(c.actionId)
    if (!seen || c.at > seen.at || (c.at === seen.at && c.id > seen.id)) latest.set(c.actionId, c)
  }
  return new Map([...latest].map(([id, c]) => [id, c.status]))
}

/**
 * Actions grouped by theme in the Technician Commitment's order. An action linked to two themes
 * appears under both, as in the published plans ("Visibility (V5) / Sustainability (S1)").
 */
export function groupByTheme(actions: readonly PlanAction[], changes: readonly RagChange[]): ThemeGroup[] {
  const rag = currentRag(changes)
  return THEMES.map((theme) => ({
    theme,
    rows: actions
      .filter((a) => !a.deleted && a.themes.includes(theme))
      .sort((a, b) => compareActionCodes(a.code, b.code))
      .map((action) => ({ action, rag: rag.get(action.id) ?? null })),
  })).filter((g) => g.rows.length > 0)
}

/**
 * The plan members see: the latest published plan by start date. Leads also see a draft when no
 * plan is published yet, so they can build one; archived plans are history.
 */
export function pickCurrentPlan<P extends Pick<ActionPlan, 'status' | 'startDate' | 'deleted'>>(
  plans: readonly P[],
  options: { includeDrafts?: boolean } = {},
): P | null {
  const live = plans.filter((p) => !p.deleted && p.status !== 'archived').sort((a, b) => b.startDate.localeCompare(a.startDate))
  return live.find((p) => p.status === 'published') ?? (options.includeDrafts ? (live[0] ?? null) : null)
}

/**
 * RAG status of action-plan actions. The status is never stored on the action: it is derived from
 * the append-only `ragChanges`, so two leads editing offline both keep their change and the
 * history survives for the Stage Two RAG analysis.
 */
import { RAG, THEMES, type PlanAction, type RagChange, type RagStatus } from '../entities'
import { problem } from '../problems'
import { byCodeUnits } from './order'

export type Theme = (typeof THEMES)[number]

/** The problem shown when a Red has no explanation (the same as the entity schema's). */
export const RED_NEEDS_RATIONALE = problem('redNeedsRationale')

/** Counts of actions by current status; `notSet` has no RAG change yet. */
export interface RagCounts {
  red: number
  amber: number
  green: number
  notSet: number
  total: number
}

/** Orders changes by `at`, ties broken by id (UUIDv7 ids sort by creation, so the later one wins). */
export function compareRagChanges(a: RagChange, b: RagChange): number {
  return a.at - b.at || byCodeUnits(a.id, b.id)
}

/** An action's RAG history, oldest first; tombstoned changes are ignored. */
export function ragHistory(changes: readonly RagChange[], actionId: string): RagChange[] {
  return changes.filter((c) => c.actionId === actionId && !c.deleted).sort(compareRagChanges)
}

/** An action's current RAG change (the latest), or null when none has been set. */
export function currentRag(changes: readonly RagChange[], actionId: string): RagChange | null {
  return ragAsOf(changes, actionId, Number.POSITIVE_INFINITY)
}

/** An action's RAG change in force at `at` (ms), e.g. at the end of the previous plan. */
export function ragAsOf(changes: readonly RagChange[], actionId: string, at: number): RagChange | null {
  let latest: RagChange | null = null
  for (const c of changes) {
    if (c.actionId !== actionId || c.deleted || c.at > at) continue
    if (!latest || compareRagChanges(c, latest) > 0) latest = c
  }
  return latest
}

/** The current RAG change of every action that has one, in one pass. */
export function currentRagByAction(changes: readonly RagChange[], asOf = Number.POSITIVE_INFINITY): Map<string, RagChange> {
  const result = new Map<string, RagChange>()
  for (const c of changes) {
    if (c.deleted || c.at > asOf) continue
    const seen = result.get(c.actionId)
    if (!seen || compareRagChanges(c, seen) > 0) result.set(c.actionId, c)
  }
  return result
}

export type RagValidation = { ok: true } | { ok: false; field: 'status' | 'rationale'; message: string }

/** Checks a RAG change a lead is about to make: a known status, and an explanation for Red. */
export function validateRagChange(input: { status: string; rationale?: string | null }): RagValidation {
  if (!(RAG as readonly string[]).includes(input.status)) {
    return { ok: false, field: 'status', message: problem('ragStatus') }
  }
  const rationale = (input.rationale ?? '').trim()
  if (input.status === 'red' && rationale.length === 0) return { ok: false, field: 'rationale', message: RED_NEEDS_RATIONALE }
  if (rationale.length > 2000) return { ok: false, field: 'rationale', message: problem('tooLong', { label: 'explanation', max: 2000 }) }
  return { ok: true }
}

const emptyCounts = (): RagCounts => ({ red: 0, amber: 0, green: 0, notSet: 0, total: 0 })

function count(into: RagCounts, status: RagStatus | undefined): void {
  if (status) into[status]++
  else into.notSet++
  into.total++
}

/** Counts of red/amber/green/not set across actions (deleted actions left out). */
export function ragSummary(actions: readonly PlanAction[], changes: readonly RagChange[], asOf?: number): RagCounts {
  const current = currentRagByAction(changes, asOf)
  const result = emptyCounts()
  for (const a of actions) if (!a.deleted) count(result, current.get(a.id)?.status)
  return result
}

/**
 * RAG counts per theme for a set of actions. An action linked to two themes
 * ("Visibility (V5) / Sustainability (S1)") counts under both.
 */
export function ragSummaryByTheme(actions: readonly PlanAction[], changes: readonly RagChange[], asOf?: number): Record<Theme, RagCounts> {
  const current = currentRagByAction(changes, asOf)
  const result = Object.fromEntries(THEMES.map((t) => [t, emptyCounts()])) as Record<Theme, RagCounts>
  for (const a of actions) {
    if (a.deleted) continue
    for (const theme of new Set(a.themes)) count(result[theme], current.get(a.id)?.status)
  }
  return result
}

const CODE_ORDER = ['V', 'R', 'CD', 'S', 'A']
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 }

function romanValue(numeral: string): number {
  let total = 0
  for (let k = 0; k < numeral.length; k++) {
    const value = ROMAN[numeral[k] ?? ''] ?? 0
    const next = ROMAN[numeral[k + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

/** Orders action codes as the plans print them: V, R, CD, S, A; then number; then sub-item (V1 < V1 i < V1 ii < V2). */
export function compareActionCodes(a: string, b: string): number {
  const parse = (code: string) => {
    const m = /^(CD|V|R|S|A)(\d+)(?: ([ivx]+))?$/.exec(code)
    if (!m) return [CODE_ORDER.length, 0, 0, code] as const
    return [CODE_ORDER.indexOf(m[1] ?? ''), Number(m[2]), m[3] ? romanValue(m[3]) : 0, code] as const
  }
  const [pa, pb] = [parse(a), parse(b)]
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2] || pa[3].localeCompare(pb[3])
}

/** One previous-plan action in the Stage Two RAG analysis. */
export interface StageTwoRow {
  action: PlanAction
  status: RagStatus | null
  rationale: string
  /** When the status was last set (ms), if ever. */
  changedAt: number | null
  /** The action in the new plan that carries this one forward, if any. */
  carriedForwardTo: PlanAction | null
}

export interface StageTwoAnalysis {
  rows: StageTwoRow[]
  summary: RagCounts
  byTheme: Record<Theme, RagCounts>
  /** Reds with no explanation: the self-assessment must explain every red. */
  unexplainedReds: StageTwoRow[]
  /** Red or amber actions that nothing in the new plan takes forward. */
  droppedUnfinished: StageTwoRow[]
  /** Actions of the new plan that continue nothing from the previous one. */
  newActions: PlanAction[]
}

/**
 * Compares the previous plan with the new one for a Stage Two submission: the RAG of every previous
 * action (as of `asOf`, e.g. the previous plan's end), and which new action carries it forward.
 * Codes are often renumbered between plans, so actions match on their activity wording, with a
 * shared code as a tie-breaker; each new action continues at most one previous action.
 */
export function stageTwoAnalysis(
  previous: { actions: readonly PlanAction[]; changes: readonly RagChange[] },
  next: { actions: readonly PlanAction[] },
  options: { asOf?: number } = {},
): StageTwoAnalysis {
  const prevActions = previous.actions.filter((a) => !a.deleted).sort((a, b) => compareActionCodes(a.code, b.code))
  const nextActions = next.actions.filter((a) => !a.deleted).sort((a, b) => compareActionCodes(a.code, b.code))
  const matches = matchActions(prevActions, nextActions)
  const current = currentRagByAction(previous.changes, options.asOf)
  const rows = prevActions.map((action): StageTwoRow => {
    const change = current.get(action.id)
    return {
      action,
      status: change?.status ?? null,
      rationale: change?.rationale ?? '',
      changedAt: change?.at ?? null,
      carriedForwardTo: matches.get(action.id) ?? null,
    }
  })
  const carried = new Set([...matches.values()].map((a) => a.id))
  return {
    rows,
    summary: ragSummary(prevActions, previous.changes, options.asOf),
    byTheme: ragSummaryByTheme(prevActions, previous.changes, options.asOf),
    unexplainedReds: rows.filter((r) => r.status === 'red' && r.rationale.trim() === ''),
    droppedUnfinished: rows.filter((r) => (r.status === 'red' || r.status === 'amber') && !r.carriedForwardTo),
    newActions: nextActions.filter((a) => !carried.has(a.id)),
  }
}

const STOP_WORDS = new Set(
  'a an and the of to for in on at by with from into our all be is are as or via its their this that within across'.split(' '),
)

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w)),
  )
}

/** Jaccard similarity of the significant words of two texts (0–1). */
export function activitySimilarity(a: string, b: string): number {
  const [wa, wb] = [words(a), words(b)]
  if (wa.size === 0 || wb.size === 0) return 0
  let shared = 0
  for (const w of wa) if (wb.has(w)) shared++
  return shared / (wa.size + wb.size - shared)
}

const MATCH_THRESHOLD = 0.5
const SAME_CODE_BONUS = 0.25

/** Greedy one-to-one matching of previous actions to new ones, best pairs first. */
function matchActions(prev: readonly PlanAction[], next: readonly PlanAction[]): Map<string, PlanAction> {
  const pairs: { p: PlanAction; n: PlanAction; score: number }[] = []
  for (const p of prev) {
    for (const n of next) {
      const score = activitySimilarity(p.activity, n.activity) + (p.code === n.code ? SAME_CODE_BONUS : 0)
      if (score >= MATCH_THRESHOLD) pairs.push({ p, n, score })
    }
  }
  pairs.sort((x, y) => y.score - x.score)
  const result = new Map<string, PlanAction>()
  const taken = new Set<string>()
  for (const { p, n } of pairs) {
    if (result.has(p.id) || taken.has(n.id)) continue
    result.set(p.id, n)
    taken.add(n.id)
  }
  return result
}

/** Comparing plans across an export and an import (CSV or XLSX), where ids are new. */
import type { PlanAction, RagChange } from '@/domain/entities'

/** What a plan file carries of each action, by code (ids are new on import; the parent by its code; the latest RAG). */
export function planContent(actions: readonly PlanAction[], ragChanges: readonly RagChange[]) {
  const codeOf = new Map(actions.map((a) => [a.id, a.code]))
  const latest = new Map<string, RagChange>()
  for (const c of [...ragChanges].sort((a, b) => a.at - b.at)) latest.set(c.actionId, c)
  return actions
    .map((a) => ({
      code: a.code,
      themes: a.themes,
      activity: a.activity,
      outputs: a.outputs ?? '',
      measures: a.measures.map((m) => m.text),
      timeframe: a.timeframe,
      owner: a.owner,
      parent: a.parentId ? codeOf.get(a.parentId) : undefined,
      rag: latest.get(a.id) ? { status: latest.get(a.id)!.status, rationale: latest.get(a.id)!.rationale } : null,
    }))
    .sort((a, b) => a.code.localeCompare(b.code))
}

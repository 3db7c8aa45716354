import type { Ref, ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { ActionPlan, PlanAction, RagChange } from '@/domain/entities'
import { compareActionCodes, ragHistory } from '@/domain/rules/rag'

export interface ActionData {
  action: PlanAction | null
  plan: ActionPlan | null
  /** RAG history, oldest first. */
  history: RagChange[]
  parent: PlanAction | null
  children: PlanAction[]
  loaded: boolean
}

const EMPTY: ActionData = { action: null, plan: null, history: [], parent: null, children: [], loaded: false }

/** One action with its plan, RAG history, parent and sub-items, live. */
export async function loadAction(database: HubDb, actionId: string): Promise<ActionData> {
  const action = (await database.actions.get(actionId)) ?? null
  if (!action || action.deleted) return { ...EMPTY, loaded: true }
  const [plan, changes, siblings] = await Promise.all([
    database.plans.get(action.planId),
    database.ragChanges.where('actionId').equals(actionId).toArray(),
    database.actions.where('planId').equals(action.planId).toArray(),
  ])
  const live = siblings.filter((a) => !a.deleted)
  return {
    action,
    plan: plan && !plan.deleted ? plan : null,
    history: ragHistory(changes, actionId),
    parent: live.find((a) => a.id === action.parentId) ?? null,
    children: live.filter((a) => a.parentId === action.id).sort((a, b) => compareActionCodes(a.code, b.code)),
    loaded: true,
  }
}

export function useAction(actionId: Ref<string>, options: { db?: HubDb } = {}): ShallowRef<ActionData> {
  const database = options.db ?? defaultDb
  return useLiveQuery(() => loadAction(database, actionId.value), { initial: EMPTY, deps: actionId })
}

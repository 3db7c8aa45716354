import type { Ref, ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
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
export async function loadAction(reads: Reads, actionId: string): Promise<ActionData> {
  const action = (await reads.actions.get(actionId)) ?? null
  if (!action) return { ...EMPTY, loaded: true }
  const [plan, changes, siblings] = await Promise.all([
    reads.plans.get(action.planId),
    reads.ragChanges.where('actionId', actionId),
    reads.actions.where('planId', action.planId),
  ])
  return {
    action,
    plan: plan ?? null,
    history: ragHistory(changes, actionId),
    parent: siblings.find((a) => a.id === action.parentId) ?? null,
    children: siblings.filter((a) => a.parentId === action.id).sort((a, b) => compareActionCodes(a.code, b.code)),
    loaded: true,
  }
}

export function useAction(actionId: Ref<string>, options: { reads?: Reads } = {}): ShallowRef<ActionData> {
  const reads = options.reads ?? defaultReads
  return useLiveQuery(() => loadAction(reads, actionId.value), { initial: EMPTY, deps: actionId })
}

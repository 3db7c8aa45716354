import { computed, type ComputedRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import type { HubDb } from '@/db/database'
import { createReads, reads as defaultReads, type Reads } from '@/db/read'
import type { ActionPlan, PlanAction, RagChange } from '@/domain/entities'
import { groupByTheme, pickCurrentPlan, type ThemeGroup } from '@/domain/rules/plan-groups'

export interface PlanData {
  plan: ActionPlan | null
  actions: PlanAction[]
  changes: RagChange[]
}

export interface UsePlan {
  plan: ComputedRef<ActionPlan | null>
  actions: ComputedRef<PlanAction[]>
  changes: ComputedRef<RagChange[]>
  groups: ComputedRef<ThemeGroup[]>
}

/** Live actions and RAG history of one plan (the readers leave tombstones out). */
export async function loadPlanData(source: HubDb | Reads, plan: ActionPlan | null): Promise<PlanData> {
  if (!plan) return { plan: null, actions: [], changes: [] }
  const reads = readsOf(source)
  const actions = await reads.actions.where('planId', plan.id)
  const changes = await reads.ragChanges.anyOf(
    'actionId',
    actions.map((a) => a.id),
  )
  return { plan, actions, changes }
}

/** Readers over a database (callers that hold one), or the readers given. */
const readsOf = (source: HubDb | Reads): Reads => ('getMany' in source.plans ? (source as Reads) : createReads(source as HubDb))

/**
 * The institution's current action plan (latest published; a lead also sees a draft when nothing
 * is published yet), its actions by theme with RAG.
 */
export function usePlan(options: { reads?: Reads; includeDrafts?: () => boolean } = {}): UsePlan {
  const reads = options.reads ?? defaultReads
  const data = useLiveQuery<PlanData>(
    async () => loadPlanData(reads, pickCurrentPlan(await reads.plans.all(), { includeDrafts: options.includeDrafts?.() ?? false })),
    { initial: { plan: null, actions: [], changes: [] }, deps: () => options.includeDrafts?.() },
  )
  return {
    plan: computed(() => data.value.plan),
    actions: computed(() => data.value.actions),
    changes: computed(() => data.value.changes),
    groups: computed(() => groupByTheme(data.value.actions, data.value.changes)),
  }
}

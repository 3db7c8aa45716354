import { computed, type ComputedRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
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

/** Live actions and RAG history of one plan (tombstones left out). */
export async function loadPlanData(database: HubDb, plan: ActionPlan | null): Promise<PlanData> {
  if (!plan) return { plan: null, actions: [], changes: [] }
  const actions = (await database.actions.where('planId').equals(plan.id).toArray()).filter((a) => !a.deleted)
  const changes = await database.ragChanges
    .where('actionId')
    .anyOf(actions.map((a) => a.id))
    .toArray()
  return { plan, actions, changes: changes.filter((c) => !c.deleted) }
}

/**
 * The institution's current action plan (latest published; a lead also sees a draft when nothing
 * is published yet), its actions by theme with RAG.
 */
export function usePlan(options: { db?: HubDb; includeDrafts?: () => boolean } = {}): UsePlan {
  const database = options.db ?? defaultDb
  const data = useLiveQuery<PlanData>(
    async () => {
      const plans = await database.plans.toArray()
      return loadPlanData(database, pickCurrentPlan(plans, { includeDrafts: options.includeDrafts?.() ?? false }))
    },
    { initial: { plan: null, actions: [], changes: [] }, deps: () => options.includeDrafts?.() },
  )
  return {
    plan: computed(() => data.value.plan),
    actions: computed(() => data.value.actions),
    changes: computed(() => data.value.changes),
    groups: computed(() => groupByTheme(data.value.actions, data.value.changes)),
  }
}

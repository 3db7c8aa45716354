import { computed, type ComputedRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { ActionPlan, PlanAction, RagChange } from '@/domain/entities'
import { groupByTheme, type ThemeGroup } from './plan-groups'

interface PlanData {
  plan: ActionPlan | null
  actions: PlanAction[]
  changes: RagChange[]
}

/** The institution's current action plan (latest non-archived), its actions by theme with RAG. */
export function usePlan(options: { db?: HubDb } = {}): { plan: ComputedRef<ActionPlan | null>; groups: ComputedRef<ThemeGroup[]> } {
  const database = options.db ?? defaultDb
  const data = useLiveQuery<PlanData>(
    async () => {
      const plans = await database.plans.filter((p) => !p.deleted && p.status !== 'archived').toArray()
      const plan = plans.sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null
      if (!plan) return { plan: null, actions: [], changes: [] }
      const actions = await database.actions.where('planId').equals(plan.id).toArray()
      const changes = await database.ragChanges.where('actionId').anyOf(actions.map((a) => a.id)).toArray()
      return { plan, actions, changes }
    },
    { initial: { plan: null, actions: [], changes: [] } },
  )
  return {
    plan: computed(() => data.value.plan),
    groups: computed(() => groupByTheme(data.value.actions, data.value.changes)),
  }
}

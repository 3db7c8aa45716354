import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads } from '@/db/read'
import { repos } from '@/db/repos'
import type { PlanAction } from '@/domain/entities'
import type { SurveyDraft } from '@/survey-engine/templates'

/** The actions of the newest plan that is not archived (a draft plan is what gets consulted on). */
export function useCurrentPlanActions(): ShallowRef<{ title: string; actions: PlanAction[] }> {
  return useLiveQuery(
    async () => {
      const plans = (await reads.plans.all()).filter((p) => p.status !== 'archived').sort((a, b) => b.startDate.localeCompare(a.startDate))
      const current = plans[0]
      const actions: PlanAction[] = current ? await reads.actions.where('planId', current.id) : []
      return { title: current?.title ?? '', actions }
    },
    { initial: { title: '', actions: [] as PlanAction[] } },
  )
}

/** Saves a new survey on this device (document + outbox row); returns its id. */
export async function createSurvey(fields: SurveyDraft): Promise<string> {
  return (await repos.surveys.create(fields)).id
}

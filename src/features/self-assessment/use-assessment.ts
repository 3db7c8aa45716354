import { computed, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { ActionPlan, AssessmentSection } from '@/domain/entities'
import { compositeId } from '@/domain/ids'
import { readCachedStats, type CachedStats } from '@/db/stats-cache'
import { feedsFrom } from '@/composables/use-feeds'
import { loadPlanData } from '@/composables/use-plan'
import { pickCurrentPlan } from '@/domain/rules/plan-groups'
import { buildAssessment, type AssessmentInput, type AssessmentModel, type PlanBundle } from './assessment-model'
import type { Stage } from './template'

export interface AssessmentChoice {
  /** The forward plan; empty picks the current plan. */
  planId: string
  stage: Stage | ''
  /** Stage Two: the plan whose RAG is analysed; empty picks the latest plan that started before the forward one. */
  previousId: string
}

export interface AssessmentData {
  plans: ActionPlan[]
  input: AssessmentInput | null
  sections: AssessmentSection[]
  cached: CachedStats | null
}

/** The document id of one narrative section: one per plan, stage and section. */
export function narrativeId(planId: string, stage: Stage, section: string): string {
  return compositeId(planId, stage, section)
}

/** The earlier plan a Stage Two submission reviews: the latest that started before `plan`. */
export function defaultPrevious(plans: readonly ActionPlan[], plan: ActionPlan): ActionPlan | null {
  return (
    plans
      .filter((p) => !p.deleted && p.id !== plan.id && p.startDate < plan.startDate)
      .sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null
  )
}

export async function loadAssessment(database: HubDb, choice: AssessmentChoice, now: number): Promise<AssessmentData> {
  const plans = (await database.plans.toArray()).filter((p) => !p.deleted).sort((a, b) => b.startDate.localeCompare(a.startDate))
  const plan = plans.find((p) => p.id === choice.planId) ?? pickCurrentPlan(plans, { includeDrafts: true })
  const cached = await readCachedStats(database)
  if (!plan) return { plans, input: null, sections: [], cached }
  const stage: Stage = choice.stage || plan.stage
  const previousPlan = stage === 'two' ? (plans.find((p) => p.id === choice.previousId) ?? defaultPrevious(plans, plan)) : null
  const bundle = async (p: ActionPlan): Promise<PlanBundle> => {
    const d = await loadPlanData(database, p)
    return { plan: p, actions: d.actions, changes: d.changes }
  }
  const [current, previous, ideas, comments, votes, institutions, members, sections] = await Promise.all([
    bundle(plan),
    previousPlan ? bundle(previousPlan) : Promise.resolve(null),
    database.ideas.toArray(),
    database.comments.toArray(),
    database.votes.toArray(),
    database.institutions.toArray(),
    database.members.toArray(),
    database.assessments.where('planId').equals(plan.id).toArray(),
  ])
  const live = <T extends { deleted: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted)
  const mine = live(sections).filter((s) => s.stage === stage)
  return {
    plans,
    cached,
    sections: mine,
    input: {
      stage,
      now,
      institution: institutions.find((i) => !i.deleted) ?? null,
      current,
      previous: stage === 'two' ? (previous ?? current) : null,
      ideas: live(ideas),
      comments: live(comments),
      votes: live(votes),
      stats: cached?.stats ?? null,
      directoryCount: live(members).length,
      narratives: Object.fromEntries(mine.map((s) => [s.section, s.body])),
      feeds: feedsFrom(members, cached),
    },
  }
}

export interface UseAssessment {
  data: ShallowRef<AssessmentData>
  model: ComputedRef<AssessmentModel | null>
}

export function useAssessment(choice: Ref<AssessmentChoice>, options: { db?: HubDb } = {}): UseAssessment {
  const database = options.db ?? defaultDb
  const data = useLiveQuery(() => loadAssessment(database, choice.value, Date.now()), {
    initial: { plans: [], input: null, sections: [], cached: null },
    deps: () => JSON.stringify(choice.value),
  })
  return { data, model: computed(() => (data.value.input ? buildAssessment(data.value.input) : null)) }
}

import { computed, ref, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import { createReads } from '@/db/read'
import { repos as defaultRepos, type Repos } from '@/db/repos'
import type { Comment, Idea, Institution, PlanAction, RagChange, Vote } from '@/domain/entities'
import { staleFedMeasures } from '@/domain/rules/measure-feeds'
import { feedsFrom } from '@/composables/use-feeds'
import { loadPlanData } from '@/composables/use-plan'
import { pickCurrentPlan } from '@/domain/rules/plan-groups'
import { readCachedStats, refreshStats, type CachedStats } from '@/db/stats-cache'

export interface DashboardLocal {
  institution: Institution | null
  planTitle: string | null
  actions: PlanAction[]
  changes: RagChange[]
  ideas: Idea[]
  comments: Comment[]
  votes: Vote[]
  cached: CachedStats | null
}

const EMPTY: DashboardLocal = {
  institution: null,
  planTitle: null,
  actions: [],
  changes: [],
  ideas: [],
  comments: [],
  votes: [],
  cached: null,
}

export async function loadDashboard(database: HubDb): Promise<DashboardLocal> {
  const reads = createReads(database)
  const [institutions, plans, ideas, comments, votes, cached] = await Promise.all([
    reads.institutions.all(),
    reads.plans.all(),
    reads.ideas.all(),
    reads.comments.all(),
    reads.votes.all(),
    readCachedStats(database),
  ])
  const plan = await loadPlanData(reads, pickCurrentPlan(plans, { includeDrafts: true }))
  return {
    institution: institutions[0] ?? null,
    planTitle: plan.plan?.title ?? null,
    actions: plan.actions,
    changes: plan.changes,
    ideas,
    comments,
    votes,
    cached,
  }
}

/** Why the last refresh failed: offline (the last figures shown), or the fetch failed with `detail`. */
export type RefreshError = { kind: 'offline' } | { kind: 'failed'; detail: string }

export interface UseDashboard {
  local: ShallowRef<DashboardLocal>
  refreshing: Ref<boolean>
  error: Ref<RefreshError | null>
  stale: ComputedRef<boolean>
  refresh(): Promise<void>
}

const STALE_MS = 60 * 60 * 1000

/**
 * The dashboard's data: local figures live, and the server's aggregate figures cached on the
 * device. A refresh also writes fed success measures back to their actions (a lead's device is
 * the only one that can compute them), so every member sees the same progress.
 */
export function useDashboard(options: { db?: HubDb; repos?: Pick<Repos, 'actions'> } = {}): UseDashboard {
  const database = options.db ?? defaultDb
  const repos = options.repos ?? defaultRepos
  const local = useLiveQuery(() => loadDashboard(database), { initial: EMPTY })
  const refreshing = ref(false)
  const error = ref<RefreshError | null>(null)
  const stale = computed(() => !local.value.cached || Date.now() - local.value.cached.fetchedAt > STALE_MS)
  return { local, refreshing, error, stale, refresh }

  async function refresh(): Promise<void> {
    refreshing.value = true
    error.value = null
    try {
      const cached = await refreshStats(database)
      const members = await createReads(database).members.all()
      const plan = await loadDashboard(database)
      for (const update of staleFedMeasures(plan.actions, feedsFrom(members, cached)))
        await repos.actions.patch(update.actionId, { measures: update.measures })
    } catch (e) {
      error.value =
        navigator.onLine === false ? { kind: 'offline' } : { kind: 'failed', detail: e instanceof Error ? e.message : String(e) }
    } finally {
      refreshing.value = false
    }
  }
}

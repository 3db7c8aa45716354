/** The leads' plan screens: what they read (plans, a plan's actions, the import target), live. */
import type { Ref, ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
import type { ActionPlan, PlanAction } from '@/domain/entities'
import { compareActionCodes } from '@/domain/rules/rag'

/** Every plan, newest start first. */
export function usePlans(reads: Reads = defaultReads): ShallowRef<ActionPlan[]> {
  return useLiveQuery(async () => (await reads.plans.all()).sort((a, b) => b.startDate.localeCompare(a.startDate)), {
    initial: [] as ActionPlan[],
  })
}

/** A plan's actions in code order (none without a plan). */
export function usePlanActions(planId: () => string | undefined, reads: Reads = defaultReads): ShallowRef<PlanAction[]> {
  return useLiveQuery(
    async () => {
      const id = planId()
      return id ? (await reads.actions.where('planId', id)).sort((a, b) => compareActionCodes(a.code, b.code)) : []
    },
    { initial: [] as PlanAction[], deps: planId },
  )
}

export interface ImportTarget {
  plan: ActionPlan | null
  existing: { id: string; code: string }[]
}

/** The plan a CSV is imported into, with the codes it already has. */
export function useImportTarget(planId: Ref<string>, reads: Reads = defaultReads): ShallowRef<ImportTarget> {
  return useLiveQuery(
    async () => {
      const plan = planId.value ? await reads.plans.get(planId.value) : undefined
      const actions = plan ? await reads.actions.where('planId', plan.id) : []
      return { plan: plan ?? null, existing: actions.map((a) => ({ id: a.id, code: a.code })) }
    },
    { initial: { plan: null, existing: [] } as ImportTarget, deps: planId },
  )
}

/** Names of the members with these uids, from the directory (a uid not found has none). */
export function useMemberNames(uids: () => readonly string[], reads: Reads = defaultReads): ShallowRef<Record<string, string>> {
  return useLiveQuery(
    async () => {
      const unique = [...new Set(uids())]
      const found = await Promise.all(unique.map((uid) => reads.members.get(uid)))
      return Object.fromEntries(found.flatMap((m, i) => (m?.displayName ? [[unique[i]!, m.displayName]] : [])))
    },
    { initial: {} as Record<string, string>, deps: () => uids().join(',') },
  )
}

/** The institution's members to choose from (an action's owner in the app), by name. */
export function useMemberChoices(reads: Reads = defaultReads): ShallowRef<{ uid: string; name: string }[]> {
  return useLiveQuery(
    async () =>
      (await reads.members.all())
        .filter((m) => m.displayName)
        .map((m) => ({ uid: m.id, name: m.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    { initial: [] as { uid: string; name: string }[] },
  )
}

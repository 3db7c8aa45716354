/** The leads' plan writes: plans, actions and the idea an action adopts (queued for sync). */
import { repos as defaultRepos, type Repos } from '@/db/repos'
import type { ActionPlan, PlanAction } from '@/domain/entities'
import { withCheckIn } from '@/domain/rules/measure-history'
import type { ActionFormFields } from './action-form'
import type { PlanFormFields } from './plan-form'

type Translate = (key: string, named?: Record<string, unknown>, options?: { locale?: string }) => string

/** Saves a plan: only what changed since the form `loaded` it, or a new plan. */
export async function savePlan(
  existing: { plan: ActionPlan; loaded: ActionPlan } | null,
  fields: PlanFormFields,
  repos: Pick<Repos, 'plans'> = defaultRepos,
): Promise<ActionPlan> {
  return existing ? ((await repos.plans.patchFrom(existing.plan.id, existing.loaded, fields)) ?? existing.plan) : repos.plans.create(fields)
}

/** Saves an action: only what changed since it was loaded (success measures element by element), or a new one. */
export async function saveAction(
  existing: PlanAction | null,
  fields: ActionFormFields,
  repos: Pick<Repos, 'actions'> = defaultRepos,
): Promise<PlanAction> {
  return existing ? ((await repos.actions.patchFrom(existing.id, existing, fields)) ?? existing) : repos.actions.create(fields)
}

/**
 * Records one reading of a success measure by `byUid` (only this measure's check-ins travel, as
 * one added element); a measure kept by hand takes it as its current value when it is the latest.
 */
export async function addCheckIn(
  action: PlanAction,
  measureId: string,
  reading: { value: number; date: string; byUid: string; note?: string },
  repos: Pick<Repos, 'actions'> = defaultRepos,
): Promise<PlanAction> {
  const measures = withCheckIn(action.measures, measureId, reading)
  return (await repos.actions.patchFrom(action.id, { measures: action.measures }, { measures })) ?? action
}

export function removeAction(id: string, repos: Pick<Repos, 'actions'> = defaultRepos): Promise<void> {
  return repos.actions.remove(id)
}

/**
 * Marks an idea adopted by a new action, with a response to technicians in English and, when the
 * Welsh messages are loaded, in Welsh too.
 */
export async function adoptIdea(
  ideaId: string,
  action: Pick<PlanAction, 'id' | 'code'>,
  words: { t: Translate; te: (key: string, locale?: string) => boolean },
  repos: Pick<Repos, 'ideas'> = defaultRepos,
): Promise<void> {
  const key = 'planAdmin.action.adoptedResponse'
  const named = { code: action.code }
  await repos.ideas.patch(ideaId, {
    status: 'adopted',
    adoptedActionId: action.id,
    response: words.t(key, named, { locale: 'en' }),
    ...(words.te(key, 'cy') ? { responseCy: words.t(key, named, { locale: 'cy' }) } : {}),
  })
}

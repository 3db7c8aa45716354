/** What the action editor starts from: the action (or a new one in a plan, maybe promoted from an idea). */
import { reads as defaultReads, type Reads } from '@/db/read'
import type { ActionPlan, PlanAction } from '@/domain/entities'
import type { ActionFormValues } from './action-form'

export interface ActionEditData {
  action: PlanAction | null
  plan: ActionPlan | null
  /** The plan's other live actions (parents to choose, codes already taken). */
  siblings: PlanAction[]
  /** Starting values for a new action. */
  prefill: Partial<ActionFormValues>
}

export async function loadActionEdit(
  q: { actionId: string; planId?: string; ideaId?: string; parentId?: string },
  reads: Reads = defaultReads,
): Promise<ActionEditData> {
  const action = (q.actionId === 'new' ? undefined : await reads.actions.get(q.actionId)) ?? null
  const planId = action?.planId ?? q.planId
  const plan = planId ? ((await reads.plans.get(planId)) ?? null) : null
  if (!plan) return { action, plan: null, siblings: [], prefill: {} }
  const siblings = await reads.actions.where('planId', plan.id)
  const prefill: Partial<ActionFormValues> = {}
  if (q.parentId) prefill.parentId = q.parentId
  const idea = q.ideaId ? await reads.ideas.get(q.ideaId) : undefined
  if (idea) {
    // An idea promoted to an action: its words become the activity, its theme the action's.
    prefill.activity = idea.body ? `${idea.title}: ${idea.body}` : idea.title
    const about = idea.actionId ? siblings.find((a) => a.id === idea.actionId) : undefined
    prefill.themes = idea.theme ? [idea.theme] : about ? [...about.themes] : []
  }
  return { action, plan, siblings, prefill }
}

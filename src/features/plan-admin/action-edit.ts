/** What the action editor starts from: the action (or a new one in a plan, maybe promoted from an idea). */
import type { HubDb } from '@/db/database'
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
  db: HubDb,
  q: { actionId: string; planId?: string; ideaId?: string; parentId?: string },
): Promise<ActionEditData> {
  const found = q.actionId === 'new' ? undefined : await db.actions.get(q.actionId)
  const action = found && !found.deleted ? found : null
  const planId = action?.planId ?? q.planId
  const plan = planId ? ((await db.plans.get(planId)) ?? null) : null
  if (!plan || plan.deleted) return { action, plan: null, siblings: [], prefill: {} }
  const siblings = (await db.actions.where('planId').equals(plan.id).toArray()).filter((a) => !a.deleted)
  const prefill: Partial<ActionFormValues> = {}
  if (q.parentId) prefill.parentId = q.parentId
  const idea = q.ideaId ? await db.ideas.get(q.ideaId) : undefined
  if (idea && !idea.deleted) {
    // An idea promoted to an action: its words become the activity, its theme the action's.
    prefill.activity = idea.body ? `${idea.title}: ${idea.body}` : idea.title
    const about = idea.actionId ? siblings.find((a) => a.id === idea.actionId) : undefined
    prefill.themes = idea.theme ? [idea.theme] : about ? [...about.themes] : []
  }
  return { action, plan, siblings, prefill }
}

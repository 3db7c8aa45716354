import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { Idea, PlanAction, Vote } from '@/domain/entities'

export interface IdeasData {
  ideas: Idea[]
  votes: Vote[]
  /** Live actions by id, to link ideas to the actions they are about or became. */
  actions: Map<string, PlanAction>
  /** Member uid → display name (hidden members are absent). */
  names: Map<string, string>
}

const EMPTY: IdeasData = { ideas: [], votes: [], actions: new Map(), names: new Map() }

/** Live ideas (optionally those about one action, or adopted as it) with their votes, actions and authors' names. */
export async function loadIdeas(database: HubDb, actionId?: string): Promise<IdeasData> {
  const ideas = (await database.ideas.toArray()).filter(
    (i) => !i.deleted && (!actionId || i.actionId === actionId || i.adoptedActionId === actionId),
  )
  const [votes, actions, members] = await Promise.all([
    database.votes
      .where('ideaId')
      .anyOf(ideas.map((i) => i.id))
      .toArray(),
    database.actions.toArray(),
    database.members.toArray(),
  ])
  return {
    ideas,
    votes: votes.filter((v) => !v.deleted),
    actions: new Map(actions.filter((a) => !a.deleted).map((a) => [a.id, a])),
    names: new Map(members.filter((m) => !m.deleted).map((m) => [m.id, m.displayName])),
  }
}

export function useIdeas(options: { db?: HubDb; actionId?: () => string | undefined } = {}): ShallowRef<IdeasData> {
  const database = options.db ?? defaultDb
  return useLiveQuery(() => loadIdeas(database, options.actionId?.()), { initial: EMPTY, deps: () => options.actionId?.() })
}

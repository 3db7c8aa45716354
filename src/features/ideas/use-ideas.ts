import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
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
export async function loadIdeas(reads: Reads, actionId?: string): Promise<IdeasData> {
  const ideas = (await reads.ideas.all()).filter((i) => !actionId || i.actionId === actionId || i.adoptedActionId === actionId)
  const [votes, actions, members] = await Promise.all([
    reads.votes.anyOf(
      'ideaId',
      ideas.map((i) => i.id),
    ),
    reads.actions.all(),
    reads.members.all(),
  ])
  return {
    ideas,
    votes,
    actions: new Map(actions.map((a) => [a.id, a])),
    names: new Map(members.map((m) => [m.id, m.displayName])),
  }
}

export function useIdeas(options: { reads?: Reads; actionId?: () => string | undefined } = {}): ShallowRef<IdeasData> {
  const reads = options.reads ?? defaultReads
  return useLiveQuery(() => loadIdeas(reads, options.actionId?.()), { initial: EMPTY, deps: () => options.actionId?.() })
}

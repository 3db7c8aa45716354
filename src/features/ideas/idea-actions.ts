/** The writes of the ideas feature (components call these, never the repositories). */
import { repos } from '@/db/repos'
import type { NewIdea } from './idea-form'
import type { IdeaResponsePatch } from './idea-response'
import { toggleVote } from './votes'

/** Saves a member's new idea (open, unanswered); it syncs when online. */
export async function proposeIdea(idea: NewIdea, authorUid: string, now = Date.now()): Promise<void> {
  await repos.ideas.create({ ...idea, authorUid, status: 'open', createdAt: now })
}

/** A lead's response (adopt, decline, reply). */
export async function respondToIdea(ideaId: string, patch: IdeaResponsePatch): Promise<void> {
  await repos.ideas.patch(ideaId, patch)
}

/** Votes for an idea, or withdraws the member's vote. */
export function vote(ideaId: string, uid: string): Promise<'voted' | 'withdrawn'> {
  return toggleVote(repos, ideaId, uid)
}

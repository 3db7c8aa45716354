/**
 * The technician voice on the action plan: vote tallies (one vote per member per idea, enforced
 * when counting, whatever the sync layer delivered), ideas ranked for leads, the "you said, we did"
 * list, and the dated counts the self-assessment cites.
 */
import type { Comment, Idea, PlanAction, Vote } from '../entities'

type VoteLike = Pick<Vote, 'ideaId' | 'voterUid' | 'createdAt' | 'deleted'>

/**
 * Votes per idea id, counting each member at most once per idea and ignoring withdrawn
 * (tombstoned) votes.
 */
export function tallyVotes(votes: readonly VoteLike[]): Map<string, number> {
  const voters = new Map<string, Set<string>>()
  for (const vote of votes) {
    if (vote.deleted) continue
    const set = voters.get(vote.ideaId) ?? new Set<string>()
    set.add(vote.voterUid)
    voters.set(vote.ideaId, set)
  }
  return new Map([...voters].map(([ideaId, set]) => [ideaId, set.size]))
}

/** Whether `uid` has a live vote on an idea (to show "voted" and offer to withdraw). */
export function hasVoted(votes: readonly VoteLike[], ideaId: string, uid: string): boolean {
  return votes.some((v) => !v.deleted && v.ideaId === ideaId && v.voterUid === uid)
}

export interface RankedIdea {
  idea: Idea
  votes: number
}

/** Live ideas with their votes, most voted first, then oldest first (it has waited longest). */
export function rankIdeas(ideas: readonly Idea[], votes: readonly VoteLike[], status?: Idea['status']): RankedIdea[] {
  const tally = tallyVotes(votes)
  return ideas
    .filter((i) => !i.deleted && (status === undefined || i.status === status))
    .map((idea) => ({ idea, votes: tally.get(idea.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.idea.createdAt - b.idea.createdAt || a.idea.id.localeCompare(b.idea.id))
}

export interface YouSaidWeDid {
  idea: Idea
  /** The action the idea became; null if it was adopted without one or the action is gone. */
  action: PlanAction | null
  votes: number
}

/** Adopted ideas with the action they became, most recently updated first. */
export function youSaidWeDid(ideas: readonly Idea[], actions: readonly PlanAction[], votes: readonly VoteLike[] = []): YouSaidWeDid[] {
  const live = new Map(actions.filter((a) => !a.deleted).map((a) => [a.id, a]))
  const tally = tallyVotes(votes)
  return ideas
    .filter((i) => !i.deleted && i.status === 'adopted')
    .map((idea) => ({ idea, action: (idea.adoptedActionId && live.get(idea.adoptedActionId)) || null, votes: tally.get(idea.id) ?? 0 }))
    .sort((a, b) => b.idea.updatedAt - a.idea.updatedAt || b.idea.createdAt - a.idea.createdAt)
}

export interface VoiceCounts {
  ideas: number
  comments: number
  votes: number
  adoptedIdeas: number
  /** Distinct members who proposed, commented or voted. */
  contributors: number
}

/**
 * Counts of the technician voice created in `[from, to]` (ms, inclusive; open-ended if omitted),
 * for the self-assessment's dated evidence. Votes count once per member per idea.
 */
export function technicianVoiceCounts(
  data: { ideas: readonly Idea[]; comments: readonly Comment[]; votes: readonly VoteLike[] },
  range: { from?: number; to?: number } = {},
): VoiceCounts {
  const inRange = (t: number) => t >= (range.from ?? Number.NEGATIVE_INFINITY) && t <= (range.to ?? Number.POSITIVE_INFINITY)
  const ideas = data.ideas.filter((i) => !i.deleted && inRange(i.createdAt))
  const comments = data.comments.filter((c) => !c.deleted && inRange(c.createdAt))
  const votes = data.votes.filter((v) => !v.deleted && inRange(v.createdAt))
  const contributors = new Set([...ideas.map((i) => i.authorUid), ...comments.map((c) => c.authorUid), ...votes.map((v) => v.voterUid)])
  return {
    ideas: ideas.length,
    comments: comments.length,
    votes: [...tallyVotes(votes).values()].reduce((a, b) => a + b, 0),
    adoptedIdeas: ideas.filter((i) => i.status === 'adopted').length,
    contributors: contributors.size,
  }
}

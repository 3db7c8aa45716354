/** One vote per member per idea: the vote's id is `${ideaId}__${uid}`, so a second vote is the same document. */
import type { Repos } from '@/db/repos'
import { compositeId } from '@/domain/ids'

export function voteId(ideaId: string, uid: string): string {
  return compositeId(ideaId, uid)
}

/** Votes for an idea, or withdraws the member's vote when they already voted. */
export async function toggleVote(
  repos: Pick<Repos, 'votes'>,
  ideaId: string,
  uid: string,
  now = Date.now(),
): Promise<'voted' | 'withdrawn'> {
  const id = voteId(ideaId, uid)
  if (await repos.votes.get(id)) {
    await repos.votes.remove(id)
    return 'withdrawn'
  }
  await repos.votes.create({ ideaId, voterUid: uid, createdAt: now }, id)
  return 'voted'
}

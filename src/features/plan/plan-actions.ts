/** The plan's writes from members' and leads' devices: comments and RAG changes (queued for sync). */
import { repos as defaultRepos, type Repos } from '@/db/repos'
import type { Comment } from '@/domain/entities'

export function postComment(
  comment: Pick<Comment, 'authorUid' | 'authorName' | 'targetType' | 'targetId' | 'body'>,
  repos: Pick<Repos, 'comments'> = defaultRepos,
): Promise<Comment> {
  return repos.comments.create({ ...comment, createdAt: Date.now() })
}

export async function removeComment(id: string, repos: Pick<Repos, 'comments'> = defaultRepos): Promise<void> {
  await repos.comments.remove(id)
}

export function saveRagChange(change: Parameters<Repos['ragChanges']['create']>[0], repos: Pick<Repos, 'ragChanges'> = defaultRepos) {
  return repos.ragChanges.create(change)
}

/** A comment thread (on an action or an idea): its comments live, oldest first. */
import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
import type { Comment } from '@/domain/entities'
import { byCodeUnits } from '@/domain/rules/order'

export async function loadComments(reads: Reads, targetId: string): Promise<Comment[]> {
  return (await reads.comments.where('targetId', targetId)).sort((a, b) => a.createdAt - b.createdAt || byCodeUnits(a.id, b.id))
}

export function useComments(targetId: () => string, options: { reads?: Reads } = {}): ShallowRef<Comment[]> {
  const reads = options.reads ?? defaultReads
  return useLiveQuery(() => loadComments(reads, targetId()), { initial: [] as Comment[], deps: targetId })
}

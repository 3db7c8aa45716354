/** Home's "actions you commented on have changed": live notices for the signed-in member, and marking them seen. */
import { computed, type ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { useMe } from '@/composables/use-me'
import { readMeta, writeMeta } from '@/db/meta'
import { reads as defaultReads, type Reads } from '@/db/read'
import { statusNotices, type StatusNotice } from '@/domain/rules/notices'

const seenKey = (uid: string) => `planNoticesSeenAt:${uid}`

/** The member's notices: RAG changes on actions they commented on, since they last marked them seen. */
export async function loadPlanNotices(
  reads: Reads,
  uid: string,
  seen: (key: string) => Promise<unknown> = readMeta,
): Promise<StatusNotice[]> {
  const mine = (await reads.comments.where('authorUid', uid)).filter((c) => c.targetType === 'action')
  const ids = [...new Set(mine.map((c) => c.targetId))]
  const [actions, changes, seenAt] = await Promise.all([
    reads.actions.getMany(ids),
    reads.ragChanges.anyOf('actionId', ids),
    seen(seenKey(uid)),
  ])
  return statusNotices(uid, { comments: mine, actions, changes }, typeof seenAt === 'number' ? seenAt : 0)
}

export function usePlanNotices(options: { reads?: Reads } = {}): { notices: ShallowRef<StatusNotice[]>; markSeen: () => Promise<void> } {
  const reads = options.reads ?? defaultReads
  const me = useMe()
  const uid = computed(() => me.uid.value)
  const notices = useLiveQuery(async () => (uid.value ? loadPlanNotices(reads, uid.value) : []), { initial: [], deps: () => uid.value })
  return {
    notices,
    markSeen: async () => {
      if (uid.value) await writeMeta(seenKey(uid.value), Date.now())
    },
  }
}

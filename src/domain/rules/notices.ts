/**
 * In-app notices for technicians: an action they commented on changed status since they
 * commented (and since they last dismissed the notices on this device).
 */
import type { Comment, PlanAction, RagChange, RagStatus } from '@/domain/entities'
import { ragHistory } from '@/domain/rules/rag'

export interface StatusNotice {
  action: PlanAction
  change: RagChange
  /** The status before this change; null when the action had never been rated. */
  from: RagStatus | null
}

/** Status changes of actions `uid` commented on, made after their first comment and after `seenAt`; newest first. */
export function statusNotices(
  uid: string,
  data: { comments: readonly Comment[]; actions: readonly PlanAction[]; changes: readonly RagChange[] },
  seenAt = 0,
): StatusNotice[] {
  const firstComment = new Map<string, number>()
  for (const c of data.comments) {
    if (c.deleted || c.authorUid !== uid || c.targetType !== 'action') continue
    firstComment.set(c.targetId, Math.min(firstComment.get(c.targetId) ?? Number.POSITIVE_INFINITY, c.createdAt))
  }
  const notices: StatusNotice[] = []
  for (const action of data.actions) {
    const since = firstComment.get(action.id)
    if (since === undefined || action.deleted) continue
    const history = ragHistory(data.changes, action.id)
    let latest: StatusNotice | null = null
    history.forEach((change, k) => {
      const from = history[k - 1]?.status ?? null
      if (change.at > since && change.at > seenAt && change.byUid !== uid && change.status !== from) latest = { action, change, from }
    })
    if (latest) notices.push(latest)
  }
  return notices.sort((a, b) => b.change.at - a.change.at)
}

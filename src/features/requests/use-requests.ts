import { computed, type ComputedRef, type Ref } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { CpdEntry, SkillShareRequest } from '@/domain/entities'
import { lastActivity } from './requests'

export interface RequestRow {
  request: SkillShareRequest
  /** The other person's name, or a neutral word when they are not (or no longer) listed. */
  otherName: string
  role: 'learner' | 'teacher'
}

/** My skill-share requests, both ways, newest activity first, and my CPD entries (for the offers). */
export function useRequests(
  uid: Ref<string | null>,
  options: { db?: HubDb } = {},
): { rows: ComputedRef<RequestRow[]>; cpd: Readonly<Ref<CpdEntry[]>>; loaded: ComputedRef<boolean> } {
  const db = options.db ?? defaultDb
  const data = useLiveQuery(
    async () => {
      const me = uid.value
      if (!me) return null
      const requests = await db.requests.where('learnerUid').equals(me).or('teacherUid').equals(me).toArray()
      const others = [...new Set(requests.map((r) => (r.learnerUid === me ? r.teacherUid : r.learnerUid)))]
      const people = await db.members.bulkGet(others)
      const names = new Map(people.filter((p) => p && !p.deleted && p.visibility === 'institution').map((p) => [p!.id, p!.displayName]))
      return { me, requests, names }
    },
    { initial: null, deps: uid },
  )
  const cpd = useLiveQuery(() => db.cpd.toArray(), { initial: [] as CpdEntry[] })
  const rows = computed(() => {
    const d = data.value
    if (!d) return []
    return d.requests
      .filter((r) => !r.deleted)
      .sort((a, b) => lastActivity(b) - lastActivity(a))
      .map((request): RequestRow => {
        const role = request.teacherUid === d.me ? 'teacher' : 'learner'
        const other = role === 'teacher' ? request.learnerUid : request.teacherUid
        return { request, role, otherName: d.names.get(other) ?? 'A colleague' }
      })
  })
  return { rows, cpd, loaded: computed(() => data.value !== null) }
}

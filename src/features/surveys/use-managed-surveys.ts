import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads } from '@/db/read'
import type { Survey } from '@/domain/entities'
import { byCodeUnits } from '@/domain/rules/order'

const ORDER: Record<Survey['status'], number> = { draft: 0, open: 1, closed: 2 }

/** Organisers: every survey of the institution (drafts first, then open, then closed; newest first). */
export function useManagedSurveys(): ShallowRef<Survey[]> {
  return useLiveQuery(
    async () => (await reads.surveys.all()).sort((a, b) => ORDER[a.status] - ORDER[b.status] || byCodeUnits(b.opensAt, a.opensAt)),
    { initial: [] as Survey[] },
  )
}

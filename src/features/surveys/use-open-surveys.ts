import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { Survey } from '@/domain/entities'
import { isoDateOf, type Clock } from '@/domain/rules/dates'

/** Surveys open today, closing soonest first. */
export function useOpenSurveys(options: { db?: HubDb; now?: () => Clock } = {}): ShallowRef<readonly Survey[]> {
  const database = options.db ?? defaultDb
  const now = options.now ?? Date.now
  return useLiveQuery<readonly Survey[]>(
    async () => {
      const today = isoDateOf(now())
      const open = await database.surveys
        .where('status')
        .equals('open')
        .filter((s) => !s.deleted && s.opensAt <= today && s.closesAt >= today)
        .toArray()
      return open.sort((a, b) => a.closesAt.localeCompare(b.closesAt))
    },
    { initial: [] },
  )
}

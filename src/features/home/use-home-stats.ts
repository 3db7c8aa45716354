import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import { isoDateOf, type Clock } from '@/domain/rules/dates'

export interface HomeStats {
  cpdHoursThisYear: number
  openSurveys: number
  /** Local changes not yet accepted by the server (outbox rows). */
  pendingChanges: number
}

export interface UseHomeStatsOptions {
  db?: HubDb
  now?: () => Clock
}

/** The Home page's counts, live from the device's database. */
export function useHomeStats(options: UseHomeStatsOptions = {}): ShallowRef<HomeStats> {
  const database = options.db ?? defaultDb
  const now = options.now ?? Date.now
  return useLiveQuery(
    async () => {
      const today = isoDateOf(now())
      const year = today.slice(0, 4)
      const [cpd, openSurveys, pendingChanges] = await Promise.all([
        database.cpd
          .where('startDate')
          .between(`${year}-01-01`, `${year}-12-31`, true, true)
          .filter((e) => !e.deleted)
          .toArray(),
        database.surveys
          .where('status')
          .equals('open')
          .filter((s) => !s.deleted && s.closesAt >= today)
          .count(),
        database.outbox.count(),
      ])
      return { cpdHoursThisYear: cpd.reduce((sum, e) => sum + e.hours, 0), openSurveys, pendingChanges }
    },
    { initial: { cpdHoursThisYear: 0, openSurveys: 0, pendingChanges: 0 } },
  )
}

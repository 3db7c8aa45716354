import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { countOutbox } from '@/db/outbox'
import { reads as defaultReads, type Reads } from '@/db/read'
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
  reads?: Reads
  now?: () => Clock
}

/** The Home page's counts, live from the device's database. */
export function useHomeStats(options: UseHomeStatsOptions = {}): ShallowRef<HomeStats> {
  const database = options.db ?? defaultDb
  const reads = options.reads ?? defaultReads
  const now = options.now ?? Date.now
  return useLiveQuery(
    async () => {
      const today = isoDateOf(now())
      const year = today.slice(0, 4)
      const [cpd, surveys, pendingChanges] = await Promise.all([
        reads.cpd.all(),
        reads.surveys.where('status', 'open'),
        countOutbox(database),
      ])
      return {
        cpdHoursThisYear: cpd
          .filter((e) => e.startDate >= `${year}-01-01` && e.startDate <= `${year}-12-31`)
          .reduce((sum, e) => sum + e.hours, 0),
        openSurveys: surveys.filter((s) => s.closesAt >= today).length,
        pendingChanges,
      }
    },
    { initial: { cpdHoursThisYear: 0, openSurveys: 0, pendingChanges: 0 } },
  )
}

import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { CpdEntry } from '@/domain/entities'

/** The technician's CPD record, newest activity first, live from the device. */
export function useCpdEntries(options: { db?: HubDb } = {}): ShallowRef<readonly CpdEntry[]> {
  const database = options.db ?? defaultDb
  return useLiveQuery<readonly CpdEntry[]>(
    async () => (await database.cpd.orderBy('startDate').reverse().toArray()).filter((e) => !e.deleted),
    { initial: [] },
  )
}

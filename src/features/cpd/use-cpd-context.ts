import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { Institution } from '@/domain/entities'

/** The member's institution (its CPD year start and development-time allowance), once synced. */
export function useInstitution(options: { db?: HubDb } = {}): ShallowRef<Institution | undefined> {
  const database = options.db ?? defaultDb
  return useLiveQuery(async () => (await database.institutions.toArray()).find((i) => !i.deleted), { initial: undefined })
}

/** Ids of CPD entries with changes not yet accepted by the server (or never synced). */
export function useUnsyncedCpdIds(options: { db?: HubDb } = {}): ShallowRef<ReadonlySet<string>> {
  const database = options.db ?? defaultDb
  return useLiveQuery(
    async () => {
      const [pending, local] = await Promise.all([
        database.outbox.where('collection').equals('cpd').toArray(),
        database.cpd.filter((e) => e.version === 0).primaryKeys(),
      ])
      return new Set([...pending.map((m) => m.docId), ...local])
    },
    { initial: new Set<string>() },
  )
}

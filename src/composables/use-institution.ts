import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { createReads, reads as defaultReads } from '@/db/read'
import type { HubDb } from '@/db/database'
import type { Institution } from '@/domain/entities'

/** The member's institution (name, CPD year start, development-time allowance), once synced. */
export function useInstitution(options: { db?: HubDb } = {}): ShallowRef<Institution | undefined> {
  const reads = options.db ? createReads(options.db) : defaultReads
  return useLiveQuery(async () => (await reads.institutions.all())[0], { initial: undefined })
}

import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { Member } from '@/domain/entities'
import { filterMembers } from './filter-members'

export interface Directory {
  query: Ref<string>
  /** Everyone who chose to be visible, by name. */
  members: Readonly<Ref<readonly Member[]>>
  results: ComputedRef<readonly Member[]>
}

/** The directory of colleagues who chose to be listed, searchable by name or skill. */
export function useDirectory(options: { db?: HubDb } = {}): Directory {
  const database = options.db ?? defaultDb
  const query = ref('')
  const members = useLiveQuery<readonly Member[]>(
    () => database.members.where('visibility').equals('institution').filter((m) => !m.deleted).sortBy('displayName'),
    { initial: [] },
  )
  const results = computed(() => filterMembers(members.value, query.value))
  return { query, members, results }
}

import { computed, type ComputedRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import { useSessionStore } from '@/stores/session'

/**
 * Whose directory this device shows: the signed-in member's institution; before the session is
 * restored (or after signing out), the one institution the device holds — sync only ever brings
 * one, and a different person signing in starts from an empty store — so the directory opens at
 * once, offline too. Null for a member who has not joined yet (or a device with no directory);
 * undefined while the device is still being read.
 */
export function useDirectoryInstitution(options: { db?: HubDb } = {}): ComputedRef<string | null | undefined> {
  const db = options.db ?? defaultDb
  const session = useSessionStore()
  const local = useLiveQuery(
    async () => (await db.institutions.toCollection().first())?.id ?? (await db.members.orderBy('updatedAt').last())?.institutionId ?? null,
    { initial: undefined as string | null | undefined },
  )
  return computed(() => (session.session ? session.session.institutionId : local.value))
}

import { computed, type ComputedRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import { useSessionStore } from '@/stores/session'

export interface Me {
  uid: ComputedRef<string | null>
  /** The name shown on comments: the member's profile name, else the account's. */
  displayName: ComputedRef<string>
  isManager: ComputedRef<boolean>
  /** Signed in and a member of an institution: may comment, propose and vote. */
  isMember: ComputedRef<boolean>
}

/** Who is using the app, for the plan and ideas features. */
export function useMe(options: { db?: HubDb } = {}): Me {
  const database = options.db ?? defaultDb
  const session = useSessionStore()
  const uid = computed(() => session.session?.uid ?? null)
  const profileName = useLiveQuery(async () => (uid.value ? ((await database.profiles.get(uid.value))?.displayName ?? null) : null), {
    initial: null as string | null,
    deps: uid,
  })
  return {
    uid,
    displayName: computed(() => profileName.value ?? session.session?.displayName ?? session.session?.email.split('@')[0] ?? 'A colleague'),
    isManager: computed(() => session.isManager),
    isMember: computed(() => Boolean(session.session?.institutionId && session.session.role)),
  }
}

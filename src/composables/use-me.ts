import { computed, type ComputedRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
import { i18n } from '@/i18n'
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
export function useMe(options: { reads?: Reads } = {}): Me {
  const reads = options.reads ?? defaultReads
  const session = useSessionStore()
  const uid = computed(() => session.session?.uid ?? null)
  const profileName = useLiveQuery(async () => (uid.value ? ((await reads.profiles.get(uid.value))?.displayName ?? null) : null), {
    initial: null as string | null,
    deps: uid,
  })
  return {
    uid,
    displayName: computed(
      () => profileName.value ?? session.session?.displayName ?? session.session?.email.split('@')[0] ?? i18n.global.t('common.colleague'),
    ),
    isManager: computed(() => session.isManager),
    isMember: computed(() => Boolean(session.session?.institutionId && session.session.role)),
  }
}

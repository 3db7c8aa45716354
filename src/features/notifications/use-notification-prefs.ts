import { computed, type ComputedRef, type Ref } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { notificationWrites } from '@/db/notifications'
import { reads as defaultReads, type Reads } from '@/db/read'
import { PREFS_ID, type NotificationPrefs } from '@/domain/notifications'

export interface PrefsDeps {
  reads?: Reads
  writes?: Pick<typeof notificationWrites, 'savePrefs'>
}

/** The member's saved notification preferences (null: none saved yet, defaults apply). */
export function useNotificationPrefs(
  uid: Ref<string | null>,
  deps: PrefsDeps = {},
): { prefs: ComputedRef<NotificationPrefs | null>; loaded: ComputedRef<boolean> } {
  const reads = deps.reads ?? defaultReads
  const stored = useLiveQuery(async () => (uid.value ? ((await reads.notificationPrefs.get(PREFS_ID)) ?? 'none') : null), {
    initial: null as NotificationPrefs | 'none' | null,
    deps: uid,
  })
  return {
    prefs: computed(() => (stored.value === 'none' ? null : stored.value)),
    loaded: computed(() => stored.value !== null),
  }
}

/** Saves the preferences on this device (queued for sync). */
export async function savePrefs(prefs: Pick<NotificationPrefs, 'kinds' | 'quiet' | 'timeZone'>, deps: PrefsDeps = {}): Promise<void> {
  await (deps.writes ?? notificationWrites).savePrefs(prefs)
}

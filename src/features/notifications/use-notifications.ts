import { computed, type ComputedRef, type Ref } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { notificationWrites } from '@/db/notifications'
import { reads as defaultReads, type Reads } from '@/db/read'
import { unreadCount, type Notification } from '@/domain/notifications'
import { byCodeUnits } from '@/domain/rules/order'

export interface NotificationDeps {
  reads?: Reads
  writes?: Pick<typeof notificationWrites, 'markRead' | 'markAllRead'>
}

/** The member's notifications on this device, newest first, and how many are unread. */
export function useNotifications(
  uid: Ref<string | null>,
  deps: NotificationDeps = {},
): { notifications: ComputedRef<Notification[]>; unread: ComputedRef<number>; loaded: ComputedRef<boolean> } {
  const reads = deps.reads ?? defaultReads
  const list = useLiveQuery(async () => (uid.value ? reads.notifications.all() : null), {
    initial: null as Notification[] | null,
    deps: uid,
  })
  const notifications = computed(() => [...(list.value ?? [])].sort((a, b) => b.createdAt - a.createdAt || byCodeUnits(b.id, a.id)))
  return {
    notifications,
    unread: computed(() => unreadCount(notifications.value)),
    loaded: computed(() => list.value !== null),
  }
}

/** Marks one notification read (opening it does); syncs to the member's other devices. */
export async function markRead(id: string, deps: NotificationDeps = {}): Promise<void> {
  await (deps.writes ?? notificationWrites).markRead([id])
}

/** Marks every unread notification read. Returns how many changed. */
export async function markAllRead(deps: NotificationDeps = {}): Promise<number> {
  return (deps.writes ?? notificationWrites).markAllRead()
}

/**
 * The unread count for the shell (header link and the installed app's icon). The shell is in the
 * entry chunk, so the local database is imported here lazily, after first paint.
 */

interface BadgeNavigator {
  setAppBadge?(count?: number): Promise<void>
  clearAppBadge?(): Promise<void>
}

/** Shows `count` on the installed app's icon (Badging API, where the browser has it); 0 clears it. */
export function showAppBadge(count: number, nav: BadgeNavigator = navigator as BadgeNavigator): void {
  const done = count > 0 ? nav.setAppBadge?.(count) : nav.clearAppBadge?.()
  // Refused when the app is not installed or the permission is missing: the header still shows it.
  void done?.catch(() => undefined)
}

/** Calls `onCount` with the unread count now and on every change (any tab); returns the stop function. */
export async function watchUnread(onCount: (count: number) => void): Promise<() => void> {
  const [{ liveQuery }, { reads }, { unreadCount }] = await Promise.all([
    import('dexie'),
    import('@/db/read'),
    import('@/domain/notifications'),
  ])
  const subscription = liveQuery(() => reads.notifications.all()).subscribe({
    next: (list) => onCount(unreadCount(list)),
    error: (error: unknown) => console.error('Unread count failed', error),
  })
  return () => subscription.unsubscribe()
}

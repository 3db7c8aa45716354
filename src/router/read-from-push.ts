import type { Router } from 'vue-router'

/** The query parameter a tapped push notification's link carries (src/sw/push-handler.ts READ_PARAM). */
const READ_PARAM = 'read'

/** Marks a notification read; loaded only when a tapped notification opens the app. */
const markNotificationRead = async (id: string): Promise<void> => (await import('@/features/notifications/use-notifications')).markRead(id)

/**
 * A tapped push notification opens its link with `?read=<id>`: that notification is read, as opening
 * it in the inbox makes it, and the address loses the parameter.
 */
export function markReadFromPush(router: Router, markRead: (id: string) => Promise<void> = markNotificationRead): void {
  router.beforeEach((to) => {
    const id = to.query[READ_PARAM]
    if (typeof id !== 'string') return
    void markRead(id).catch(() => undefined)
    const query = { ...to.query }
    delete query[READ_PARAM]
    return { path: to.path, hash: to.hash, query, replace: true }
  })
}

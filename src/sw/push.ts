/**
 * Entry of the service worker's push script (bundled as public `sw-push.js`, imported by the
 * Workbox worker): the `push` and `notificationclick` handlers over src/sw/push-handler.ts.
 */
import { pushTitle as cyTitles } from '../locales/cy/notifications.json'
import { pushTitle as enTitles } from '../locales/en/notifications.json'
import { openFromNotification, showPush, type PushScope, type PushWords } from './push-handler'

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface PushEventLike extends ExtendableEventLike {
  data: { json(): unknown } | null
}
interface NotificationEventLike extends ExtendableEventLike {
  notification: { close(): void; data: { link?: unknown; id?: unknown } | null }
}

const scope = self as unknown as PushScope & EventTarget
const words: Record<'en' | 'cy', PushWords> = { en: enTitles, cy: cyTitles }

scope.addEventListener('push', (event) => {
  const e = event as PushEventLike
  let data: unknown = null
  try {
    data = e.data?.json() ?? null
  } catch {
    data = null
  }
  e.waitUntil(showPush(scope, data, words))
})

scope.addEventListener('notificationclick', (event) => {
  const e = event as NotificationEventLike
  e.notification.close()
  e.waitUntil(openFromNotification(scope, e.notification.data?.link, e.notification.data?.id))
})

/**
 * Web Push subscriptions on the server (issue 15): `savePushSubscription` stores this device's
 * subscription (users/{uid}/pushSubscriptions, which no client reads), `deletePushSubscription`
 * removes it. The VAPID public key the browser subscribes with comes from the build
 * (`VITE_VAPID_PUBLIC_KEY`; `npm start` and the test stack generate a local pair).
 */
import { httpsCallable } from 'firebase/functions'
import type { PushSubscriptionInput } from '@/domain/notifications'
import { firebase } from './app'

/** Done, or the server's refusal code (invalid, unauthenticated …), or offline. */
export type PushSubscriptionResult = { ok: true } | { ok: false; offline: boolean; code: string }

export interface NotificationsPort {
  /** The application server key for `pushManager.subscribe`, base64url; null when the build has none. */
  vapidPublicKey(): string | null
  /** Stores this device's push subscription (`PushSubscription.toJSON()` and the device's language). */
  subscribe(subscription: PushSubscriptionInput): Promise<PushSubscriptionResult>
  /** Removes this device's subscription (after `unsubscribe()` in the browser, or when push is turned off). */
  unsubscribe(endpoint: string): Promise<PushSubscriptionResult>
}

export function createFirebaseNotifications(instance?: string, env: Record<string, unknown> = import.meta.env): NotificationsPort {
  return {
    vapidPublicKey: () => (typeof env.VITE_VAPID_PUBLIC_KEY === 'string' && env.VITE_VAPID_PUBLIC_KEY ? env.VITE_VAPID_PUBLIC_KEY : null),
    subscribe: (subscription) => call('savePushSubscription', subscription),
    unsubscribe: (endpoint) => call('deletePushSubscription', { endpoint }),
  }

  async function call(name: string, data: object): Promise<PushSubscriptionResult> {
    try {
      await httpsCallable<object, unknown>(firebase(instance).functions, name, { timeout: 30_000 })(data)
      return { ok: true }
    } catch (error) {
      const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : ''
      const offline = (typeof navigator !== 'undefined' && navigator.onLine === false) || /unavailable|deadline-exceeded|network/.test(code)
      const details =
        typeof error === 'object' && error && 'details' in error ? (error as { details?: { code?: unknown } }).details : undefined
      return { ok: false, offline, code: typeof details?.code === 'string' ? details.code : offline ? 'offline' : 'unknown' }
    }
  }
}

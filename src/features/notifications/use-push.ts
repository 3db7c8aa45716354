import { onMounted, ref, type Ref } from 'vue'
import { i18n } from '@/i18n'
import { loadPlatform } from '@/platform/load'
import type { Platform } from '@/platform/firebase'

/**
 * This device's push state: the browser cannot push, the member blocked notifications, push is
 * on (a subscription the server holds) or off; `working` while turning it on or off.
 */
export type PushState = 'unsupported' | 'denied' | 'on' | 'off' | 'working'
/** Why the last attempt did not turn push on. */
export type PushProblem = 'offline' | 'failed' | null

export interface PushDeps {
  /** The browser's pieces (tests give fakes). */
  env?: PushEnv
  port?: () => Promise<Platform['notifications']>
  locale?: () => string
}

export interface PushEnv {
  online(): boolean
  permission(): NotificationPermission | null
  requestPermission(): Promise<NotificationPermission>
  /** The service worker's registration, or null without one (development, unsupported browsers). */
  registration(): Promise<Pick<ServiceWorkerRegistration, 'pushManager'> | null>
}

const browserEnv: PushEnv = {
  online: () => navigator.onLine,
  permission: () => (typeof Notification === 'undefined' ? null : Notification.permission),
  requestPermission: () => Notification.requestPermission(),
  registration: async () => {
    if (!('serviceWorker' in navigator) || typeof PushManager === 'undefined') return null
    return (await navigator.serviceWorker.getRegistration()) ?? null
  },
}

/**
 * Push opt-in for this device: nothing is asked until the member presses the button (never a
 * prompt on a first visit). Turning on asks the browser's permission, subscribes with the
 * server's VAPID key and gives the subscription to the server; a subscription the server did not
 * take is undone, so "on" always means the server can reach this device.
 */
export function usePush(deps: PushDeps = {}): {
  state: Ref<PushState>
  problem: Ref<PushProblem>
  turnOn: () => Promise<void>
  turnOff: () => Promise<void>
  refresh: () => Promise<void>
} {
  const env = deps.env ?? browserEnv
  const port = deps.port ?? (async () => (await loadPlatform()).notifications)
  const locale = deps.locale ?? (() => String(i18n.global.locale.value))
  const state = ref<PushState>('off')
  const problem = ref<PushProblem>(null)
  onMounted(() => void refresh())
  return { state, problem, turnOn, turnOff, refresh }

  async function refresh(): Promise<void> {
    const registration = await env.registration()
    if (!registration || env.permission() === null) state.value = 'unsupported'
    else if (env.permission() === 'denied') state.value = 'denied'
    else state.value = (await registration.pushManager.getSubscription()) ? 'on' : 'off'
  }

  async function turnOn(): Promise<void> {
    problem.value = null
    if (!env.online()) {
      problem.value = 'offline'
      return
    }
    state.value = 'working'
    try {
      const permission = await env.requestPermission()
      if (permission !== 'granted') {
        state.value = permission === 'denied' ? 'denied' : 'off'
        return
      }
      const registration = await env.registration()
      const notifications = await port()
      const key = notifications.vapidPublicKey()
      if (!registration || !key) {
        state.value = 'unsupported'
        return
      }
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }))
      const json = subscription.toJSON()
      const saved = await notifications.subscribe({
        endpoint: subscription.endpoint,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
        locale: locale() === 'cy' ? 'cy' : 'en',
      })
      if (!saved.ok) {
        await subscription.unsubscribe().catch(() => false)
        problem.value = saved.offline ? 'offline' : 'failed'
        state.value = 'off'
        return
      }
      state.value = 'on'
    } catch (error) {
      console.error('Push subscription failed', error)
      problem.value = 'failed'
      await refresh().catch(() => undefined)
      if (state.value === 'working') state.value = 'off'
    }
  }

  async function turnOff(): Promise<void> {
    problem.value = null
    state.value = 'working'
    try {
      const subscription = await (await env.registration())?.pushManager.getSubscription()
      if (subscription) {
        await subscription.unsubscribe()
        // The server forgets it now if it can; otherwise its next push gets 410 Gone and drops it.
        void port()
          .then((p) => p.unsubscribe(subscription.endpoint))
          .catch(() => undefined)
      }
    } finally {
      await refresh().catch(() => undefined)
      if (state.value === 'working') state.value = 'off'
    }
  }
}

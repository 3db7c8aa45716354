/**
 * The service worker's side of push notifications (issue 15), imported into Workbox's generated
 * worker (`importScripts('sw-push.js')`, built by scripts/vite/sw-push.ts from src/sw/push.ts).
 *
 * A push carries no words and nothing personal: `{ kind, link, id, badge }`. The worker words the
 * title from the kind in the language the app was last shown in on this device (the app keeps it
 * in Cache Storage: LOCALE_CACHE), else the device's; it sets the app badge to the unread count,
 * and a tap opens the app at the notification's link.
 */

/** Where the app leaves its language for the worker (no localStorage in a worker). */
export const LOCALE_CACHE = 'th-device'
export const LOCALE_URL = '/__th/locale'

/** The words of push titles in one language: `pushTitle` of src/locales/<l>/notifications.json. */
export interface PushWords {
  fallback: string
  body: string
  [group: string]: string | Record<string, string>
}

export interface PushPayloadIn {
  kind: string
  link: string
  id: string
  badge: number | null
}

/** What of the worker's global scope the handlers use (the DOM lib has no worker types). */
export interface PushScope {
  registration: { showNotification(title: string, options: NotificationOptions): Promise<void> }
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>
    openWindow(url: string): Promise<unknown>
  }
  navigator: { languages?: readonly string[]; setAppBadge?(count?: number): Promise<void>; clearAppBadge?(): Promise<void> }
  caches: { open(name: string): Promise<{ match(url: string): Promise<{ text(): Promise<string> } | undefined> }> }
  location: { origin: string }
}

export interface WindowClientLike {
  url: string
  focus(): Promise<unknown>
  navigate(url: string): Promise<unknown>
}

/** Reads a push's data; anything malformed still shows a notification (the browser requires one). */
export function parsePayload(json: unknown): PushPayloadIn {
  const o = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {}
  return {
    kind: typeof o.kind === 'string' ? o.kind : '',
    link: typeof o.link === 'string' && /^\/(?!\/)/.test(o.link) ? o.link : '/inbox',
    id: typeof o.id === 'string' ? o.id : '',
    badge: typeof o.badge === 'number' && Number.isFinite(o.badge) && o.badge >= 0 ? Math.floor(o.badge) : null,
  }
}

/** The title for `kind` in these words ('request.received' → words.request.received). */
export function pushTitle(kind: string, words: PushWords): string {
  const [group, name] = kind.split('.')
  const section = group ? words[group] : undefined
  const title = section && typeof section === 'object' && name ? section[name] : undefined
  return title ?? words.fallback
}

/** The app's language on this device: what the app last left in Cache Storage, else the device's. */
export async function workerLocale(scope: Pick<PushScope, 'caches' | 'navigator'>): Promise<'en' | 'cy'> {
  try {
    const stored = await (await (await scope.caches.open(LOCALE_CACHE)).match(LOCALE_URL))?.text()
    if (stored === 'en' || stored === 'cy') return stored
  } catch {
    // No Cache Storage (private mode): the device's languages decide.
  }
  return (scope.navigator.languages ?? []).some((l) => /^cy\b/i.test(l)) ? 'cy' : 'en'
}

/** Shows the notification for a push and sets the app badge. */
export async function showPush(scope: PushScope, data: unknown, words: Record<'en' | 'cy', PushWords>): Promise<void> {
  const payload = parsePayload(data)
  const w = words[await workerLocale(scope)]
  const badge = payload.badge
  await Promise.all([
    scope.registration.showNotification(pushTitle(payload.kind, w), {
      body: w.body,
      tag: payload.id || undefined,
      icon: '/pwa-192x192.png',
      badge: '/pwa-64x64.png',
      data: { link: payload.link, id: payload.id },
    }),
    badge === null ? undefined : badge > 0 ? scope.navigator.setAppBadge?.(badge) : scope.navigator.clearAppBadge?.(),
  ])
}

/** The query parameter a tapped notification's link carries: the app marks that notification read. */
export const READ_PARAM = 'read'

/**
 * Opens the app at a tapped notification's link: an open window of the app goes there and comes
 * forward; with none open, a new window opens at the link. The link carries the notification's id
 * (`?read=<id>`), so the app marks it read, as opening it from the inbox does.
 */
export async function openFromNotification(scope: PushScope, link: unknown, id?: unknown): Promise<void> {
  const payload = parsePayload({ link, id })
  const openAt = new URL(payload.link, scope.location.origin)
  if (payload.id) openAt.searchParams.set(READ_PARAM, payload.id)
  const url = openAt.href
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })
  const target = windows.find((c) => new URL(c.url).origin === scope.location.origin)
  if (target) {
    // Focusing needs the tap's permission, which a scripted click lacks: navigate regardless.
    await target.focus().catch(() => undefined)
    await target.navigate(url)
    return
  }
  await scope.clients.openWindow(url)
}

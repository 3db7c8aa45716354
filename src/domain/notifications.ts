/**
 * Notifications (issue 15): what the server tells a member happened, in their own tree
 * (`users/{uid}/notifications/{id}`), and how each member wants to hear of each kind
 * (`users/{uid}/notificationPrefs/prefs`). The server writes a notification in the same
 * transaction as the change that causes it; a client only ever marks one read (`readAt`).
 *
 * A notification holds a kind and parameters, never a sentence: the client words it in the
 * person's language (`notifications` messages), the service worker words a push from the kind.
 */
import * as v from 'valibot'
import { Millis, SYNC_META_ENTRIES, text } from './common'
import { problem } from './problems'

export const NOTIFICATION_KINDS = [
  'request.received',
  'request.accepted',
  'request.declined',
  'request.completed',
  'survey.opened',
  'survey.closing',
  'idea.responded',
  'comment.reply',
  'action.rag',
  'cpd.milestone',
  'registration.milestone',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/**
 * The parameters each kind carries (all optional for a reader: older documents may lack one).
 * - `request.*`: `skill` (the skill's name), `name` (the other party's display name).
 * - `survey.opened`: `title`, `titleCy` (when the survey has one); a daily digest instead: `count` (surveys opened).
 * - `survey.closing`: `title`, `titleCy`, `closesAt` (ISO day).
 * - `idea.responded`: `title` (the idea's), `status` ('open' | 'adopted' | 'declined').
 * - `comment.reply`: `name` (who replied), `targetType` ('action' | 'idea'), `title` (the idea's title or the action's code).
 * - `action.rag`: `code` (V1, R2 …), `status` ('red' | 'amber' | 'green').
 * - `cpd.milestone`: `days` (the yearly development allowance met, in days), `year` (its start, ISO day).
 * - `registration.milestone`: `target` (RSciTech …), `step` (the step done: eligibility … outcome).
 */
export type NotificationParams = Record<string, string | number>

/** How a member hears of a kind: in the inbox only, in the inbox and as a push, or not at all. */
export const DELIVERY_MODES = ['inbox', 'push', 'off'] as const
export type DeliveryMode = (typeof DELIVERY_MODES)[number]

/** An app path, e.g. `/requests` or `/surveys/abc`: never another origin. */
const AppPath = v.pipe(v.string(), v.maxLength(300), v.regex(/^\/(?!\/)[\w\-/.?=&%]*$/, problem('invalid')))

export const NotificationFields = {
  kind: v.picklist(NOTIFICATION_KINDS),
  params: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^\w{1,40}$/)), v.union([text(300), v.number()])),
    v.check((p) => Object.keys(p).length <= 12, problem('invalid')),
  ),
  link: AppPath,
  createdAt: Millis,
  /**
   * When the member opened or marked it read (any device); null (as the server writes it) or absent
   * while unread: a sync patch's null clears a field, so "unread again" arrives as no field.
   */
  readAt: v.optional(v.nullable(Millis)),
}
export const NotificationSchema = v.object({ ...SYNC_META_ENTRIES, ...NotificationFields })
export type Notification = v.InferOutput<typeof NotificationSchema>

/** Quiet hours as local wall-clock times, `HH:MM` (24 h); a window past midnight wraps (22:00–07:00). */
const WallTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, problem('invalid')))
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** The one preferences document's id: `users/{uid}/notificationPrefs/prefs`. */
export const PREFS_ID = 'prefs'

export const NotificationPrefsFields = {
  /** Per kind; a kind not listed takes {@link defaultMode}. */
  kinds: v.record(v.picklist(NOTIFICATION_KINDS), v.picklist(DELIVERY_MODES)),
  /** Null or absent: no quiet hours (a sync patch's null clears the field). */
  quiet: v.optional(v.nullable(v.strictObject({ start: WallTime, end: WallTime }))),
  /** IANA time zone the quiet hours are in (the device's when saved), e.g. Europe/London. */
  timeZone: v.pipe(text(64), v.check(isTimeZone, problem('invalid'))),
}
export const NotificationPrefsSchema = v.object({ ...SYNC_META_ENTRIES, ...NotificationPrefsFields })
export type NotificationPrefs = v.InferOutput<typeof NotificationPrefsSchema>
/** What delivery reads: any prefs document's fields (or none saved yet). */
export type PrefsLike = Pick<NotificationPrefs, 'kinds' | 'quiet' | 'timeZone'>

/** The mode of a kind nobody chose: push for requests and surveys (time matters), the inbox otherwise. */
export function defaultMode(kind: NotificationKind): DeliveryMode {
  return kind.startsWith('request.') || kind.startsWith('survey.') ? 'push' : 'inbox'
}

/** A member's mode for a kind: their choice, else the default. */
export function modeFor(prefs: PrefsLike | null | undefined, kind: NotificationKind): DeliveryMode {
  return prefs?.kinds[kind] ?? defaultMode(kind)
}

/** Minutes past local midnight of `now` in `timeZone` (UTC when the zone is unknown). */
export function localMinutes(now: number, timeZone: string): number {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC'
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    new Date(now),
  )
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return part('hour') * 60 + part('minute')
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** Whether `now` falls in the member's quiet hours (start inclusive, end exclusive; equal times: none). */
export function inQuietHours(prefs: PrefsLike | null | undefined, now: number): boolean {
  if (!prefs?.quiet) return false
  const start = minutesOf(prefs.quiet.start)
  const end = minutesOf(prefs.quiet.end)
  if (start === end) return false
  const m = localMinutes(now, prefs.timeZone)
  return start < end ? m >= start && m < end : m >= start || m < end
}

/**
 * How a new notification of `kind` reaches the member at `now`: not at all, the inbox only, a push
 * now, or (in quiet hours) a push held until the quiet hours end.
 */
export function deliveryFor(
  prefs: PrefsLike | null | undefined,
  kind: NotificationKind,
  now: number,
): 'off' | 'inbox' | 'push' | 'push-later' {
  const mode = modeFor(prefs, kind)
  if (mode !== 'push') return mode
  return inQuietHours(prefs, now) ? 'push-later' : 'push'
}

/** Whether a notification is unread (readAt null or absent). */
export const isUnread = (n: Pick<Notification, 'readAt'>) => n.readAt == null

/** How many live notifications are unread (the badge). */
export function unreadCount(list: readonly Pick<Notification, 'readAt' | 'deleted'>[]): number {
  return list.filter((n) => !n.deleted && n.readAt == null).length
}

/** Notifications are removed after this (the `purgeNotifications` job). */
export const NOTIFICATION_TTL_MS = 90 * 24 * 60 * 60 * 1000

/**
 * What goes through a push service (encrypted, but still: nothing personal): the kind, the app
 * path to open, the notification id, and the unread count for the app badge. The service worker
 * words the title from the kind in the device's language.
 */
export interface PushPayload {
  kind: NotificationKind
  link: string
  id: string
  badge: number
}

/** A browser's push subscription as the `savePushSubscription` callable takes it. */
export const PushSubscriptionSchema = v.strictObject({
  endpoint: v.pipe(v.string(), v.maxLength(2000), v.url(), v.regex(/^https?:\/\//, problem('invalid'))),
  keys: v.strictObject({
    p256dh: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, problem('invalid'))),
    auth: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,32}={0,2}$/, problem('invalid'))),
  }),
  locale: v.optional(v.picklist(['en', 'cy'])),
})
export type PushSubscriptionInput = v.InferOutput<typeof PushSubscriptionSchema>
export const DeletePushSubscriptionSchema = v.strictObject({ endpoint: PushSubscriptionSchema.entries.endpoint })

/** The id of a notification caused by one change: the same change never notifies a member twice. */
export function notificationId(kind: NotificationKind, ...sources: string[]): string {
  return [kind, ...sources]
    .join('-')
    .replace(/[^\w.-]/g, '_')
    .slice(0, 128)
}

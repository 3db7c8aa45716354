import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  defaultMode,
  deliveryFor,
  inQuietHours,
  localMinutes,
  NOTIFICATION_KINDS,
  NotificationPrefsSchema,
  NotificationSchema,
  notificationId,
  PushSubscriptionSchema,
  unreadCount,
  type PrefsLike,
} from './notifications'

const meta = { id: 'n1', updatedAt: 0, version: 1, deleted: false, lastMutationId: null }
// 2026-07-01 is in British Summer Time: 21:30 UTC is 22:30 in London.
const JULY_2130_UTC = Date.UTC(2026, 6, 1, 21, 30)
const prefs = (p: Partial<PrefsLike> = {}): PrefsLike => ({ kinds: {}, quiet: null, timeZone: 'Europe/London', ...p })

describe('notification delivery', () => {
  it('pushes requests and surveys by default and keeps the rest in the inbox', () => {
    expect(NOTIFICATION_KINDS.filter((k) => defaultMode(k) === 'push')).toEqual([
      'request.received',
      'request.accepted',
      'request.declined',
      'request.completed',
      'survey.opened',
      'survey.closing',
    ])
    expect(deliveryFor(undefined, 'comment.reply', JULY_2130_UTC)).toBe('inbox')
    expect(deliveryFor(null, 'request.received', JULY_2130_UTC)).toBe('push')
  })

  it("follows the member's choice per kind", () => {
    const p = prefs({ kinds: { 'request.received': 'off', 'action.rag': 'push', 'survey.opened': 'inbox' } })
    expect(deliveryFor(p, 'request.received', JULY_2130_UTC)).toBe('off')
    expect(deliveryFor(p, 'action.rag', JULY_2130_UTC)).toBe('push')
    expect(deliveryFor(p, 'survey.opened', JULY_2130_UTC)).toBe('inbox')
  })

  it('holds a push in quiet hours, in the time zone the member chose them in', () => {
    const quiet = prefs({ quiet: { start: '22:00', end: '07:00' } })
    expect(localMinutes(JULY_2130_UTC, 'Europe/London')).toBe(22 * 60 + 30)
    expect(deliveryFor(quiet, 'request.received', JULY_2130_UTC)).toBe('push-later')
    // The same instant is 21:30 in UTC: not quiet there.
    expect(deliveryFor({ ...quiet, timeZone: 'UTC' }, 'request.received', JULY_2130_UTC)).toBe('push')
    // Wraps past midnight; the end is exclusive.
    expect(inQuietHours(quiet, Date.UTC(2026, 6, 2, 5, 59))).toBe(true)
    expect(inQuietHours(quiet, Date.UTC(2026, 6, 2, 6, 0))).toBe(false)
    // A daytime window; equal times are no window.
    expect(inQuietHours(prefs({ quiet: { start: '12:00', end: '14:00' } }), Date.UTC(2026, 0, 5, 13, 0))).toBe(true)
    expect(inQuietHours(prefs({ quiet: { start: '12:00', end: '12:00' } }), Date.UTC(2026, 0, 5, 12, 0))).toBe(false)
    // Inbox-only kinds are never held: there is no push to hold.
    expect(deliveryFor(quiet, 'comment.reply', JULY_2130_UTC)).toBe('inbox')
  })

  it('counts unread live notifications for the badge', () => {
    expect(
      unreadCount([
        { readAt: null, deleted: false },
        { readAt: 5, deleted: false },
        { readAt: null, deleted: true },
        { readAt: null, deleted: false },
      ]),
    ).toBe(2)
  })
})

describe('notification schemas', () => {
  const ok = {
    ...meta,
    kind: 'request.received',
    params: { skill: 'Confocal', name: 'Ada' },
    link: '/requests',
    createdAt: 1,
    readAt: null,
  }

  it('takes a notification with an app path and flat params', () => {
    expect(v.is(NotificationSchema, ok)).toBe(true)
    expect(v.is(NotificationSchema, { ...ok, kind: 'nope' })).toBe(false)
    for (const link of ['https://evil.example', '//evil.example/x', 'javascript:alert(1)', 'requests'])
      expect(v.is(NotificationSchema, { ...ok, link }), link).toBe(false)
    expect(v.is(NotificationSchema, { ...ok, params: { nested: { a: 1 } } })).toBe(false)
  })

  it('takes preferences with known kinds, wall-clock quiet hours and a real time zone', () => {
    const p = {
      ...meta,
      id: 'prefs',
      kinds: { 'survey.opened': 'inbox' },
      quiet: { start: '22:00', end: '07:30' },
      timeZone: 'Europe/London',
    }
    expect(v.is(NotificationPrefsSchema, p)).toBe(true)
    expect(v.is(NotificationPrefsSchema, { ...p, kinds: { 'survey.opened': 'loud' } })).toBe(false)
    expect(v.is(NotificationPrefsSchema, { ...p, kinds: { other: 'push' } })).toBe(false)
    expect(v.is(NotificationPrefsSchema, { ...p, quiet: { start: '24:00', end: '07:00' } })).toBe(false)
    expect(v.is(NotificationPrefsSchema, { ...p, timeZone: 'Mars/Olympus' })).toBe(false)
  })

  it('takes a browser push subscription', () => {
    const sub = { endpoint: 'https://push.example/abc', keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) }, locale: 'cy' }
    expect(v.is(PushSubscriptionSchema, sub)).toBe(true)
    expect(v.is(PushSubscriptionSchema, { ...sub, endpoint: 'ftp://push.example' })).toBe(false)
    expect(v.is(PushSubscriptionSchema, { ...sub, keys: { ...sub.keys, auth: 'x' } })).toBe(false)
  })

  it('makes storable ids from a kind and its sources', () => {
    expect(notificationId('comment.reply', 'c 1', 'u/2')).toBe('comment.reply-c_1-u_2')
    expect(notificationId('survey.opened', 'x'.repeat(200))).toHaveLength(128)
  })
})

import {
  modeFor,
  NOTIFICATION_KINDS,
  type DeliveryMode,
  type NotificationKind,
  type NotificationPrefs,
  type PrefsLike,
} from '@/domain/notifications'

/** The settings form: every kind's mode, and quiet hours as the time inputs hold them. */
export interface PrefsForm {
  kinds: Record<NotificationKind, DeliveryMode>
  quietOn: boolean
  start: string
  end: string
}

const DEFAULT_QUIET = { start: '22:00', end: '07:00' }
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** The form for saved preferences, or for none yet (each kind's default, quiet hours off). */
export function prefsForm(prefs: PrefsLike | null | undefined): PrefsForm {
  const kinds = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, modeFor(prefs, k)])) as Record<NotificationKind, DeliveryMode>
  const quiet = prefs?.quiet ?? null
  return { kinds, quietOn: quiet !== null, start: quiet?.start ?? DEFAULT_QUIET.start, end: quiet?.end ?? DEFAULT_QUIET.end }
}

/**
 * The preferences to save from the form, in the device's time zone; or which field is wrong (a
 * message key of `notifications.prefs`): quiet hours need two times, and two different ones.
 */
export function prefsFromForm(
  form: PrefsForm,
  timeZone: string,
): { ok: true; prefs: Pick<NotificationPrefs, 'kinds' | 'quiet' | 'timeZone'> } | { ok: false; field: 'start' | 'end'; message: string } {
  if (form.quietOn) {
    if (!TIME.test(form.start)) return { ok: false, field: 'start', message: 'notifications.prefs.timeMissing' }
    if (!TIME.test(form.end)) return { ok: false, field: 'end', message: 'notifications.prefs.timeMissing' }
    if (form.start === form.end) return { ok: false, field: 'end', message: 'notifications.prefs.quietSame' }
  }
  return {
    ok: true,
    prefs: { kinds: { ...form.kinds }, quiet: form.quietOn ? { start: form.start, end: form.end } : null, timeZone },
  }
}

/** The device's IANA time zone (quiet hours are wall-clock times there). */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

import { describe, expect, it } from 'vitest'
import { NOTIFICATION_KINDS } from '@/domain/notifications'
import { prefsForm, prefsFromForm } from './prefs-form'

describe('the notification settings form', () => {
  it('starts from each kind’s default: push for requests and surveys, the inbox for the rest, no quiet hours', () => {
    const form = prefsForm(null)
    expect(Object.keys(form.kinds).sort()).toEqual([...NOTIFICATION_KINDS].sort())
    expect(form.kinds['request.received']).toBe('push')
    expect(form.kinds['survey.closing']).toBe('push')
    expect(form.kinds['comment.reply']).toBe('inbox')
    expect(form.quietOn).toBe(false)
  })

  it('shows saved choices and quiet hours, and saves them back in the device’s zone', () => {
    const form = prefsForm({ kinds: { 'action.rag': 'off' }, quiet: { start: '21:30', end: '06:45' }, timeZone: 'Europe/London' })
    expect(form).toMatchObject({ quietOn: true, start: '21:30', end: '06:45' })
    expect(form.kinds['action.rag']).toBe('off')
    const saved = prefsFromForm({ ...form, kinds: { ...form.kinds, 'idea.responded': 'push' } }, 'Europe/Paris')
    expect(saved).toEqual({
      ok: true,
      prefs: expect.objectContaining({ quiet: { start: '21:30', end: '06:45' }, timeZone: 'Europe/Paris' }),
    })
    if (saved.ok) expect(saved.prefs.kinds).toMatchObject({ 'action.rag': 'off', 'idea.responded': 'push' })
  })

  it('refuses quiet hours without two different times, and drops them when turned off', () => {
    const form = prefsForm(null)
    expect(prefsFromForm({ ...form, quietOn: true, start: '', end: '07:00' }, 'UTC')).toMatchObject({ ok: false, field: 'start' })
    expect(prefsFromForm({ ...form, quietOn: true, start: '07:00', end: '07:00' }, 'UTC')).toMatchObject({
      ok: false,
      field: 'end',
      message: 'notifications.prefs.quietSame',
    })
    expect(prefsFromForm({ ...form, quietOn: false, start: '', end: '' }, 'UTC')).toMatchObject({ ok: true, prefs: { quiet: null } })
  })
})

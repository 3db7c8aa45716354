import { describe, expect, it } from 'vitest'
import type { NotificationKind } from '@/domain/notifications'
import { i18nFor } from '../../../tests/support/i18n'
import { notificationText, safeLink, type Translate } from './notification-text'

async function words(locale: 'en' | 'cy') {
  const i18n = await i18nFor(locale)
  const t = i18n.global.t as unknown as Translate
  return (kind: NotificationKind, params: Record<string, string | number> = {}) => notificationText({ kind, params }, t, locale)
}

describe('a notification in words', () => {
  it('reads each kind with its parameters in English', async () => {
    const w = await words('en')
    expect(w('request.received', { name: 'Aisha Patel', skill: 'PCR' })).toBe('Aisha Patel asked to learn PCR from you')
    expect(w('request.accepted', { skill: 'PCR' })).toBe('A colleague accepted your request to learn PCR')
    expect(w('survey.opened', { title: 'Technician voice', titleCy: 'Llais y technegwyr' })).toBe(
      'A survey is open to you: Technician voice',
    )
    expect(w('survey.opened', { count: 3 })).toBe('3 new surveys are open to you')
    expect(w('survey.opened', { count: 1 })).toBe('A new survey is open to you')
    expect(w('survey.closing', { title: 'Pulse', closesAt: '2026-12-04' })).toBe('Pulse closes on 4 December 2026. You can still answer.')
    expect(w('idea.responded', { title: 'Open labs', status: 'adopted' })).toBe('You said, we did: your idea “Open labs” has been adopted')
    expect(w('comment.reply', { name: 'Tobias Renfrew', targetType: 'action', title: 'V1' })).toBe(
      'Tobias Renfrew replied in the conversation on V1',
    )
    expect(w('action.rag', { code: 'R2', status: 'amber' })).toBe('Action R2, which you own, is now Amber')
    expect(w('registration.milestone', { target: 'RSciTech', step: 'submit' })).toBe(
      'Your RSciTech registration has moved on: application submitted',
    )
    expect(w('cpd.milestone', { days: 6 })).toBe('You have reached your development time for this CPD year')
  })

  it('reads in Welsh, with the survey’s Welsh title when it has one', async () => {
    const w = await words('cy')
    expect(w('request.received', { name: 'Aisha Patel', skill: 'PCR' })).toBe('Mae Aisha Patel wedi gofyn am gael dysgu PCR gennych chi')
    expect(w('survey.opened', { title: 'Technician voice', titleCy: 'Llais y technegwyr' })).toBe(
      'Mae arolwg ar agor i chi: Llais y technegwyr',
    )
    expect(w('action.rag', { code: 'R2', status: 'green' })).toBe('Mae cam gweithredu R2, rydych chi’n berchen arno, bellach yn Gwyrdd')
    expect(w('survey.closing', { title: 'Pulse', closesAt: '2026-12-04' })).toContain('4 Rhagfyr 2026')
  })

  it('follows only links inside the app', () => {
    expect(safeLink('/surveys/s1')).toBe('/surveys/s1')
    expect(safeLink('https://evil.example')).toBe('/inbox')
    expect(safeLink('//evil.example')).toBe('/inbox')
  })
})

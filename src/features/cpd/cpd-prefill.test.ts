import { describe, expect, it } from 'vitest'
import type { SkillShareRequest } from '@/domain/entities'
import { request as skillShare } from '../../../tests/support/rule-fixtures'
import { CPD_TEMPLATES, prefillFromQuery, prefillFromRequest, sessionsToLog } from './cpd-prefill'

/** A skill-share session between 'me' (learning) and 'them', in `state`. */
const request = (id: string, state: SkillShareRequest['state'], completed?: number): SkillShareRequest =>
  skillShare(id, {
    learnerUid: 'me',
    teacherUid: 'them',
    format: 'demo',
    state,
    history: { pending: 1, ...(completed ? { completed } : {}) },
  })

/** Stands in for the template's words in the language shown. */
const words = (id: string, part: string) => `${id} ${part}`

describe('prefillFromQuery', () => {
  it('starts from a template', () => {
    expect(CPD_TEMPLATES.map((t) => t.id)).toContain('network-meeting')
    expect(prefillFromQuery({ template: 'network-meeting' }, words)).toEqual({
      title: 'network-meeting title',
      type: 'professional',
      hours: '7',
      learned: 'network-meeting learned',
    })
  })

  it('takes an event link’s title, dates, hours and type, ignoring anything malformed', () => {
    expect(
      prefillFromQuery(
        { title: 'Regional technician meeting', date: '2026-11-20', end: '2026-11-21', hours: '7', type: 'professional' },
        words,
      ),
    ).toEqual({
      title: 'Regional technician meeting',
      startDate: '2026-11-20',
      endDate: '2026-11-21',
      hours: '7',
      type: 'professional',
    })
    expect(prefillFromQuery({ date: '20/11/2026', hours: '-1', type: 'party', title: ['x'] }, words)).toEqual({})
  })
})

describe('skill-share quick-add', () => {
  it('offers the learner a work-based entry dated the day the session was completed', () => {
    const completedAt = new Date(2026, 10, 20, 15).getTime()
    expect(prefillFromRequest(request('r1', 'completed', completedAt), 'me')).toEqual({
      title: 'PCR: demonstration with a colleague',
      startDate: '2026-11-20',
      hours: '1',
      type: 'work-based',
      skillIds: ['pcr'],
      requestId: 'r1',
    })
    expect(prefillFromRequest(request('r1', 'accepted'), 'me')).toBeNull()
  })

  it('lists completed sessions not yet logged, newest first', () => {
    const list = [
      request('old', 'completed', 10),
      request('new', 'completed', 20),
      request('done', 'completed', 30),
      request('open', 'accepted'),
    ]
    expect(sessionsToLog(list, [{ requestId: 'done' }, { requestId: undefined }], 'me').map((r) => r.id)).toEqual(['new', 'old'])
    expect(sessionsToLog(list, [], 'stranger')).toEqual([])
  })
})

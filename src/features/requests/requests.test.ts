import { problem } from '@/domain/problems'
import { describe, expect, it } from 'vitest'
import { CpdEntrySchema } from '@/domain/entities'
import { validate } from '@/domain/validation'
import { request as aRequest } from '../../../tests/support/rule-fixtures'
import { cpdFromOffer, cpdOffer, lastActivity, moveRequest, requestActions } from './requests'

const request = aRequest('r1', {
  learnerUid: 'learner',
  teacherUid: 'teacher',
  message: '',
  format: 'demo',
  history: { pending: Date.UTC(2026, 10, 1) },
})

describe('moves', () => {
  it('offers the teacher accept and decline, the learner only cancel', () => {
    expect(requestActions(request, 'teacher').map((a) => a.label)).toEqual([
      'requests.action.accepted',
      'requests.action.declined',
      'requests.action.cancelled',
    ])
    expect(requestActions(request, 'learner').map((a) => a.label)).toEqual(['requests.action.cancelled'])
    expect(requestActions(request, 'someone')).toEqual([])
  })
  it('stamps the state change, and refuses moves out of turn', () => {
    const at = Date.UTC(2026, 10, 2)
    expect(moveRequest(request, 'accepted', 'teacher', at)).toEqual({
      ok: true,
      patch: { state: 'accepted', history: { pending: request.history.pending, accepted: at } },
    })
    expect(moveRequest(request, 'accepted', 'learner', at)).toMatchObject({ ok: false })
    expect(moveRequest(request, 'completed', 'teacher', at)).toMatchObject({
      ok: false,
      message: problem('badTransition', { from: 'pending', to: 'completed' }),
    })
  })
  it('knows when a request last moved', () => {
    expect(lastActivity({ history: { pending: 5, accepted: 9 } })).toBe(9)
  })
})

describe('the CPD offer after a completed session', () => {
  const completed = {
    ...request,
    state: 'completed' as const,
    history: { ...request.history, accepted: Date.UTC(2026, 10, 2), completed: Date.UTC(2026, 10, 5) },
  }
  it('offers each side their own entry once', () => {
    expect(cpdOffer(completed, 'learner', [])).toMatchObject({ type: 'work-based', startDate: '2026-11-05', requestId: 'r1' })
    expect(cpdOffer(completed, 'teacher', [])).toMatchObject({ type: 'professional' })
    expect(cpdOffer(completed, 'learner', [{ requestId: 'r1' }])).toBeNull()
    expect(cpdOffer(request, 'learner', [])).toBeNull()
  })
  it('builds a valid entry once the hours are given', () => {
    const offer = cpdOffer(completed, 'learner', [])!
    expect(cpdFromOffer(offer, '', '')).toEqual({ ok: false, field: 'hours', message: 'requests.errors.hoursMissing' })
    expect(cpdFromOffer(offer, 'two', '')).toMatchObject({ ok: false, field: 'hours' })
    expect(cpdFromOffer(offer, '-1', '')).toEqual({ ok: false, field: 'hours', message: problem('hoursNegative') })
    const out = cpdFromOffer(offer, ' 1.5 ', 'How to set up a run')
    expect(out.ok).toBe(true)
    if (out.ok) {
      expect(out.fields).toMatchObject({ hours: 1.5, learned: 'How to set up a run', requestId: 'r1', skillIds: ['pcr'] })
      expect(validate(CpdEntrySchema, { ...out.fields, id: 'c1', updatedAt: 0, version: 0, deleted: false, lastMutationId: null }).ok).toBe(
        true,
      )
    }
  })
})

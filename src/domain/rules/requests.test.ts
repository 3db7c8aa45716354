import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { CpdEntrySchema, REQUEST_STATES, SkillShareSchema, type RequestState } from '../entities'
import {
  allowedTransitions,
  confirmSession,
  cpdPrefillFor,
  REQUEST_TRANSITIONS,
  transition,
  validateNewRequest,
  verifiedBy,
} from './requests'
import { meta, request } from '../../../tests/support/rule-fixtures'
import { wordsIn } from '../../../tests/support/errors'

// Problems are codes; these tests read them in the English a person sees.
const en = await wordsIn('en')
const worded = <T extends object>(o: T) => ('message' in o ? { ...o, message: en(o.message as string) } : o)

const LEARNER = 'learner-1'
const TEACHER = 'teacher-1'

describe('transition', () => {
  it('lets the teacher accept, stamping the time and keeping the input unchanged', () => {
    const pending = request('r1')
    const r = transition(pending, 'accepted', TEACHER, 5_000)
    expect(r).toEqual({ ok: true, request: { ...pending, state: 'accepted', history: { pending: 1_000, accepted: 5_000 } } })
    expect(pending.state).toBe('pending')
    if (r.ok) expect(v.safeParse(SkillShareSchema, r.request).success).toBe(true)
  })

  it('takes a Date as the clock', () => {
    const r = transition(request('r1'), 'declined', TEACHER, new Date(7_000))
    expect(r.ok && r.request.history.declined).toBe(7_000)
  })

  it('refuses the learner accepting or declining their own request', () => {
    expect(transition(request('r1'), 'accepted', LEARNER, 1)).toMatchObject({ ok: false, code: 'not-allowed' })
    expect(transition(request('r1'), 'declined', LEARNER, 1)).toMatchObject({ ok: false, code: 'not-allowed' })
  })

  it('lets either side cancel or complete', () => {
    const accepted = request('r1', { state: 'accepted' })
    for (const uid of [LEARNER, TEACHER]) {
      expect(transition(accepted, 'completed', uid, 1).ok).toBe(true)
      expect(transition(accepted, 'cancelled', uid, 1).ok).toBe(true)
      expect(transition(request('r2'), 'cancelled', uid, 1).ok).toBe(true)
    }
  })

  it('refuses anyone outside the request', () => {
    expect(transition(request('r1'), 'accepted', 'someone-else', 1)).toMatchObject({ ok: false, code: 'not-a-party' })
  })

  it('refuses skipping or leaving a final state', () => {
    expect(worded(transition(request('r1'), 'completed', TEACHER, 1))).toMatchObject({
      ok: false,
      code: 'invalid-transition',
      message: 'This request cannot move to that state now',
    })
    for (const final of ['declined', 'completed', 'cancelled'] as const) {
      for (const to of REQUEST_STATES) expect(transition(request('r1', { state: final }), to, TEACHER, 1).ok).toBe(false)
    }
  })

  it('only ever follows the table, for any sequence of moves (property)', () => {
    const move = fc.record({ to: fc.constantFrom(...REQUEST_STATES), by: fc.constantFrom(LEARNER, TEACHER, 'x') })
    fc.assert(
      fc.property(fc.array(move, { maxLength: 8 }), (moves) => {
        let current = request('r')
        let t = 2_000
        for (const { to, by } of moves) {
          const r = transition(current, to, by, t++)
          const mover = REQUEST_TRANSITIONS[current.state][to]
          const expected = by !== 'x' && mover !== undefined && (mover === 'either' || by === TEACHER)
          expect(r.ok).toBe(expected)
          expect(allowedTransitions(current, by).includes(to)).toBe(expected)
          if (r.ok) current = r.request
        }
        const times = Object.values(current.history)
        expect(times.length).toBeLessThanOrEqual(3)
      }),
    )
  })
})

describe('allowedTransitions', () => {
  it('offers the buttons each side may press', () => {
    expect(allowedTransitions(request('r'), TEACHER)).toEqual<RequestState[]>(['accepted', 'declined', 'cancelled'])
    expect(allowedTransitions(request('r'), LEARNER)).toEqual<RequestState[]>(['cancelled'])
    expect(allowedTransitions(request('r', { state: 'accepted' }), LEARNER)).toEqual<RequestState[]>(['completed', 'cancelled'])
    expect(allowedTransitions(request('r', { state: 'completed' }), TEACHER)).toEqual([])
    expect(allowedTransitions(request('r'), 'stranger')).toEqual([])
  })
})

describe('validateNewRequest', () => {
  it('refuses asking yourself', () => {
    expect(validateNewRequest({ learnerUid: 'a', teacherUid: 'a' }).ok).toBe(false)
    expect(validateNewRequest({ learnerUid: 'a', teacherUid: 'b' }).ok).toBe(true)
  })
})

describe('cpdPrefillFor', () => {
  const completedAt = new Date(2024, 4, 14, 16, 30).getTime()
  const done = request('req-1', { state: 'completed', format: 'demo', history: { pending: 1, accepted: 2, completed: completedAt } })

  it('offers the learner work-based learning', () => {
    expect(cpdPrefillFor(done, LEARNER)).toEqual({
      title: 'PCR: demonstration with a colleague',
      startDate: '2024-05-14',
      hours: 1,
      type: 'work-based',
      skillIds: ['pcr'],
      evidenceIds: [],
      requestId: 'req-1',
    })
  })

  it('offers the teacher professional activity', () => {
    expect(cpdPrefillFor(done, TEACHER)).toMatchObject({ title: 'Taught PCR to a colleague (demonstration)', type: 'professional' })
  })

  it('is a valid CPD entry as it stands, with the time suggested for the format', () => {
    const prefill = cpdPrefillFor(done, TEACHER)
    expect(v.safeParse(CpdEntrySchema, { ...meta('cpd-1'), ...prefill }).success).toBe(true)
    expect(cpdPrefillFor({ ...done, format: 'shadowing' }, LEARNER)?.hours).toBe(2)
  })

  it('offers nothing before completion or to anyone else', () => {
    expect(cpdPrefillFor(request('r', { state: 'accepted' }), LEARNER)).toBeNull()
    expect(cpdPrefillFor({ ...done, history: {} }, LEARNER)).toBeNull()
    expect(cpdPrefillFor(done, 'stranger')).toBeNull()
  })
})

describe('confirming a session, and who verified it', () => {
  const done = request('req-1', { state: 'completed', history: { pending: 1, accepted: 2, completed: 3 } })

  it('lets each party confirm in their own field only, once, after completion', () => {
    expect(confirmSession(done, TEACHER, 9)).toEqual({ teacherConfirmedAt: 9 })
    expect(confirmSession(done, LEARNER, new Date(9))).toEqual({ learnerConfirmedAt: 9 })
    expect(confirmSession({ ...done, teacherConfirmedAt: 5 }, TEACHER, 9)).toBeNull()
    expect(confirmSession(request('r', { state: 'accepted' }), TEACHER, 9)).toBeNull()
    expect(confirmSession(done, 'stranger', 9)).toBeNull()
  })

  it("verifies the learner's part by the teacher's confirmation, and the teacher's by the learner's", () => {
    expect(verifiedBy(done, LEARNER)).toBeNull()
    // Your own confirmation never verifies your own entry.
    expect(verifiedBy({ ...done, learnerConfirmedAt: 4 }, LEARNER)).toBeNull()
    expect(verifiedBy({ ...done, teacherConfirmedAt: 4 }, LEARNER)).toBe(TEACHER)
    expect(verifiedBy({ ...done, learnerConfirmedAt: 4 }, TEACHER)).toBe(LEARNER)
    expect(verifiedBy({ ...done, teacherConfirmedAt: 4 }, 'stranger')).toBeNull()
    expect(verifiedBy({ ...done, state: 'cancelled', teacherConfirmedAt: 4 }, LEARNER)).toBeNull()
  })

  it('keeps old requests valid and takes the new fields', () => {
    expect(v.safeParse(SkillShareSchema, { ...done, teacherConfirmedAt: 4, learnerConfirmedAt: 5 }).success).toBe(true)
    expect(v.safeParse(SkillShareSchema, done).success).toBe(true)
  })
})

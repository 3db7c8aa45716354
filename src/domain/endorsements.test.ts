import { describe, expect, it } from 'vitest'
import { endorseRefusal, withEndorsement } from './endorsements'

describe('endorseRefusal', () => {
  const done = { learnerUid: 'l', teacherUid: 't', state: 'completed' }
  it('lets only the learner of a completed session endorse, once', () => {
    expect(endorseRefusal(done, 'l')).toBeNull()
    expect(endorseRefusal(done, 't')).toBe('not-learner')
    expect(endorseRefusal(done, 'someone')).toBe('not-learner')
    expect(endorseRefusal({ ...done, state: 'accepted' }, 'l')).toBe('not-completed')
    expect(endorseRefusal({ ...done, endorsedAt: 5 }, 'l')).toBe('already-endorsed')
    expect(endorseRefusal({ ...done, deleted: true }, 'l')).toBe('not-found')
    expect(endorseRefusal(null, 'l')).toBe('not-found')
  })
  it('adds one to the skill’s count', () => {
    expect(withEndorsement(undefined, 'pcr')).toEqual({ pcr: 1 })
    expect(withEndorsement({ pcr: 1, hplc: 2 }, 'pcr')).toEqual({ pcr: 2, hplc: 2 })
  })
})

import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BAD_CODE_WINDOW_MS,
  domainCandidates,
  hashJoinCode,
  isRateLimited,
  MAX_BAD_CODES,
  normaliseJoinCode,
  recordAttempt,
  type RateWindow,
} from './codes'

describe('join codes', () => {
  it('normalise case, spaces and dashes', () => {
    expect(normaliseJoinCode(' tc-4821 ab ')).toBe('TC4821AB')
    expect(hashJoinCode('tc-4821-ab')).toBe(hashJoinCode('TC4821AB'))
  })
  it('hash as sha256 hex of the normalised code', () => {
    expect(hashJoinCode('demo-2026')).toBe(createHash('sha256').update('DEMO2026').digest('hex'))
    expect(hashJoinCode('a')).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('domainCandidates', () => {
  it('lists the address’s domain and its parents, never a bare TLD', () => {
    expect(domainCandidates('Ada@Chem.Leeds.AC.uk')).toEqual(['chem.leeds.ac.uk', 'leeds.ac.uk', 'ac.uk'])
    expect(domainCandidates('x@example.ac.uk')).toEqual(['example.ac.uk', 'ac.uk'])
  })
  it.each(['no-at-sign', '@example.ac.uk', 'x@localhost', 'x@exa mple.com', 'x@'])('finds nothing in %s', (email) => {
    expect(domainCandidates(email)).toEqual([])
  })
})

describe('rate limit window', () => {
  it('allows five bad codes an hour', () => {
    let w: RateWindow | null = null
    for (let i = 0; i < MAX_BAD_CODES; i++) {
      expect(isRateLimited(w, 1000 + i)).toBe(false)
      w = recordAttempt(w, 1000 + i)
    }
    expect(isRateLimited(w, 2000)).toBe(true)
    expect(isRateLimited(w, 1000 + BAD_CODE_WINDOW_MS)).toBe(false)
    expect(recordAttempt(w, 1000 + BAD_CODE_WINDOW_MS)).toEqual({ windowStart: 1000 + BAD_CODE_WINDOW_MS, count: 1 })
  })
  it('never lets more than five attempts through within one window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: BAD_CODE_WINDOW_MS - 1 }), { maxLength: 40 }), (offsets) => {
        let w: RateWindow | null = null
        let allowed = 0
        for (const t of [...offsets].sort((a, b) => a - b)) {
          if (isRateLimited(w, t)) continue
          w = recordAttempt(w, t)
          allowed++
        }
        return allowed <= MAX_BAD_CODES
      }),
    )
  })
})

import { describe, expect, it } from 'vitest'
import { byCodeUnits } from './order'

describe('byCodeUnits', () => {
  it('orders ISO dates and times as time runs, and ids by their characters', () => {
    expect(['2026-10-01', '2026-09-30T23:59:00.000Z', '2025-12-31', '2026-09-30'].sort(byCodeUnits)).toEqual([
      '2025-12-31',
      '2026-09-30',
      '2026-09-30T23:59:00.000Z',
      '2026-10-01',
    ])
    // UUIDv7-style ids: upper case before lower case, digits first, as stored.
    expect(['0192b', '0192B', '0192a'].sort(byCodeUnits)).toEqual(['0192B', '0192a', '0192b'])
    expect(byCodeUnits('x', 'x')).toBe(0)
  })
})

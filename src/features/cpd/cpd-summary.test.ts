import { describe, expect, it } from 'vitest'
import type { CpdEntry } from '@/domain/entities'
import { summariseCpd } from './cpd-summary'

const NOW = new Date(2026, 10, 23, 12)
let n = 0
const entry = (startDate: string, hours: number, type: CpdEntry['type'], extra: Partial<CpdEntry> = {}): CpdEntry => ({
  id: `c${n++}`,
  updatedAt: 0,
  version: 0,
  deleted: false,
  lastMutationId: null,
  title: `Entry ${n}`,
  startDate,
  hours,
  type,
  skillIds: [],
  evidenceIds: [],
  ...extra,
})

describe('summariseCpd', () => {
  it('totals the last 12 months by type, scaled for bars', () => {
    const summary = summariseCpd(
      [entry('2026-10-01', 6, 'formal'), entry('2026-09-01', 3, 'work-based'), entry('2024-01-01', 50, 'formal')],
      undefined,
      NOW,
    )
    expect(summary.totalHours).toBe(9)
    expect(summary.categories.find((c) => c.type === 'formal')).toEqual({
      type: 'formal',
      hours: 6,
      percent: 100,
    })
    expect(summary.categories.find((c) => c.type === 'work-based')?.percent).toBe(50)
    expect(summary.development).toBeNull()
    expect(summary.standards.passed).toBe(false)
  })

  it('measures development time in the institution’s CPD year against its allowance', () => {
    // The CPD year starts in August: 2026/27 runs from 1 August 2026.
    const entries = [entry('2026-08-03', 15, 'formal'), entry('2026-07-30', 7.5, 'formal')]
    const summary = summariseCpd(entries, { developmentDaysPerYear: 10, cpdYearStartMonth: 8 }, NOW)
    expect(summary.development).toMatchObject({ days: 2, allowanceDays: 10, percent: 20, remainingDays: 8 })
    expect(summary.development?.year.label).toBe('2026/27')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, dayNumber, daysInMonth, endOfMonth, formatIsoDate, isoDateOf, parseIsoDate } from './dates'

describe('dates', () => {
  it('gives the local calendar date of an instant', () => {
    expect(isoDateOf(new Date(2024, 2, 31, 23, 59))).toBe('2024-03-31')
    expect(isoDateOf(new Date(2024, 0, 1, 0, 0).getTime())).toBe('2024-01-01')
  })

  it('parses and formats', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(() => parseIsoDate('29/02/2024')).toThrow(RangeError)
    expect(formatIsoDate(987, 3, 4)).toBe('0987-03-04')
  })

  it('adds days across a clock change and a year end', () => {
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(dayNumber('2024-03-31') - dayNumber('2024-03-30')).toBe(1)
  })

  it('adds months, clamping to shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-06-30', -12)).toBe('2023-06-30')
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15')
  })

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(1900, 2)).toBe(28)
    expect(endOfMonth(2023, 9)).toBe('2023-09-30')
  })

  it('round-trips days (property)', () => {
    const date = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (iso, n) => {
        expect(addDays(addDays(iso, n), -n)).toBe(iso)
        expect(dayNumber(addDays(iso, n)) - dayNumber(iso)).toBe(n)
      }),
    )
  })
})

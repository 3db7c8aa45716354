import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { i18nFor } from '../../tests/support/i18n'
import { formatDateIn, formatDateTimeIn, formatDecimalIn, formatMonthIn, formatTimeIn } from './format'

// 13 September 2026, 14:05 local time.
const at = new Date(2026, 8, 13, 14, 5).getTime()

beforeAll(async () => {
  await i18nFor('cy')
  await i18nFor('en')
})

describe('dates in the app’s languages', () => {
  it('writes Welsh dates with the app’s own month names, never Intl’s (Chromium has no Welsh data)', () => {
    // As Debian's Chromium does: asked for cy-GB, Intl answers in American English.
    const intl = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
      throw new Error('dates must not depend on Intl locale data')
    })
    try {
      expect(formatDateIn('cy', '2026-09-13')).toBe('13 Medi 2026')
      expect(formatDateIn('cy', at)).toBe('13 Medi 2026')
      expect(formatMonthIn('cy', '2026-09')).toBe('Medi 2026')
      expect(formatMonthIn('cy', '2027-02-01')).toBe('Chwef 2027')
      expect(formatDateTimeIn('cy', at)).toBe('13 Medi 2026 am 14:05')
      expect(formatDateIn('cy', '2026-01-01')).toBe('1 Ionawr 2026')
    } finally {
      intl.mockRestore()
    }
  })

  it('writes English dates the British way, day first', () => {
    expect(formatDateIn('en', '2026-09-13')).toBe('13 September 2026')
    expect(formatMonthIn('en', '2026-09')).toBe('Sept 2026')
    expect(formatDateTimeIn('en', at)).toBe('13 September 2026 at 14:05')
    expect(formatTimeIn('en', new Date(2026, 8, 13, 9, 7).getTime())).toBe('09:07')
  })

  it('gives back what is not a date, and treats an unknown language as English', () => {
    expect(formatDateIn('cy', 'soon')).toBe('soon')
    expect(formatMonthIn('en', '2026-13')).toBe('2026-13')
    expect(formatDateIn('fr', '2026-12-02')).toBe('2 December 2026')
  })
})

afterAll(async () => {
  await i18nFor('en')
})

describe('numbers in the app’s languages', () => {
  it('writes what Intl writes, to one decimal place, grouped from 1,000, in both languages', () => {
    const values = [
      0,
      0.04,
      0.05,
      0.25,
      1.45,
      2.5,
      7,
      12.25,
      12.35,
      99.95,
      999.94,
      999.95,
      1000,
      1234.56,
      20_000.5,
      -3.25,
      -0.25,
      1.5e-7,
      2e21,
      NaN,
    ]
    for (let k = 0; k <= 12_000; k++) values.push(k * 0.0833)
    for (const locale of ['en', 'cy'] as const) {
      const intl = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'cy-GB', { maximumFractionDigits: 1 })
      for (const v of values) expect(formatDecimalIn(locale, v), `${locale} ${v}`).toBe(intl.format(v))
    }
    expect(formatDecimalIn('cy', 1234.56)).toBe('1,234.6')
  })

  it('makes no Intl.NumberFormat for a number under 1,000 (the first one of a page costs 50–160 ms)', () => {
    const made = vi.spyOn(Intl, 'NumberFormat')
    try {
      expect([formatDecimalIn('en', 3), formatDecimalIn('cy', 12.5), formatDecimalIn('en', 999.9)]).toEqual(['3', '12.5', '999.9'])
      expect(made).not.toHaveBeenCalled()
    } finally {
      made.mockRestore()
    }
  })
})

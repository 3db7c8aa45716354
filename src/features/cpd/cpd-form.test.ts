import { describe, expect, it } from 'vitest'
import { emptyCpdForm, parseCpdForm } from './cpd-form'

describe('parseCpdForm', () => {
  it('accepts a complete entry and adds the empty lists the schema needs', () => {
    const result = parseCpdForm(
      { title: ' Confocal training ', startDate: '2026-11-20', hours: '2.5', type: 'formal' },
      { now: new Date(2026, 10, 23) },
    )
    expect(result).toEqual({
      ok: true,
      fields: { title: 'Confocal training', startDate: '2026-11-20', hours: 2.5, type: 'formal', skillIds: [], evidenceIds: [] },
    })
  })

  it('gives one readable message per invalid field', () => {
    const result = parseCpdForm({ ...emptyCpdForm(''), hours: '' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual({
      title: 'Title is required',
      startDate: 'Use a date like 2026-11-23',
      hours: 'Hours must be a number',
      type: 'Choose an activity type',
    })
  })

  it('refuses a date in the future and more hours than a day holds', () => {
    const now = new Date(2026, 10, 23, 12)
    const future = parseCpdForm({ title: 'x', startDate: '2026-11-24', hours: '1', type: 'other' }, { now })
    expect(future.ok ? null : future.errors.startDate).toBe('The start date cannot be in the future')
    const long = parseCpdForm({ title: 'x', startDate: '2026-11-23', hours: '25', type: 'other' }, { now })
    expect(long.ok ? null : long.errors.hours).toBe('25 hours is more than the day given')
  })

  it('rejects negative and non-numeric hours', () => {
    const negative = parseCpdForm({ title: 'x', startDate: '2026-01-01', hours: '-1', type: 'other' })
    expect(negative.ok ? null : negative.errors.hours).toBe('Hours cannot be negative')
    const text = parseCpdForm({ title: 'x', startDate: '2026-01-01', hours: 'two', type: 'other' })
    expect(text.ok ? null : text.errors.hours).toBe('Hours must be a number')
  })
})

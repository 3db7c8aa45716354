import { describe, expect, it } from 'vitest'
import type { CpdEntry } from '@/domain/entities'
import { emptyEntry, parseCpdEntry, valuesFromEntry, type CpdEntryValues } from './cpd-entry-form'

const NOW = new Date(2026, 10, 23, 12)
const filled = (extra: Partial<CpdEntryValues> = {}): CpdEntryValues => ({
  ...emptyEntry('2026-11-20'),
  title: 'Confocal user training',
  hours: '6',
  type: 'formal',
  ...extra,
})

describe('parseCpdEntry', () => {
  it('accepts a full entry, trimming text and dropping empty optional fields', () => {
    const result = parseCpdEntry(
      filled({ title: ' Confocal user training ', skillIds: ['confocal-microscopy'], learned: 'Light paths', endDate: '' }),
      { now: NOW },
    )
    expect(result).toEqual({
      ok: true,
      fields: {
        title: 'Confocal user training',
        startDate: '2026-11-20',
        hours: 6,
        type: 'formal',
        skillIds: ['confocal-microscopy'],
        learned: 'Light paths',
      },
    })
  })

  it('keeps a date range, the three reflections and the session it came from', () => {
    const result = parseCpdEntry(
      filled({ startDate: '2026-11-02', endDate: '2026-11-04', hours: '21', benefitPractice: 'p', benefitUsers: 'u', requestId: 'req-1' }),
      { now: NOW },
    )
    expect(result.ok && result.fields).toMatchObject({ endDate: '2026-11-04', benefitPractice: 'p', benefitUsers: 'u', requestId: 'req-1' })
  })

  it('accepts a decimal comma for hours', () => {
    const result = parseCpdEntry(filled({ hours: '1,5' }), { now: NOW })
    expect(result.ok && result.fields.hours).toBe(1.5)
  })

  it('refuses negative hours, an end before the start and a start in the future, each at its field', () => {
    const result = parseCpdEntry(filled({ hours: '-2', startDate: '2026-12-01', endDate: '2026-11-30' }), { now: NOW })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual({
      hours: 'Hours cannot be negative',
      endDate: 'End date cannot be before the start date',
      startDate: 'The start date cannot be in the future',
    })
  })

  it('shows the shared schema’s plausible-date and character errors at their fields', () => {
    const result = parseCpdEntry(filled({ startDate: '1900-01-01', title: 'Bell\u0007' }), { now: NOW })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.startDate).toBe('Use a date from 1950 onwards')
      expect(result.errors.title).toMatch(/character that cannot be stored/)
    }
  })

  it('refuses more hours than the days allow', () => {
    const result = parseCpdEntry(filled({ hours: '30' }), { now: NOW })
    expect(result.ok ? null : result.errors.hours).toBe('30 hours is more than the day given')
  })

  it('asks for what is missing in plain words', () => {
    const result = parseCpdEntry({ ...emptyEntry(''), hours: 'lots' }, { now: NOW })
    expect(result.ok ? null : result.errors).toEqual({
      title: 'Title is required',
      startDate: 'Use a date like 2026-11-23',
      hours: 'Hours must be a number',
      type: 'Choose an activity type',
    })
  })
})

describe('valuesFromEntry', () => {
  it('round-trips a saved entry through the form', () => {
    const entry: CpdEntry = {
      id: 'c1',
      updatedAt: 1,
      version: 1,
      deleted: false,
      lastMutationId: null,
      title: 'Course',
      startDate: '2026-10-01',
      hours: 2.5,
      type: 'self-directed',
      skillIds: ['python'],
      evidenceIds: ['e1'],
      learned: 'Pandas',
    }
    const values = valuesFromEntry(entry)
    expect(values).toMatchObject({ hours: '2.5', endDate: '', benefitUsers: '' })
    const back = parseCpdEntry(values, { now: NOW })
    expect(back.ok && back.fields).toEqual({
      title: 'Course',
      startDate: '2026-10-01',
      hours: 2.5,
      type: 'self-directed',
      skillIds: ['python'],
      learned: 'Pandas',
    })
  })
})

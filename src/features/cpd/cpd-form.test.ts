import { beforeAll, describe, expect, it } from 'vitest'
import type { CpdEntry } from '@/domain/entities'
import { fieldIssue } from '@/domain/validation'
import { i18nFor } from '../../../tests/support/i18n'
import { emptyEntry, emptyQuick, parseCpdEntry, QUICK_FIELDS, refusalErrors, valuesFromEntry, type CpdEntryValues } from './cpd-form'

const NOW = new Date(2026, 10, 23, 12)

// The domain gives problems (codes); the model words them in the language shown, English here.
beforeAll(async () => {
  await i18nFor('en')
})
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

describe('the quick form: the same model with four fields', () => {
  it('accepts a complete quick entry; the fields it does not show stay empty', () => {
    const result = parseCpdEntry({ title: ' Confocal training ', startDate: '2026-11-20', hours: '2.5', type: 'formal' }, { now: NOW })
    expect(result).toEqual({
      ok: true,
      fields: { title: 'Confocal training', startDate: '2026-11-20', hours: 2.5, type: 'formal', skillIds: [] },
    })
  })

  it('gives one readable message per invalid field', () => {
    const result = parseCpdEntry(emptyQuick(''), { now: NOW })
    expect(result.ok ? null : result.errors).toEqual({
      title: 'Title is required',
      startDate: 'Use a date like 2026-11-23',
      hours: 'Hours must be a number',
      type: 'Choose an activity type',
    })
  })

  it('refuses a date in the future and more hours than a day holds', () => {
    const future = parseCpdEntry({ title: 'x', startDate: '2026-11-24', hours: '1', type: 'other' }, { now: NOW })
    expect(future.ok ? null : future.errors.startDate).toBe('The start date cannot be in the future')
    const long = parseCpdEntry({ title: 'x', startDate: '2026-11-23', hours: '25', type: 'other' }, { now: NOW })
    expect(long.ok ? null : long.errors.hours).toBe('25 hours is more than the day given')
  })

  it('rejects negative and non-numeric hours', () => {
    const negative = parseCpdEntry({ title: 'x', startDate: '2026-01-01', hours: '-1', type: 'other' }, { now: NOW })
    expect(negative.ok ? null : negative.errors.hours).toBe('Hours cannot be negative')
    const text = parseCpdEntry({ title: 'x', startDate: '2026-01-01', hours: 'two', type: 'other' }, { now: NOW })
    expect(text.ok ? null : text.errors.hours).toBe('Hours must be a number')
  })

  it('takes the same values the full editor would, and gives the same answer', () => {
    const quick = { title: 'Webinar', startDate: '2026-11-02', hours: '1,5', type: 'self-directed' }
    expect(parseCpdEntry(quick, { now: NOW })).toEqual(parseCpdEntry({ ...emptyEntry('2026-11-02'), ...quick }, { now: NOW }))
  })
})

describe('refusalErrors', () => {
  const refusal = {
    issues: [
      fieldIssue('title', { code: 'tooLong', params: { label: 'title', max: 160 } }),
      fieldIssue('learned', { code: 'badCharacter', params: { label: 'learned' } }),
      fieldIssue('title', { code: 'required', params: { label: 'title' } }),
    ],
  }

  it('puts the repository’s refusal beside the fields a form shows, in words, the first per field', () => {
    const all = refusalErrors(refusal)
    expect(all.title).toBe('Title must be at most 160 characters')
    expect(all.learned).toMatch(/character that cannot be stored/)
    expect(refusalErrors(refusal, QUICK_FIELDS)).toEqual({ title: 'Title must be at most 160 characters' })
    expect(refusalErrors({ issues: [] })).toEqual({})
  })

  it('words the problems in Welsh when Welsh is shown', async () => {
    await i18nFor('cy')
    try {
      const result = parseCpdEntry({ title: 'x', startDate: '2026-11-24', hours: '-1', type: 'other' }, { now: NOW })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.errors.hours).toBe('Ni all yr oriau fod yn negatif')
      expect(result.errors.startDate).toBe('Ni all y dyddiad dechrau fod yn y dyfodol')
    } finally {
      await i18nFor('en')
    }
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

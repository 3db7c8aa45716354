import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cpdYear, developmentProgress, groupByCpdYear, hoursByCategory, standardsCheck, validateCpdDates } from './cpd'
import { cpd } from '../../../tests/support/rule-fixtures'
import { wordsIn } from '../../../tests/support/errors'

// Problems are codes; these tests read them in the English a person sees.
const en = await wordsIn('en')
const worded = <T extends object>(o: T) => ('message' in o ? { ...o, message: en(o.message as string) } : o)

const at = (iso: string) => new Date(`${iso}T12:00:00`)

describe('cpdYear', () => {
  it('is the calendar year when the year starts in January', () => {
    expect(cpdYear('2024-03-15')).toEqual({ label: '2024', startYear: 2024, start: '2024-01-01', end: '2024-12-31' })
  })
  it('spans two calendar years for another start month', () => {
    expect(cpdYear('2024-08-31', 9)).toEqual({ label: '2023/24', startYear: 2023, start: '2023-09-01', end: '2024-08-31' })
    expect(cpdYear('2024-09-01', 9)).toMatchObject({ label: '2024/25', start: '2024-09-01', end: '2025-08-31' })
    expect(cpdYear('2099-12-31', 12).label).toBe('2099/00')
  })
  it('always contains the date (property)', () => {
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 12 }), (iso, month) => {
        const y = cpdYear(iso, month)
        expect(y.start <= iso && iso <= y.end).toBe(true)
      }),
    )
  })
})

describe('groupByCpdYear and hoursByCategory', () => {
  const entries = [
    cpd('a', { startDate: '2023-10-01', hours: 2, type: 'formal' }),
    cpd('b', { startDate: '2024-02-01', hours: 1.5, type: 'work-based' }),
    cpd('c', { startDate: '2024-09-02', hours: 4, type: 'formal' }),
    cpd('d', { startDate: '2024-09-03', hours: 100, type: 'other', deleted: true }),
  ]
  it('groups newest year first', () => {
    const groups = groupByCpdYear(entries, 9)
    expect(groups.map((g) => [g.year.label, g.entries.map((e) => e.id)])).toEqual([
      ['2024/25', ['c']],
      ['2023/24', ['b', 'a']],
    ])
  })
  it('sums hours per type, every type present', () => {
    expect(hoursByCategory(entries)).toEqual({ 'work-based': 1.5, professional: 0, formal: 6, 'self-directed': 0, other: 0 })
  })
})

describe('standardsCheck', () => {
  const now = at('2024-06-30')

  it('passes with three types and every reflection written', () => {
    const r = standardsCheck(
      [
        cpd('a', { startDate: '2024-01-10', type: 'formal' }),
        cpd('b', { startDate: '2023-07-01', type: 'work-based' }),
        cpd('c', { startDate: '2024-06-30', type: 'other' }),
      ],
      { now },
    )
    expect(r.passed).toBe(true)
    expect(r.window).toEqual({ start: '2023-07-01', end: '2024-06-30' })
    expect(r.types).toEqual(['work-based', 'formal', 'other'])
    expect(r.rules.every((rule) => rule.passed && rule.hint === undefined)).toBe(true)
  })

  it('says which types are missing', () => {
    const r = standardsCheck(
      [cpd('a', { type: 'formal', startDate: '2024-01-10' }), cpd('b', { type: 'work-based', startDate: '2024-02-10' })],
      { now },
    )
    const rule = r.rules.find((x) => x.id === 'categories')
    expect(rule?.passed).toBe(false)
    expect(rule?.hint).toEqual({ code: 'moreTypes', have: ['work-based', 'formal'], need: 1, suggest: ['professional', 'self-directed'] })
  })

  it('only looks at the last 12 months, counting an entry that runs into them', () => {
    const r = standardsCheck(
      [
        cpd('old', { startDate: '2023-06-30', type: 'professional' }),
        cpd('span', { startDate: '2023-06-01', endDate: '2023-07-02', type: 'self-directed' }),
        cpd('future', { startDate: '2024-07-01', type: 'formal' }),
      ],
      { now },
    )
    expect(r.entryCount).toBe(1)
    expect(r.types).toEqual(['self-directed'])
  })

  it('names the entries missing each reflection', () => {
    const r = standardsCheck(
      [
        cpd('a', { title: 'Autoclave refresher', startDate: '2024-05-01', benefitUsers: ' ' }),
        cpd('b', { title: 'Python course', startDate: '2024-05-02', benefitUsers: undefined, learned: undefined }),
      ],
      { now },
    )
    const byId = Object.fromEntries(r.rules.map((x) => [x.id, x]))
    expect(byId.benefitUsers?.hint).toEqual({ code: 'noteFor', count: 2, titles: ['Autoclave refresher', 'Python course'] })
    expect(byId.learned?.hint).toEqual({ code: 'noteFor', count: 1, titles: ['Python course'] })
    expect(byId.benefitPractice?.passed).toBe(true)
    expect(r.passed).toBe(false)
  })

  it('fails every rule with a starting hint when nothing is logged', () => {
    const r = standardsCheck([], { now })
    expect(r.rules.map((x) => x.passed)).toEqual([false, false, false, false])
    expect(r.rules[0]?.hint).toEqual({ code: 'noActivity', min: 3, suggest: ['work-based', 'professional', 'formal'] })
    expect(r.rules[1]?.hint).toEqual({ code: 'logAndNote' })
  })
})

describe('developmentProgress', () => {
  const entries = [
    cpd('a', { startDate: '2023-08-31', hours: 30 }),
    cpd('b', { startDate: '2023-09-01', hours: 30 }),
    cpd('c', { startDate: '2024-02-01', hours: 7.5 }),
  ]
  it('turns this CPD year’s hours into days against the allowance', () => {
    const p = developmentProgress(entries, { now: at('2024-03-01'), allowanceDays: 10, yearStartMonth: 9 })
    expect(p).toMatchObject({ hours: 37.5, days: 5, allowanceDays: 10, percent: 50, remainingDays: 5 })
    expect(p.year.label).toBe('2023/24')
  })
  it('caps the bar and the remainder', () => {
    const p = developmentProgress([cpd('x', { startDate: '2024-01-02', hours: 120 })], { now: at('2024-03-01'), allowanceDays: 10 })
    expect(p).toMatchObject({ days: 16, percent: 100, remainingDays: 0 })
    expect(developmentProgress([], { now: at('2024-03-01'), allowanceDays: 0 }).percent).toBe(100)
  })
})

describe('validateCpdDates', () => {
  const now = at('2024-06-30')
  it('accepts today, ranges, and an end still to come', () => {
    expect(validateCpdDates({ startDate: '2024-06-30' }, { now })).toEqual([])
    expect(validateCpdDates({ startDate: '2024-06-01', endDate: '2024-07-15', hours: 20 }, { now })).toEqual([])
  })
  it('refuses a future start and an end before the start', () => {
    expect(validateCpdDates({ startDate: '2024-07-01' }, { now }).map(worded)).toEqual([
      { field: 'startDate', message: 'The start date cannot be in the future' },
    ])
    expect(validateCpdDates({ startDate: '2024-06-10', endDate: '2024-06-09' }, { now }).map(worded)).toEqual([
      { field: 'endDate', message: 'End date cannot be before the start date' },
    ])
  })
  it('refuses more hours than the days allow, and malformed dates', () => {
    expect(validateCpdDates({ startDate: '2024-06-10', hours: 25 }, { now }).map(worded)).toEqual([
      { field: 'hours', message: '25 hours is more than the day given' },
    ])
    expect(validateCpdDates({ startDate: '2024-06-10', endDate: '2024-06-11', hours: 48 }, { now })).toEqual([])
    expect(validateCpdDates({ startDate: '10/06/2024' }, { now })[0]?.field).toBe('startDate')
    expect(validateCpdDates({ startDate: '2024-06-10', endDate: 'soon' }, { now })[0]?.field).toBe('endDate')
  })
})

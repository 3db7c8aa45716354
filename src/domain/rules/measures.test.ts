import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { measureProgress, parseMeasure } from './measures'

const at = (iso: string) => new Date(`${iso}T12:00:00`)

describe('measureProgress', () => {
  const members = { baseline: 148, target: 178, deadline: '2024-05-31' }
  const start = '2021-06-01'

  it('has no data without a target or a current value', () => {
    expect(measureProgress({ target: 10 }, { now: at('2022-01-01') })).toEqual({ status: 'no-data', percent: null, expectedPercent: null })
    expect(measureProgress({ current: 10 }, { now: at('2022-01-01') }).status).toBe('no-data')
  })

  it('is on track when level with the straight line from start to deadline', () => {
    const p = measureProgress({ ...members, current: 163 }, { now: at('2022-11-30'), start })
    expect(p.percent).toBeCloseTo(50)
    expect(p.expectedPercent).toBeGreaterThan(49)
    expect(p.expectedPercent).toBeLessThan(51)
    expect(p.status).toBe('on-track')
  })

  it('is at risk when well behind the line, or past the deadline', () => {
    expect(measureProgress({ ...members, current: 150 }, { now: at('2023-06-01'), start }).status).toBe('at-risk')
    expect(measureProgress({ ...members, current: 177 }, { now: at('2024-06-01'), start }).status).toBe('at-risk')
    expect(measureProgress({ ...members, current: 177 }, { now: at('2024-06-01') }).status).toBe('at-risk')
  })

  it('is achieved at or beyond the target, with the bar capped at 100', () => {
    expect(measureProgress({ ...members, current: 200 }, { now: at('2022-01-01'), start })).toMatchObject({
      status: 'achieved',
      percent: 100,
    })
  })

  it('treats a missing baseline as 0, e.g. ">50% participation"', () => {
    const p = measureProgress({ target: 50, current: 40 }, { now: at('2022-01-01') })
    expect(p).toEqual({ status: 'on-track', percent: 80, expectedPercent: null })
  })

  it('handles a falling target and a flat one', () => {
    expect(measureProgress({ baseline: 20, target: 10, current: 15 }, { now: at('2022-01-01') }).percent).toBe(50)
    expect(measureProgress({ baseline: 20, target: 10, current: 25 }, { now: at('2022-01-01') }).percent).toBe(0)
    expect(measureProgress({ baseline: 10, target: 10, current: 10 }, { now: at('2022-01-01') }).status).toBe('achieved')
  })

  it('takes a custom tolerance', () => {
    const opts = { now: at('2022-11-30'), start }
    expect(measureProgress({ ...members, current: 158 }, { ...opts, tolerance: 20 }).status).toBe('on-track')
    expect(measureProgress({ ...members, current: 158 }, { ...opts, tolerance: 5 }).status).toBe('at-risk')
  })

  it('keeps the bar within 0–100 for any numbers (property)', () => {
    const n = fc.integer({ min: -1000, max: 1000 })
    fc.assert(
      fc.property(n, n, n, fc.integer({ min: 0, max: 2000 }), (baseline, target, current, day) => {
        const now = new Date(Date.UTC(2021, 0, 1 + day, 12))
        const p = measureProgress({ baseline, target, current, deadline: '2023-12-31' }, { now, start: '2021-01-01' })
        expect(p.percent).toBeGreaterThanOrEqual(0)
        expect(p.percent).toBeLessThanOrEqual(100)
        expect(p.status).not.toBe('no-data')
      }),
    )
  })
})

describe('parseMeasure', () => {
  it.each([
    ['Teams membership from 148 +20% by 2024', { baseline: 148, target: 178, unit: 'Teams membership', deadline: '2024-12-31' }],
    ['apprenticeships 9 → 14 by 2023', { baseline: 9, target: 14, unit: 'apprenticeships', deadline: '2023-12-31' }],
    ['apprenticeships 9 -> 14', { baseline: 9, target: 14, unit: 'apprenticeships' }],
    ['>50% participation', { target: 50, unit: '%' }],
    ['Events that encourage wide scale participation (>50%)', { target: 50, unit: '%' }],
    ['4 new case studies per year', { target: 4, unit: 'case studies/year' }],
    ['3 external nominations per year', { target: 3, unit: 'nominations/year' }],
    [
      'Increase in the number of apprenticeships from 9 to 14 by 2023',
      { baseline: 9, target: 14, unit: 'apprenticeships', deadline: '2023-12-31' },
    ],
    ['Increased membership of the TCWG (currently 10) to 15 by 2024', { baseline: 10, target: 15, unit: 'TCWG', deadline: '2024-12-31' }],
    ['Reduce open vacancies from 20 by 25% by Sept 2023', { baseline: 20, target: 15, unit: 'open vacancies', deadline: '2023-09-30' }],
    ['Participation from 40% to 60% by the end of 2023/24', { baseline: 40, target: 60, unit: '%', deadline: '2024-07-31' }],
    ['1,365 responses to at least 1,500 by 2025-03-31', { target: 1500, deadline: '2025-03-31' }],
    ['Annual conferences scheduled in 2021, 2022 and 2023', {}],
    ['Visible mission statement.', {}],
  ])('reads %j', (text, expected) => {
    expect(parseMeasure(text)).toEqual(expected)
  })

  it('turns a relative period into a date from the plan start', () => {
    expect(parseMeasure('Increase membership from 148 members by 20% over 3 years', { from: '2021-06-01' })).toEqual({
      baseline: 148,
      target: 178,
      unit: 'members',
      deadline: '2024-05-31',
    })
    expect(parseMeasure('20% of staff achieving professional registration in 2 years', { from: '2019-01-01' })).toEqual({
      target: 20,
      unit: '%',
      deadline: '2020-12-31',
    })
    expect(parseMeasure('Increased numbers attending to >70 over the 3 year period')).toEqual({ target: 70 })
  })

  it('never throws and always fits the schema’s unit length (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseMeasure(text)
        expect(r.unit === undefined || r.unit.length <= 20).toBe(true)
        expect(r.deadline === undefined || /^\d{4}-\d{2}-\d{2}$/.test(r.deadline)).toBe(true)
      }),
    )
  })
})

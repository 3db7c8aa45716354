import { beforeAll, describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import { changedFields, defaultEndDate, emptyPlanForm, parsePlanForm, planFormFrom, type Translate } from './plan-form'

let t: Translate
beforeAll(async () => {
  t = ((await i18nFor('en')).global as unknown as { t: Translate }).t
})

/** The schema's own message for an empty plan title (the form passes it on). */

describe('plan form', () => {
  it('defaults the end date from the stage: 24 months for Stage One, 36 for Stage Two', () => {
    expect(defaultEndDate('one', '2026-06-01')).toBe('2028-05-31')
    expect(defaultEndDate('two', '2026-06-01')).toBe('2029-05-31')
    expect(defaultEndDate('two', '')).toBe('')
  })

  it('turns glossary rows into records and skips blank rows', () => {
    const values = {
      ...emptyPlanForm('2026-06-01'),
      title: 'Stage Two plan',
      phases: [
        { key: 'P1', label: 'Jun 2026 – May 2027' },
        { key: '', label: '' },
      ],
      owners: [{ key: 'SG', label: 'Steering group' }],
    }
    const result = parsePlanForm(values, t)
    expect(result).toMatchObject({
      ok: true,
      fields: {
        title: 'Stage Two plan',
        stage: 'two',
        status: 'draft',
        phases: { P1: 'Jun 2026 – May 2027' },
        owners: { SG: 'Steering group' },
      },
    })
    if (result.ok)
      expect(planFormFrom({ ...result.fields, id: 'p', updatedAt: 0, version: 0, deleted: false, lastMutationId: null })).toEqual({
        ...values,
        phases: [values.phases[0]],
      })
  })

  it('reports each problem at its field or row', () => {
    const result = parsePlanForm(
      {
        title: '',
        stage: 'three',
        startDate: '2026-06-01',
        endDate: '2026-01-01',
        status: 'draft',
        phases: [
          { key: 'P1', label: 'a' },
          { key: 'P1', label: '' },
        ],
        owners: [{ key: 'TOO-LONG-ABBREVIATION-X', label: 'x' }],
      },
      t,
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Plan title is required',
        stage: 'Choose one',
        'phases.1.key': 'P1 is listed twice',
        'phases.1.label': 'Say what it stands for',
        'owners.0.key': 'Abbreviation must be at most 20 characters',
      },
    })
    expect(parsePlanForm({ ...emptyPlanForm('2026-06-01'), title: 'x', endDate: '2026-05-01' }, t)).toEqual({
      ok: false,
      errors: { endDate: 'The end date must be after the start date' },
    })
  })
})

describe('changedFields', () => {
  it('keeps only what differs, comparing nested values by content', () => {
    expect(changedFields({ title: 'A', owners: { SG: 'x' }, stage: 'two' }, { title: 'A', owners: { SG: 'y' }, stage: 'two' })).toEqual({
      owners: { SG: 'y' },
    })
    expect(changedFields({ a: 1 }, { a: 1 })).toEqual({})
  })
})

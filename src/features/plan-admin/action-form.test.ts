import { describe, expect, it } from 'vitest'
import { emptyActionForm, emptyMeasure, parseActionForm, readMeasureText } from './action-form'

const ctx = { planId: 'plan-1', otherCodes: ['V1', 'R2'] }

describe('parseActionForm', () => {
  it('builds an action with two themes and a numeric measure', () => {
    const measure = {
      ...emptyMeasure(),
      id: 'm1',
      text: 'Apprenticeships 9 → 14 by 2027',
      baseline: '9',
      target: '14',
      current: '11',
      unit: 'apprentices',
      deadline: '2027-12-31',
    }
    const result = parseActionForm(
      {
        ...emptyActionForm(),
        code: ' S2 ',
        themes: ['sustainability', 'career'],
        activity: 'Grow apprenticeships',
        timeframe: 'P1-2',
        owner: 'HR',
        measures: [measure, emptyMeasure()],
      },
      ctx,
    )
    expect(result).toEqual({
      ok: true,
      fields: {
        planId: 'plan-1',
        code: 'S2',
        themes: ['sustainability', 'career'],
        activity: 'Grow apprenticeships',
        timeframe: 'P1-2',
        owner: 'HR',
        measures: [
          {
            id: 'm1',
            text: 'Apprenticeships 9 → 14 by 2027',
            baseline: 9,
            target: 14,
            current: 11,
            unit: 'apprentices',
            deadline: '2027-12-31',
            source: 'manual',
          },
        ],
      },
    })
  })

  it('reports the schema’s messages at each field, and a repeated code', () => {
    const result = parseActionForm(
      {
        ...emptyActionForm(),
        code: 'V1',
        themes: ['visibility', 'recognition', 'career'],
        activity: '',
        measures: [{ ...emptyMeasure(), text: 'x', target: 'lots' }],
      },
      ctx,
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        'measures.0.target': 'Enter a number, e.g. 148 or 50',
        themes: 'An action links to at most two themes',
        activity: 'Activity is required',
        code: 'Code V1 is already in this plan',
      },
    })
    expect(parseActionForm({ ...emptyActionForm(), code: 'X9', themes: [], activity: 'a' }, ctx)).toMatchObject({
      ok: false,
      errors: { code: 'Code must look like V1, R2, CD3, S4 or V1 ii', themes: 'Choose at least one theme' },
    })
  })
})

describe('readMeasureText', () => {
  it('fills empty numbers from the wording and keeps what the lead typed', () => {
    const row = readMeasureText({ ...emptyMeasure(), text: 'Teams membership from 148 +20% by 2028', target: '180' })
    expect(row).toMatchObject({ baseline: '148', target: '180', deadline: '2028-12-31' })
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import type { PlanAction } from '@/domain/entities'
import { actionFormFrom, emptyActionForm, emptyMeasure, parseActionForm, readMeasureText } from './action-form'
import type { Translate } from './plan-form'

let t: Translate
beforeAll(async () => {
  t = ((await i18nFor('en')).global as unknown as { t: Translate }).t
})

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
      t,
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
      t,
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
    expect(parseActionForm({ ...emptyActionForm(), code: 'X9', themes: [], activity: 'a' }, ctx, t)).toMatchObject({
      ok: false,
      errors: { code: 'Code must look like V1, R2, CD3, S4 or V1 ii', themes: 'Choose at least one theme' },
    })
  })

  it('keeps Welsh beside the English: activity, outputs and each measure, none when left blank', () => {
    const values = {
      ...emptyActionForm(),
      code: 'V3',
      themes: ['visibility'],
      activity: 'Lab tours',
      activityCy: 'Teithiau labordy',
      outputs: 'Four tours',
      outputsCy: '  ',
      measures: [
        { ...emptyMeasure(), id: 'm1', text: 'Tours a year: 4', textCy: 'Teithiau y flwyddyn: 4' },
        { ...emptyMeasure(), id: 'm2', text: 'Visitors' },
      ],
    }
    const result = parseActionForm(values, ctx, t)
    expect(result.ok && result.fields).toMatchObject({ activity: 'Lab tours', activityCy: 'Teithiau labordy', outputs: 'Four tours' })
    expect(result.ok && 'outputsCy' in result.fields).toBe(false)
    expect(result.ok && result.fields.measures).toEqual([
      { id: 'm1', text: 'Tours a year: 4', textCy: 'Teithiau y flwyddyn: 4', source: 'manual' },
      { id: 'm2', text: 'Visitors', source: 'manual' },
    ])
    const action = {
      ...(result.ok ? result.fields : ({} as never)),
      id: 'a',
      updatedAt: 0,
      version: 0,
      deleted: false,
      lastMutationId: null,
    } as PlanAction
    expect(actionFormFrom(action)).toMatchObject({
      activityCy: 'Teithiau labordy',
      outputsCy: '',
      measures: [{ textCy: 'Teithiau y flwyddyn: 4' }, { textCy: '' }],
    })
  })

  it('clears Welsh the action had when the lead empties it', () => {
    const values = { ...emptyActionForm(), code: 'V3', themes: ['visibility'], activity: 'Lab tours', activityCy: '' }
    const result = parseActionForm(values, { ...ctx, existing: { activityCy: 'Teithiau labordy' } }, t)
    expect(result.ok && result.fields.activityCy).toBe('')
  })

  it('names the member told of status changes, and clears one no longer chosen', () => {
    const values = { ...emptyActionForm(), code: 'V3', themes: ['visibility'], activity: 'Lab tours', timeframe: 'P1', owner: 'TM' }
    const chosen = parseActionForm({ ...values, ownerUid: 'uid-owner-1' }, ctx, t)
    expect(chosen.ok && chosen.fields.ownerUid).toBe('uid-owner-1')
    const none = parseActionForm(values, ctx, t)
    expect(none.ok && 'ownerUid' in none.fields).toBe(false)
    // The saved action had one: the field travels as cleared, so the server removes it.
    const cleared = parseActionForm(values, { ...ctx, existing: { ownerUid: 'uid-owner-1' } }, t)
    expect(cleared.ok && 'ownerUid' in cleared.fields && cleared.fields.ownerUid).toBe(undefined)
    expect(cleared.ok && Object.keys(cleared.fields)).toContain('ownerUid')
  })

  it('loads the member into the form and back', () => {
    const action = {
      code: 'V3',
      themes: ['visibility'],
      activity: 'Lab tours',
      timeframe: 'P1',
      owner: 'TM',
      measures: [],
      ownerUid: 'uid-owner-1',
    }
    const form = actionFormFrom(action as unknown as PlanAction)
    expect(form.ownerUid).toBe('uid-owner-1')
  })
})

describe('readMeasureText', () => {
  it('fills empty numbers from the wording and keeps what the lead typed', () => {
    const row = readMeasureText({ ...emptyMeasure(), text: 'Teams membership from 148 +20% by 2028', target: '180' })
    expect(row).toMatchObject({ baseline: '148', target: '180', deadline: '2028-12-31' })
  })
})

describe('a measure’s check-ins in the action form', () => {
  it('are kept through load and save (the form never drops them)', () => {
    const checkIns = [{ id: 'c1', value: 11, date: '2026-03-01', byUid: 'u-lead', note: 'Two started' }]
    const action = {
      id: 'a1',
      planId: 'plan-1',
      code: 'S2',
      themes: ['career'],
      activity: 'Grow apprenticeships',
      timeframe: 'P1',
      owner: 'HR',
      measures: [{ id: 'm1', text: 'Apprenticeships 9 → 14', baseline: 9, target: 14, checkIns }],
      updatedAt: 1,
      version: 1,
      deleted: false,
      lastMutationId: null,
    } as PlanAction
    const result = parseActionForm(actionFormFrom(action), { planId: 'plan-1', otherCodes: [] }, t)
    expect(result.ok && result.fields.measures[0]!.checkIns).toEqual(checkIns)
  })
})

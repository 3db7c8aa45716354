import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ActionSchema, SuccessMeasureSchema } from '@/domain/entities'
import { COLLECTIONS } from '@/domain/collections'
import { activityIn, inLanguage, measureTextIn, outputsIn } from './plan-language'

const meta = { id: 'a1', updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const action = {
  ...meta,
  planId: 'p1',
  code: 'V1',
  themes: ['visibility'],
  activity: 'Grow the Teams channel',
  measures: [{ id: 'm1', text: 'Members 148 → 180 by 2028' }],
  timeframe: 'P1',
  owner: 'SG',
}

describe('bilingual plan schema', () => {
  it('keeps an action written before Welsh fields existed valid', () => {
    expect(v.safeParse(ActionSchema, action).success).toBe(true)
  })

  it('accepts Welsh beside the English activity, outputs and measure, trimmed', () => {
    const parsed = v.parse(ActionSchema, {
      ...action,
      activityCy: ' Tyfu’r sianel Teams ',
      outputs: 'Monthly posts',
      outputsCy: 'Negeseuon misol',
      measures: [{ id: 'm1', text: 'Members 148 → 180 by 2028', textCy: 'Aelodau 148 → 180 erbyn 2028' }],
    })
    expect(parsed.activityCy).toBe('Tyfu’r sianel Teams')
    expect(parsed.measures[0]?.textCy).toBe('Aelodau 148 → 180 erbyn 2028')
  })

  it('refuses Welsh that is not text or too long, like the English', () => {
    expect(v.safeParse(ActionSchema, { ...action, activityCy: 42 }).success).toBe(false)
    expect(v.safeParse(ActionSchema, { ...action, activityCy: 'x'.repeat(2001) }).success).toBe(false)
    expect(v.safeParse(SuccessMeasureSchema, { id: 'm1', text: 'A', textCy: 'x'.repeat(401) }).success).toBe(false)
    expect(v.safeParse(SuccessMeasureSchema, { id: 'm1', text: 'A', textCy: 'a\u0000b' }).success).toBe(false)
  })

  it('lets the push callable write the Welsh fields (the server checks writes against the same field list)', () => {
    expect(COLLECTIONS.actions.fields).toEqual(expect.arrayContaining(['activityCy', 'outputsCy', 'measures']))
  })
})

describe('the text a plan shows', () => {
  it('is the Welsh in Welsh when it is written, else the English', () => {
    expect(inLanguage('cy', 'Grow', 'Tyfu')).toBe('Tyfu')
    expect(inLanguage('en', 'Grow', 'Tyfu')).toBe('Grow')
    expect(inLanguage('cy', 'Grow', undefined)).toBe('Grow')
    expect(inLanguage('cy', 'Grow', '   ')).toBe('Grow')
  })

  it('applies to activity, outputs and measures', () => {
    const a = { activity: 'Grow', activityCy: 'Tyfu', outputs: 'Posts', outputsCy: '' }
    expect(activityIn('cy', a)).toBe('Tyfu')
    expect(outputsIn('cy', a)).toBe('Posts')
    expect(outputsIn('cy', { outputs: undefined })).toBe('')
    expect(measureTextIn('cy', { text: 'Members', textCy: 'Aelodau' })).toBe('Aelodau')
    expect(measureTextIn('en', { text: 'Members', textCy: 'Aelodau' })).toBe('Members')
  })
})

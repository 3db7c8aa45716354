import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ActionSchema, SuccessMeasureSchema } from '@/domain/entities'
import type { Caller } from '@/domain/collections'
import { mergeMutation, type ServerDoc } from '@/domain/merge'
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

  it('is what the push callable’s merge (shared with functions/src/push) writes, and clears', () => {
    const lead: Caller = { uid: 'u-lead', institutionId: 'inst', role: 'lead' }
    const { id: _id, updatedAt: _u, version: _v, deleted: _d, lastMutationId: _l, ...fields } = action
    const put = { mutationId: 'm-00000001', collection: 'actions', docId: 'a1', clientTime: 10 } as const
    const written = (o: ReturnType<typeof mergeMutation>): ServerDoc => {
      if (o.kind !== 'write') throw new Error(`expected a write, got ${JSON.stringify(o)}`)
      return o.doc
    }
    // An action written as before: still accepted.
    expect(mergeMutation(lead, { ...put, op: 'put', payload: fields }, null, { now: 100, mutationId: put.mutationId }).kind).toBe('write')
    const welsh = {
      ...fields,
      activityCy: 'Tyfu’r sianel Teams',
      measures: [{ id: 'm1', text: 'Members 148 → 180 by 2028', textCy: 'Aelodau 148 → 180 erbyn 2028' }],
    }
    const doc = written(mergeMutation(lead, { ...put, op: 'put', payload: welsh }, null, { now: 100, mutationId: put.mutationId }))
    expect(doc).toMatchObject({ activityCy: 'Tyfu’r sianel Teams', measures: [{ textCy: 'Aelodau 148 → 180 erbyn 2028' }] })
    const cleared = written(
      mergeMutation(lead, { ...put, mutationId: 'm-00000002', op: 'patch', payload: { activityCy: '' }, clientTime: 20 }, doc, {
        now: 200,
        mutationId: 'm-00000002',
      }),
    )
    expect(cleared.activityCy).toBe('')
    expect(cleared.activity).toBe('Grow the Teams channel')
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

import { describe, expect, it } from 'vitest'
import type { Caller } from '../collections'
import type { PlanAction, SuccessMeasure } from '../entities'
import { ActionSchema } from '../entities'
import { mergeMutation, type ServerDoc } from '../merge'
import { applySetOps, diffSets } from '../sets'
import * as v from 'valibot'
import { checkInSeries, impactEvidence, measureTrend, sparklinePoints, withCheckIn } from './measure-history'

const measure: SuccessMeasure = { id: 'm1', text: 'Apprenticeships from 9 to 14', baseline: 9, target: 14, current: 9 }
const action = (measures: SuccessMeasure[]): PlanAction => ({
  id: 'a1',
  planId: 'p1',
  code: 'CD2',
  themes: ['career'],
  activity: 'Apprenticeships',
  measures,
  timeframe: 'P1',
  owner: 'HR',
  updatedAt: 1,
  version: 3,
  deleted: false,
  lastMutationId: null,
})

describe('measure check-ins', () => {
  it('an action without check-ins (an older document) stays valid, and one with check-ins too', () => {
    expect(v.safeParse(ActionSchema, action([measure])).success).toBe(true)
    const withOne = withCheckIn([measure], 'm1', { value: 11, date: '2026-03-01', byUid: 'u-lead', note: 'Two started' }, 'c1')
    expect(v.safeParse(ActionSchema, action(withOne)).success).toBe(true)
    expect(withOne[0]!.checkIns).toEqual([{ id: 'c1', value: 11, date: '2026-03-01', byUid: 'u-lead', note: 'Two started' }])
  })

  it('a manual measure takes the latest reading as its current value; an older reading leaves it', () => {
    const one = withCheckIn([measure], 'm1', { value: 12, date: '2026-06-01', byUid: 'u' }, 'c2')
    expect(one[0]!.current).toBe(12)
    const two = withCheckIn(one, 'm1', { value: 10, date: '2026-01-01', byUid: 'u' }, 'c1')
    expect(two[0]!.current).toBe(12)
    const fed = withCheckIn([{ ...measure, source: 'members' }], 'm1', { value: 40, date: '2026-06-01', byUid: 'u' }, 'c3')
    expect(fed[0]!.current).toBe(9)
  })

  it('reads the series by date and its trend towards the target', () => {
    const m: SuccessMeasure = {
      ...measure,
      checkIns: [
        { id: 'b', value: 12, date: '2026-06-01', byUid: 'u' },
        { id: 'a', value: 10, date: '2026-01-01', byUid: 'u' },
      ],
    }
    expect(checkInSeries(m).map((c) => c.id)).toEqual(['a', 'b'])
    expect(measureTrend(m)).toMatchObject({ change: 2, direction: 'up', towardsTarget: true, latest: { value: 12 } })
    expect(measureTrend({ ...m, target: 5 })).toMatchObject({ direction: 'up', towardsTarget: false })
    expect(measureTrend(measure)).toBeNull()
  })

  it('evidence of impact lists the measures that have readings, with their action code', () => {
    const withReadings = withCheckIn([measure, { id: 'm2', text: 'No data yet' }], 'm1', { value: 13, date: '2026-05-01', byUid: 'u' }, 'c')
    const evidence = impactEvidence([action(withReadings)])
    expect(evidence).toHaveLength(1)
    expect(evidence[0]).toMatchObject({ actionCode: 'CD2', measureId: 'm1', baseline: 9, target: 14, trend: { latest: { value: 13 } } })
  })

  it('draws a sparkline inside its box (flat series in the middle)', () => {
    expect(sparklinePoints([1, 3, 2], 100, 20)).toBe('2,18 50,2 98,10')
    expect(sparklinePoints([5, 5], 100, 20)).toBe('2,10 98,10')
    expect(sparklinePoints([], 100, 20)).toBe('')
  })
})

describe('check-ins merge by element', () => {
  it('two leads adding a check-in to one measure offline both keep theirs', () => {
    const base = { measures: [measure] }
    const a = diffSets('actions', base, { measures: withCheckIn([measure], 'm1', { value: 10, date: '2026-01-01', byUid: 'u1' }, 'c1') })
    const b = diffSets('actions', base, { measures: withCheckIn([measure], 'm1', { value: 11, date: '2026-02-01', byUid: 'u2' }, 'c2') })
    expect(a.ops.some((op) => op.path.join('/') === 'm1' || op.path.join('/') === 'measures/m1/checkIns')).toBe(true)
    const server: Record<string, unknown> = structuredClone(base)
    applySetOps('actions', server, a.ops)
    applySetOps('actions', server, b.ops)
    const checkIns = (server.measures as SuccessMeasure[])[0]!.checkIns!
    expect(checkIns.map((c) => c.id).sort()).toEqual(['c1', 'c2'])
  })

  it('saving the action form without touching check-ins keeps them', () => {
    const before = { measures: withCheckIn([measure], 'm1', { value: 10, date: '2026-01-01', byUid: 'u1' }, 'c1') }
    const { ops } = diffSets('actions', before, { measures: [{ ...before.measures[0]!, text: 'Apprentices 9 → 14' }] })
    const server: Record<string, unknown> = structuredClone(before)
    applySetOps('actions', server, ops)
    expect((server.measures as SuccessMeasure[])[0]).toMatchObject({ text: 'Apprentices 9 → 14', checkIns: [{ id: 'c1' }] })
  })
})

describe('the server checks who checked in', () => {
  const lead: Caller = { uid: 'u-lead', institutionId: 'inst', role: 'lead' }
  const live = { ...action([measure]), institutionId: 'inst' } as unknown as ServerDoc
  const patch = (byUid: string) => {
    const { ops } = diffSets(
      'actions',
      { measures: [measure] },
      { measures: withCheckIn([measure], 'm1', { value: 10, date: '2026-01-01', byUid }, 'c1') },
    )
    return mergeMutation(
      lead,
      { mutationId: 'm-00000009', collection: 'actions', docId: 'a1', op: 'patch', payload: {}, sets: ops, clientTime: 10, baseVersion: 3 },
      live,
      { now: 5_000, mutationId: 'm-00000009' },
    )
  }

  it('a lead records a check-in in their own name', () => {
    const out = patch('u-lead')
    expect(out.kind).toBe('write')
    if (out.kind === 'write') expect((out.doc.measures as SuccessMeasure[])[0]!.checkIns).toHaveLength(1)
  })

  it('a check-in in someone else’s name is refused', () => {
    expect(patch('u-other')).toMatchObject({ kind: 'rejected', code: 'forbidden', message: 'checkInAuthor', field: 'measures' })
  })
})

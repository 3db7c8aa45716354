import { describe, expect, it } from 'vitest'
import type { PlanAction, SuccessMeasure } from '@/domain/entities'
import { fedValue, feedState, measureView, staleFedMeasures } from './measure-feeds'

const measure = (extra: Partial<SuccessMeasure>): SuccessMeasure => ({ id: 'm1', text: 'Technicians registered: 0 → 400', ...extra })
const feeds = {
  members: 120,
  membersWithSkillsPercent: 71,
  registeredMembers: 12,
  cpdParticipationPercent: 48,
  surveyResponseRatePercent: 27,
}

describe('fedValue', () => {
  it('reads each source from app data', () => {
    expect(fedValue(measure({ source: 'members' }), feeds)).toBe(120)
    expect(fedValue(measure({ source: 'members', unit: '%' }), feeds)).toBe(71)
    expect(fedValue(measure({ source: 'registrations' }), feeds)).toBe(12)
    expect(fedValue(measure({ source: 'registrations', unit: '%' }), feeds)).toBe(10)
    expect(fedValue(measure({ source: 'cpd-participation', unit: '%' }), feeds)).toBe(48)
    expect(fedValue(measure({ source: 'survey-response-rate', unit: '%' }), feeds)).toBe(27)
  })

  it('leaves hand-kept measures and unknown or withheld figures alone', () => {
    expect(fedValue(measure({ source: 'manual' }), feeds)).toBeUndefined()
    expect(fedValue(measure({}), feeds)).toBeUndefined()
    expect(fedValue(measure({ source: 'registrations' }), { registeredMembers: null })).toBeUndefined()
    expect(fedValue(measure({ source: 'cpd-participation' }), {})).toBeUndefined()
  })
})

describe('measureView', () => {
  it('shows the fed value and its progress, else the value entered by hand', () => {
    const fed = measureView(measure({ source: 'members', baseline: 0, target: 400, current: 3, deadline: '2027-05-31' }), feeds, {
      now: Date.UTC(2026, 10, 23),
      start: '2025-06-01',
    })
    expect(fed).toMatchObject({ current: 120, fed: true, progress: { percent: 30, status: 'at-risk' } })
    const manual = measureView(measure({ source: 'manual', target: 4, current: 4 }), feeds, { now: Date.UTC(2026, 10, 23) })
    expect(manual).toMatchObject({ current: 4, fed: false, progress: { status: 'achieved' } })
  })
})

describe('feedState', () => {
  it('tells a live figure from a withheld one (null), an unknown one (missing) and a hand-kept measure', () => {
    expect(feedState(measure({ source: 'registrations' }), feeds)).toBe('live')
    expect(feedState(measure({ source: 'manual' }), feeds)).toBe('manual')
    expect(feedState(measure({}), feeds)).toBe('manual')
    expect(feedState(measure({ source: 'registrations' }), { registeredMembers: null })).toBe('withheld')
    expect(feedState(measure({ source: 'registrations', unit: '%' }), { registeredMembers: 40, members: null })).toBe('withheld')
    expect(feedState(measure({ source: 'cpd-participation' }), { cpdParticipationPercent: null })).toBe('withheld')
    expect(feedState(measure({ source: 'cpd-participation' }), {})).toBe('unknown')
  })

  it('keeps the stored value in the view of a withheld measure but marks it as not live', () => {
    const view = measureView(
      measure({ source: 'registrations', current: 31 }),
      { registeredMembers: null },
      { now: Date.UTC(2026, 10, 23) },
    )
    expect(view).toMatchObject({ current: 31, fed: false, state: 'withheld' })
  })
})

describe('staleFedMeasures', () => {
  it('lists only actions whose fed measures changed', () => {
    const meta = { updatedAt: 0, version: 1, deleted: false, lastMutationId: null }
    const base = { ...meta, planId: 'p', themes: ['visibility' as const], activity: 'x', timeframe: '', owner: '' }
    const actions: PlanAction[] = [
      {
        ...base,
        id: 'a1',
        code: 'V1',
        measures: [measure({ source: 'members', current: 100 }), measure({ id: 'm2', source: 'manual', current: 1 })],
      },
      { ...base, id: 'a2', code: 'V2', measures: [measure({ source: 'members', current: 120 })] },
      { ...base, id: 'a3', code: 'V3', measures: [measure({ source: 'cpd-participation', unit: '%' })], deleted: true },
    ]
    const stale = staleFedMeasures(actions, feeds)
    expect(stale).toHaveLength(1)
    expect(stale[0]?.actionId).toBe('a1')
    expect(stale[0]?.measures.map((m) => m.current)).toEqual([120, 1])
  })
})

import { describe, expect, it } from 'vitest'
import type { PlanAction, RagChange } from '@/domain/entities'
import { currentRag, groupByTheme, pickCurrentPlan } from './plan-groups'

const meta = { updatedAt: 0, version: 0, deleted: false, lastMutationId: null }
function action(id: string, code: string, themes: PlanAction['themes']): PlanAction {
  return { ...meta, id, code, themes, planId: 'p1', activity: code, measures: [], timeframe: 'P1', owner: 'SG' }
}
function change(id: string, actionId: string, status: RagChange['status'], at: number): RagChange {
  return { ...meta, id, actionId, status, at, rationale: 'r', byUid: 'lead' }
}

describe('currentRag', () => {
  it('takes the latest change per action, whatever the input order', () => {
    const rag = currentRag([change('c2', 'a1', 'green', 20), change('c1', 'a1', 'amber', 10), change('c3', 'a2', 'red', 5)])
    expect(rag.get('a1')).toBe('green')
    expect(rag.get('a2')).toBe('red')
  })
})

describe('groupByTheme', () => {
  it('groups in theme order, sorts codes naturally and lists two-theme actions twice', () => {
    const groups = groupByTheme(
      [action('a3', 'V10', ['visibility']), action('a1', 'V2', ['visibility', 'sustainability']), action('a2', 'R1', ['recognition'])],
      [change('c1', 'a1', 'amber', 1)],
    )
    expect(groups.map((g) => g.theme)).toEqual(['visibility', 'recognition', 'sustainability'])
    expect(groups[0]?.rows.map((r) => [r.action.code, r.rag])).toEqual([
      ['V2', 'amber'],
      ['V10', null],
    ])
    expect(groups[2]?.rows[0]?.action.code).toBe('V2')
  })
})

describe('pickCurrentPlan', () => {
  const plan = (startDate: string, status: 'draft' | 'published' | 'archived', deleted = false) => ({ startDate, status, deleted })
  it('shows members the latest published plan, and leads a draft when nothing is published', () => {
    const plans = [
      plan('2021-06-01', 'archived'),
      plan('2023-06-01', 'published'),
      plan('2026-06-01', 'draft'),
      plan('2024-06-01', 'published', true),
    ]
    expect(pickCurrentPlan(plans)?.startDate).toBe('2023-06-01')
    expect(pickCurrentPlan([plan('2026-06-01', 'draft')])).toBeNull()
    expect(pickCurrentPlan([plan('2026-06-01', 'draft')], { includeDrafts: true })?.startDate).toBe('2026-06-01')
  })
})

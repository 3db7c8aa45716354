import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { RagChangeSchema } from '../entities'
import {
  activitySimilarity,
  compareActionCodes,
  currentRag,
  currentRagByAction,
  RED_NEEDS_RATIONALE,
  ragAsOf,
  ragHistory,
  ragSummary,
  ragSummaryByTheme,
  stageTwoAnalysis,
  validateRagChange,
} from './rag'
import { action, rag } from '../../../tests/support/rule-fixtures'

describe('currentRag and ragHistory', () => {
  const changes = [
    rag('c3', 'a1', 'green', 300),
    rag('c1', 'a1', 'red', 100, 'Waiting for funding'),
    rag('c2', 'a1', 'amber', 200),
    rag('c9', 'a2', 'amber', 50),
  ]

  it('is the latest change by time, whatever the input order', () => {
    expect(currentRag(changes, 'a1')?.status).toBe('green')
    expect(currentRag(changes, 'a2')?.status).toBe('amber')
    expect(currentRag(changes, 'missing')).toBeNull()
  })

  it('breaks a tie in time by id, so two leads offline get one answer', () => {
    const tied = [rag('0190-b', 'a1', 'amber', 500), rag('0190-a', 'a1', 'green', 500)]
    expect(currentRag(tied, 'a1')?.id).toBe('0190-b')
    expect(currentRag([...tied].reverse(), 'a1')?.id).toBe('0190-b')
  })

  it('ignores tombstoned changes', () => {
    const withDeleted = [...changes, { ...rag('c4', 'a1', 'red', 400, 'x'), deleted: true }]
    expect(currentRag(withDeleted, 'a1')?.id).toBe('c3')
    expect(ragHistory(withDeleted, 'a1').map((c) => c.id)).toEqual(['c1', 'c2', 'c3'])
  })

  it('gives the status in force at a moment', () => {
    expect(ragAsOf(changes, 'a1', 250)?.status).toBe('amber')
    expect(ragAsOf(changes, 'a1', 99)).toBeNull()
    expect(currentRagByAction(changes, 150).get('a1')?.status).toBe('red')
  })

  it('agrees with the last of the sorted history for any order (property)', () => {
    const change = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      at: fc.integer({ min: 0, max: 5 }),
      status: fc.constantFrom('red', 'amber', 'green' as const),
    })
    fc.assert(
      fc.property(fc.uniqueArray(change, { selector: (c) => c.id, minLength: 1 }), (raw) => {
        const list = raw.map((c) => rag(c.id, 'a', c.status, c.at, 'why'))
        const last = ragHistory(list, 'a').at(-1)
        expect(currentRag(list, 'a')).toBe(last)
        expect(currentRag([...list].reverse(), 'a')).toBe(last)
        expect(currentRagByAction(list).get('a')).toBe(last)
      }),
    )
  })
})

describe('validateRagChange', () => {
  it('refuses Red without an explanation, with the schema’s words', () => {
    expect(validateRagChange({ status: 'red', rationale: '  ' })).toEqual({ ok: false, field: 'rationale', message: RED_NEEDS_RATIONALE })
    const parsed = v.safeParse(RagChangeSchema, rag('c', 'a', 'red', 1, ''))
    expect(parsed.issues?.[0]?.message).toBe(RED_NEEDS_RATIONALE)
  })
  it('accepts Red with one, and Amber or Green without', () => {
    expect(validateRagChange({ status: 'red', rationale: 'Post frozen until August' })).toEqual({ ok: true })
    expect(validateRagChange({ status: 'amber' })).toEqual({ ok: true })
    expect(validateRagChange({ status: 'green', rationale: null })).toEqual({ ok: true })
  })
  it('refuses an unknown status and an over-long explanation', () => {
    expect(validateRagChange({ status: 'blue' })).toMatchObject({ ok: false, field: 'status' })
    expect(validateRagChange({ status: 'red', rationale: 'x'.repeat(2001) })).toMatchObject({ ok: false, field: 'rationale' })
  })
})

describe('RAG summaries', () => {
  const actions = [
    action('a1', { code: 'V1', themes: ['visibility'] }),
    action('a2', { code: 'V5', themes: ['visibility', 'sustainability'] }),
    action('a3', { code: 'R1', themes: ['recognition'] }),
    action('a4', { code: 'A1', themes: ['all'], deleted: true }),
  ]
  const changes = [
    rag('c1', 'a1', 'green', 10),
    rag('c2', 'a2', 'red', 10, 'No budget'),
    rag('c3', 'a2', 'amber', 20),
    rag('c4', 'a4', 'red', 5, 'x'),
  ]

  it('counts by current status with not-set, leaving deleted actions out', () => {
    expect(ragSummary(actions, changes)).toEqual({ red: 0, amber: 1, green: 1, notSet: 1, total: 3 })
    expect(ragSummary(actions, changes, 15)).toEqual({ red: 1, amber: 0, green: 1, notSet: 1, total: 3 })
  })

  it('counts an action under each of its themes', () => {
    const byTheme = ragSummaryByTheme(actions, changes)
    expect(byTheme.visibility).toEqual({ red: 0, amber: 1, green: 1, notSet: 0, total: 2 })
    expect(byTheme.sustainability).toEqual({ red: 0, amber: 1, green: 0, notSet: 0, total: 1 })
    expect(byTheme.recognition).toEqual({ red: 0, amber: 0, green: 0, notSet: 1, total: 1 })
    expect(byTheme.all.total).toBe(0)
    expect(byTheme.career.total).toBe(0)
  })
})

describe('compareActionCodes', () => {
  it('orders as the plans print them', () => {
    const codes = ['A1', 'CD2', 'V1 ii', 'S4', 'V10', 'R3', 'V1', 'V1 iv', 'V1 i', 'V2', 'CD10', 'V1 v']
    expect([...codes].sort(compareActionCodes)).toEqual([
      'V1',
      'V1 i',
      'V1 ii',
      'V1 iv',
      'V1 v',
      'V2',
      'V10',
      'R3',
      'CD2',
      'CD10',
      'S4',
      'A1',
    ])
  })
})

describe('stageTwoAnalysis', () => {
  const previous = {
    actions: [
      action('p1', { code: 'V1', activity: 'Expand the technicians network across all faculties' }),
      action('p2', { code: 'V5', activity: 'Technicians skills matrix for each faculty' }),
      action('p3', { code: 'CD2', themes: ['career'], activity: 'Promote professional registration' }),
      action('p4', { code: 'R5', themes: ['recognition'], activity: 'Internal award scheme for technicians' }),
    ],
    changes: [
      rag('c1', 'p1', 'green', 10),
      rag('c2', 'p2', 'red', 10, 'Faculty systems differ'),
      rag('c3', 'p3', 'amber', 10),
      rag('c4', 'p4', 'red', 10, 'Paused during the pandemic'),
      rag('c5', 'p4', 'green', 99_999),
    ],
  }
  const next = {
    actions: [
      action('n1', { code: 'S1', themes: ['sustainability'], activity: 'Technicians skills matrix for each faculty, published online' }),
      action('n2', { code: 'R7', themes: ['recognition'], activity: 'Support for professional registration fees' }),
      action('n3', { code: 'A2', themes: ['all'], activity: 'Full review of progress against plan' }),
    ],
  }

  it('reports each previous action’s status as of the plan end and what carries it forward', () => {
    const r = stageTwoAnalysis(previous, next, { asOf: 1_000 })
    expect(r.rows.map((row) => [row.action.code, row.status, row.carriedForwardTo?.code ?? null])).toEqual([
      ['V1', 'green', null],
      ['V5', 'red', 'S1'],
      ['R5', 'red', null],
      ['CD2', 'amber', null],
    ])
    expect(r.summary).toEqual({ red: 2, amber: 1, green: 1, notSet: 0, total: 4 })
    expect(r.droppedUnfinished.map((row) => row.action.code)).toEqual(['R5', 'CD2'])
    expect(r.newActions.map((a) => a.code)).toEqual(['R7', 'A2'])
    expect(r.unexplainedReds).toEqual([])
    expect(r.byTheme.career.amber).toBe(1)
  })

  it('lists reds with no explanation', () => {
    const legacy = { ...previous, changes: [{ ...rag('c9', 'p1', 'red', 10), rationale: '' }] }
    expect(stageTwoAnalysis(legacy, next).unexplainedReds.map((r) => r.action.code)).toEqual(['V1'])
  })

  it('scores wording similarity', () => {
    expect(activitySimilarity('Annual networking event', 'annual networking event!')).toBe(1)
    expect(activitySimilarity('Website', 'Budget')).toBe(0)
    expect(activitySimilarity('', 'Budget')).toBe(0)
  })
})

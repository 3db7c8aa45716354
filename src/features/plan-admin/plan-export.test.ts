import { describe, expect, it } from 'vitest'
import type { PlanAction, RagChange } from '@/domain/entities'
import { parseActionPlanCsv, type CsvImport } from '@/domain/rules/csv'
import { planCsv } from '@/domain/rules/plan-export'
import { parsePlanXlsx, planXlsxBlob } from './plan-export'
import { planContent } from '../../../tests/support/plan-content'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const action = (id: string, fields: Partial<PlanAction> & Pick<PlanAction, 'code' | 'themes' | 'activity'>): PlanAction => ({
  ...meta,
  id,
  planId: 'p1',
  measures: [],
  timeframe: '',
  owner: '',
  ...fields,
})
const plan: PlanAction[] = [
  action('a2', {
    code: 'R2',
    themes: ['recognition', 'career'],
    activity: 'Award, "Technician of the year", with a café lunch',
    outputs: '=SUM(A1) looks like a formula',
    measures: [
      { id: 'm1', text: 'Nominations from 4 to 12 by 2027', source: 'manual' },
      { id: 'm2', text: '-5% turnover', source: 'manual' },
    ],
    timeframe: 'P1-2',
    owner: 'SG',
  }),
  action('a1', { code: 'V1', themes: ['visibility'], activity: 'Teams channel for technicians', timeframe: 'Continuing', owner: 'TC' }),
  action('a1b', { code: 'V1 ii', themes: ['visibility'], activity: 'Monthly posts', parentId: 'a1', owner: 'TC' }),
  action('a3', { code: 'S4', themes: ['sustainability'], activity: 'Apprenticeships: Cynllun prentisiaethau', owner: 'HR' }),
]
const rag: RagChange[] = [
  { ...meta, id: 'r1', actionId: 'a2', status: 'amber', rationale: 'First round done', at: 10, byUid: 'u' },
  { ...meta, id: 'r2', actionId: 'a2', status: 'red', rationale: 'Panel postponed, new date in May', at: 20, byUid: 'u' },
  { ...meta, id: 'r3', actionId: 'a1', status: 'green', rationale: '', at: 5, byUid: 'u' },
]

function imported(result: CsvImport) {
  expect(result.errors).toEqual([])
  const codeOf = new Map(result.actions.map((a) => [a.id, a.fields.code]))
  return result.actions
    .map((a) => ({
      code: a.fields.code,
      themes: a.fields.themes,
      activity: a.fields.activity,
      outputs: a.fields.outputs ?? '',
      measures: a.fields.measures.map((m) => m.text),
      timeframe: a.fields.timeframe,
      owner: a.fields.owner,
      parent: a.fields.parentId ? codeOf.get(a.fields.parentId) : undefined,
      rag: a.rag,
    }))
    .sort((a, b) => a.code.localeCompare(b.code))
}

describe('plan export round trip', () => {
  it('the CSV export re-imports to the same plan (codes, themes, texts, measures, sub-items, current RAG)', () => {
    const csv = planCsv(plan, rag)
    expect(csv.split('\r\n')[0]).toBe('Code,Theme,Activity,Key outputs,Success measures,Timeframe,Owner,RAG,RAG rationale')
    expect(csv).toContain(`"'=SUM(A1) looks like a formula"`.replace(/"/g, '')) // defused for spreadsheets
    expect(imported(parseActionPlanCsv(csv, { planId: 'p2' }))).toEqual(planContent(plan, rag))
  })

  it('the XLSX export re-imports to the same plan through the same parser', async () => {
    const blob = await planXlsxBlob(plan, rag)
    expect(blob.size).toBeGreaterThan(0)
    const result = await parsePlanXlsx(await blob.arrayBuffer(), { planId: 'p2' })
    expect(imported(result)).toEqual(planContent(plan, rag))
  })
})

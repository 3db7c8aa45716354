import { beforeAll, describe, expect, it } from 'vitest'
import { buildAssessment as build, halfYearLabel, halfYears, type AssessmentInput, type Block } from './assessment-model'
import { docText, ensureMessages } from './doc-text'
import { TEMPLATE } from './template'
import { demoInput, NOW, STATS } from '../../../tests/support/assessment-input'

beforeAll(() => ensureMessages('cy'))
const buildAssessment = (input: AssessmentInput) => build(input, docText('en'))

const tableOf = (blocks: Block[], caption: string) =>
  blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.caption.startsWith(caption))

describe('buildAssessment', () => {
  it('follows the Stage Two template’s questions in order, with the lead’s narrative first', () => {
    const model = buildAssessment(demoInput())
    expect(model.sections.map((s) => s.key)).toEqual(TEMPLATE.two.map((s) => s.key))
    expect(model.sections[0]?.blocks[0]).toEqual({ kind: 'narrative', text: 'Technicians work in five faculties.\n\nEach has a champion.' })
    expect(model.meta).toContainEqual(['Organisation', 'Example University'])
    expect(model.warnings.join(' ')).toMatch(/Not written yet: Approach and governance/)
  })

  it('prefills the RAG table with every action and an explanation for every red', () => {
    const rag = buildAssessment(demoInput()).sections.find((s) => s.key === 'rag')!
    const table = tableOf(rag.blocks, 'RAG analysis')!
    expect(table.columns).toEqual(['Code', 'Theme', 'Activity', 'RAG', 'Since', 'Explanation'])
    const v1ii = table.rows.find((r) => r[0] === 'V1 ii')!
    expect(v1ii[3]).toEqual({ text: 'Green', rag: 'green' })
    const reds = table.rows.filter((r) => typeof r[3] === 'object' && r[3].rag === 'red')
    expect(reds.length).toBeGreaterThan(0)
    for (const r of reds) expect(String(r[5]).length).toBeGreaterThan(0)
    const list = rag.blocks.find((b) => b.kind === 'list')
    expect(list?.kind === 'list' && list.items.every((i) => /Explanation: \S/.test(i) && !i.includes('EXPLANATION NEEDED'))).toBe(true)
  })

  it('warns about a red with no explanation', () => {
    const input = demoInput()
    const changes = [
      ...input.current.changes,
      { ...input.current.changes[0]!, id: 'rag-x', actionId: 'act-a1', status: 'red' as const, rationale: '', at: NOW - 1000 },
    ]
    const bundle = { ...input.current, changes }
    const model = buildAssessment({ ...input, current: bundle, previous: bundle })
    expect(model.warnings).toContain('A1 is red with no explanation: add one on the action before submitting.')
  })

  it('gives dated technician-voice counts by half-year with a total', () => {
    const voice = buildAssessment(demoInput({ stats: STATS })).sections.find((s) => s.key === 'voice')!
    const counts = tableOf(voice.blocks, 'Technician voice')!
    const total = counts.rows[counts.rows.length - 1]!
    expect(total[0]).toBe('Total to 23 November 2026')
    expect(total.slice(1).map(Number)).toEqual([6, 10, expect.any(Number), 2])
    const sum = (k: number) => counts.rows.slice(0, -1).reduce((acc, r) => acc + Number(r[k]), 0)
    expect(sum(1)).toBe(6)
    expect(sum(2)).toBe(10)
    expect(tableOf(voice.blocks, 'Consultation surveys')?.rows[0]).toEqual([
      'Technician voice workshop',
      '16 November 2026 to 21 December 2026',
      '11',
      '31%',
    ])
    expect(voice.blocks.some((b) => b.kind === 'list' && b.items.some((i) => i.includes('Now action R2')))).toBe(true)
  })

  it('adds staff counts (withheld where small) and the forward plan as a table', () => {
    const model = buildAssessment(demoInput({ stats: STATS }))
    const structure = model.sections.find((s) => s.key === 'structure')!
    expect(tableOf(structure.blocks, 'Technicians by faculty')?.rows).toContainEqual(['Faculty of Science', '12'])
    expect(tableOf(structure.blocks, 'Technicians by faculty')?.rows).toContainEqual(['Faculty of Arts and Design', 'withheld'])
    const plan = tableOf(model.sections.find((s) => s.key === 'plan')!.blocks, 'Action plan')!
    expect(plan.rows[0]?.[0]).toBe('V1')
    expect(plan.rows.find((r) => r[0] === 'V1 ii')?.[6]).toBe('SG (Technician Commitment Steering Group)')
  })

  it('builds a Stage One submission with its own questions', () => {
    const model = buildAssessment(demoInput({ stage: 'one', previous: null }))
    expect(model.title).toMatch(/Stage One/)
    expect(model.sections.map((s) => s.key)).toEqual([
      'profile',
      'definition',
      'structure',
      'prior',
      'initiatives',
      'plan',
      'voice',
      'published',
    ])
    expect(model.sections.find((s) => s.key === 'published')?.blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'Published at: https://www.example.ac.uk/technician-commitment',
    })
  })
})

describe('halfYears', () => {
  it('spans calendar half-years from the first activity to now', () => {
    expect(halfYears(Date.UTC(2025, 4, 3), Date.UTC(2026, 6, 1)).map((p) => halfYearLabel(docText('en'), p))).toEqual([
      'January to June 2025',
      'July to December 2025',
      'January to June 2026',
      'July to December 2026',
    ])
  })
})

describe('buildAssessment in Welsh', () => {
  it('words the template, tables and figures in Welsh, and the plan’s own words stay as written', () => {
    const model = build(demoInput({ stats: STATS }), docText('cy'))
    expect(model.locale).toBe('cy')
    expect(model.title).toBe('Ymrwymiad Technegwyr: hunanasesiad Cam Dau, dadansoddiad RAG a chynllun gweithredu 36 mis')
    expect(model.sections.map((s) => s.key)).toEqual(TEMPLATE.two.map((s) => s.key))
    expect(model.sections.find((s) => s.key === 'rag')?.heading).toBe('Dadansoddiad RAG o’r cynllun gweithredu blaenorol')
    expect(model.meta).toContainEqual(['Sefydliad', 'Example University'])
    const rag = model.sections.find((s) => s.key === 'rag')!
    const table = tableOf(rag.blocks, 'Dadansoddiad RAG')!
    expect(table.columns).toEqual(['Cod', 'Thema', 'Gweithgaredd', 'RAG', 'Ers', 'Esboniad'])
    expect(table.rows.find((r) => r[0] === 'V1 ii')?.[3]).toEqual({ text: 'Gwyrdd', rag: 'green' })
    const voice = model.sections.find((s) => s.key === 'voice')!
    const counts = tableOf(voice.blocks, 'Llais y technegwyr')!
    expect(counts.rows[counts.rows.length - 1]?.[0]).toBe('Cyfanswm hyd at 23 Tachwedd 2026')
    const structure = model.sections.find((s) => s.key === 'structure')!
    expect(tableOf(structure.blocks, 'Technegwyr fesul cyfadran')?.rows).toContainEqual(['Faculty of Arts and Design', 'wedi’i atal'])
    expect(model.words.notWritten).toMatch(/^\[Heb ei ysgrifennu eto/)
    expect(model.warnings.join(' ')).toMatch(/Heb eu hysgrifennu eto: Dull gweithredu a llywodraethu/)
    expect(halfYearLabel(docText('cy'), { year: 2026, half: 0 })).toBe('Ionawr i Fehefin 2026')
  })
})

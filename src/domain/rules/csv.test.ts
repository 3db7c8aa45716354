import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_CSV_ROWS, parseActionPlanCsv, type CsvImportOptions } from './csv'
import { wordsIn } from '../../../tests/support/errors'

// Errors are problems (codes); the tests read them in the English a person sees.
const en = await wordsIn('en')
const parse = (text: string, o: CsvImportOptions) => {
  const r = parseActionPlanCsv(text, o)
  // The row's own cells are checked on their own (below); here each error is its row, column and words.
  return { ...r, errors: r.errors.map(({ row, column, message }) => ({ row, column, message: en(message) })) }
}

function ids(): () => string {
  let n = 0
  return () => `id-${++n}`
}
const opts = (extra: Partial<CsvImportOptions> = {}): CsvImportOptions => ({
  planId: 'plan-1',
  newId: ids(),
  planStart: '2021-06-01',
  ...extra,
})

const PLAN = [
  'Code,Theme,Activity,Key outputs,Success measures,Timeframe,Owner,RAG,RAG rationale',
  'V1,Visibility,Reinvigorate our commitment across the institution,,An engaged technician community,P1,SG,Amber,',
  'V1 i,Visibility,To publish a mission statement,,Visible mission statement.,P1,SG,Green,',
  'V2,Visibility,Annual technical staff conference,,"Annual conferences scheduled in 2021, 2022 and 2023",P1-3,SG,,',
  'R3,Recognition,Register 2 cohorts per year for professional registration,,Increase in technical staff professionally registered,"P1 (start Dec 2021), P2 and P3",LDH,Red,Funding not yet agreed',
  'CD4,Career Development,Apprenticeships revival,Case studies for the website,"Increase in the number of apprenticeships from 9 to 14 by 2023\n4 new case studies per year",P1 and P2,OD,,',
  'S1,Visibility (V5) / Sustainability (S1),Create a contact point for skill sharing,,Accessible skills database,P1-3,SG,,',
].join('\n')

describe('parseActionPlanCsv: a good plan', () => {
  const r = parseActionPlanCsv(PLAN, opts())

  it('imports every row with no errors', () => {
    expect(r.errors).toEqual([])
    expect(r.actions.map((a) => a.fields.code)).toEqual(['V1', 'V1 i', 'V2', 'R3', 'CD4', 'S1'])
    expect(r.actions.map((a) => a.row)).toEqual([2, 3, 4, 5, 6, 7])
  })

  it('maps the columns to action fields', () => {
    const cd4 = r.actions.find((a) => a.fields.code === 'CD4')
    expect(cd4?.fields).toMatchObject({
      planId: 'plan-1',
      themes: ['career'],
      activity: 'Apprenticeships revival',
      outputs: 'Case studies for the website',
      timeframe: 'P1 and P2',
      owner: 'OD',
    })
    expect(cd4?.fields.measures).toEqual([
      {
        id: expect.any(String),
        text: 'Increase in the number of apprenticeships from 9 to 14 by 2023',
        source: 'manual',
        baseline: 9,
        target: 14,
        unit: 'apprenticeships',
        deadline: '2023-12-31',
      },
      { id: expect.any(String), text: '4 new case studies per year', source: 'manual', target: 4, unit: 'case studies/year' },
    ])
    expect(r.actions.find((a) => a.fields.code === 'V2')?.fields.outputs).toBeUndefined()
  })

  it('links two themes, sub-items to their parent, and keeps the RAG to record', () => {
    expect(r.actions.find((a) => a.fields.code === 'S1')?.fields.themes).toEqual(['visibility', 'sustainability'])
    const v1 = r.actions.find((a) => a.fields.code === 'V1')
    expect(r.actions.find((a) => a.fields.code === 'V1 i')?.fields.parentId).toBe(v1?.id)
    expect(v1?.rag).toEqual({ status: 'amber', rationale: '' })
    expect(r.actions.find((a) => a.fields.code === 'R3')?.rag).toEqual({ status: 'red', rationale: 'Funding not yet agreed' })
    expect(r.actions.find((a) => a.fields.code === 'V2')?.rag).toBeNull()
  })
})

describe('parseActionPlanCsv: plans as the seeds lay them out', () => {
  it('reads a Leeds-style table: tabs, codes in "Link to TC", a second theme on its own row', () => {
    const text = [
      'Action\tLink to TC\tKey Outputs\tTimeframe\tPerson Responsible\tSuccess Measures',
      'Increase use of MS Teams to share information\tVisibility (V1)\tIncrease engagement\tContinuing action\tTCWG and Technician Champions\tIncrease membership from 148 members by 20% over 3 years',
      'Celebrate good news via social media\tRecognition (R1)\tShare good news stories\tContinuing\tTCWG\tReaching a wider audience',
      '\tVisibility (V6)\t\t\t\t',
      '**Appendix E**',
      'Action\tLink to TC\tKey Outputs\tTimeframe\tPerson Responsible\tSuccess Measures',
      'Technicians at graduation\t<p>Recognition (R6)</p> <p>Visibility (V9)</p>\tArrange for technicians to attend\tFrom Academic year 21/22\tFaculties\tStudents have increased awareness',
      'Budget\tAll (A1)\tAll faculties contribute\tContinuing action\tBudget holder from TCWG\tFunding received from Faculties',
      '\t\tand report spend to the executive\t\t\tBudget report provided',
    ].join('\n')
    const r = parseActionPlanCsv(text, opts())
    expect(r.errors).toEqual([])
    expect(r.actions.map((a) => [a.fields.code, a.fields.themes])).toEqual([
      ['V1', ['visibility']],
      ['R1', ['recognition', 'visibility']],
      ['R6', ['recognition', 'visibility']],
      ['A1', ['all']],
    ])
    const budget = r.actions.find((a) => a.fields.code === 'A1')
    expect(budget?.fields.outputs).toBe('All faculties contribute and report spend to the executive')
    expect(budget?.fields.measures.map((m) => m.text)).toEqual(['Funding received from Faculties', 'Budget report provided'])
    expect(r.actions[0]?.fields.measures[0]).toMatchObject({ baseline: 148, target: 178, unit: 'members', deadline: '2024-05-31' })
  })

  it('reads a Leicester-style table: sub-items as "i)", headings, theme from the code', () => {
    const text = [
      'Technician Commitment 3 Year Action Plan',
      'Code,Activity,Success Measures,Time frame,Action owner,RAG Status',
      'Workstream: Visibility,,,,,',
      'V1,Reinvigorate our commitment,An inclusive technician community,P1,SG,',
      ',i) To publish a mission statement,Visible mission statement.,P1,SG,',
      ',ii) To promote inclusivity,All who identify as a technician are captured,P1,SG,',
      '<b>S1</b>,Create a contact point for skill sharing,Accessible database,P1-3,SG,',
    ].join('\n')
    const r = parseActionPlanCsv(text, opts())
    expect(r.errors).toEqual([])
    expect(r.actions.map((a) => [a.row, a.fields.code, a.fields.themes[0], a.fields.activity])).toEqual([
      [4, 'V1', 'visibility', 'Reinvigorate our commitment'],
      [5, 'V1 i', 'visibility', 'To publish a mission statement'],
      [6, 'V1 ii', 'visibility', 'To promote inclusivity'],
      [7, 'S1', 'sustainability', 'Create a contact point for skill sharing'],
    ])
  })

  it('finds codes in an unnamed first column and skips "Workstream" rows', () => {
    const text = [
      '\tActivity\tSuccess Measures\tTime frame\tAction owner\tRAG Status',
      'Work\tWorkstream: Visibility\t\t\t\t',
      'V1\tReinvigorate our commitment\tAn engaged community\tP1\tSG\t',
      'R1\tAppointment of an institutional role\tRole in place\tP2 and P3\tExB\tAmber',
    ].join('\n')
    const r = parseActionPlanCsv(text, opts())
    expect(r.errors).toEqual([])
    expect(r.actions.map((a) => [a.row, a.fields.code, a.fields.themes[0], a.rag?.status ?? null])).toEqual([
      [3, 'V1', 'visibility', null],
      [4, 'R1', 'recognition', 'amber'],
    ])
  })

  it('normalises code spellings', () => {
    const text = ['Code,Activity', 'v1,A', 'V1.ii,B', 'CD 3,C', 'cd3 (iv),D', 'iii),E'].join('\n')
    expect(parseActionPlanCsv(text, opts()).actions.map((a) => a.fields.code)).toEqual(['V1', 'V1 ii', 'CD3', 'CD3 iv', 'CD3 iii'])
  })
})

describe('parseActionPlanCsv: errors', () => {
  const only = (text: string, o = opts()) => parse(text, o).errors

  it('reports missing columns at the header', () => {
    expect(only('Code,Theme,Owner\nV1,Visibility,SG')).toEqual([{ row: 1, column: 'Activity', message: 'Missing column "Activity"' }])
    expect(only('Activity,Owner\nThing,SG')).toEqual([
      { row: 1, column: 'Code', message: 'Missing column "Code"' },
      { row: 1, column: 'Theme', message: 'Missing column "Theme"' },
    ])
    expect(only('hello,world\n1,2')[0]?.message).toMatch(/^No header row found/)
  })

  it('reports an unknown theme, naming the column as the file does', () => {
    expect(only('Code,Link to TC,Activity\nV1,Wellbeing,Yoga at lunch')).toEqual([
      {
        row: 2,
        column: 'Link to TC',
        message: 'Unknown theme "Wellbeing": use Visibility, Recognition, Career Development, Sustainability or All',
      },
    ])
  })

  it('reports duplicate codes, in the file and already in the plan', () => {
    const text = ['Code,Theme,Activity', 'V1,Visibility,A', 'R1,Recognition,B', 'V1,Visibility,C', 'S2,Sustainability,D'].join('\n')
    expect(only(text, opts({ existing: [{ id: 'x', code: 'S2' }] }))).toEqual([
      { row: 4, column: 'Code', message: 'Duplicate code V1 (also on row 2)' },
      { row: 5, column: 'Code', message: 'Code S2 is already in this plan' },
    ])
  })

  it('hangs a sub-item off an action already in the plan', () => {
    const r = parse('Code,Activity\nS2 ii,More', opts({ existing: [{ id: 'existing-s2', code: 'S2' }] }))
    expect(r.actions[0]?.fields.parentId).toBe('existing-s2')
  })

  it('reports every problem in a row at once', () => {
    expect(only('Code,Theme,Activity,RAG\nX1,Wellbeing,Thing,Purple')).toEqual([
      {
        row: 2,
        column: 'Theme',
        message: 'Unknown theme "Wellbeing": use Visibility, Recognition, Career Development, Sustainability or All',
      },
      { row: 2, column: 'RAG', message: 'RAG must be Red, Amber, Green or blank (found "Purple")' },
      { row: 2, column: 'Code', message: 'Code must look like V1, R2, CD3, S4 or V1 ii' },
    ])
  })

  it('gives each error the row’s own code, theme, activity and RAG, so a preview can show the row beside it', () => {
    const text = ['Code,Theme,Activity,RAG', 'V1,Visibility,Fine,Green', 'X1, Wellbeing ,Yoga,Purple'].join('\n')
    const r = parseActionPlanCsv(text, opts())
    expect(r.errors.map((e) => [e.column, e.cells])).toEqual([
      ['Theme', { code: 'X1', theme: 'Wellbeing', activity: 'Yoga', rag: 'Purple' }],
      ['RAG', { code: 'X1', theme: 'Wellbeing', activity: 'Yoga', rag: 'Purple' }],
      ['Code', { code: 'X1', theme: 'Wellbeing', activity: 'Yoga', rag: 'Purple' }],
    ])
  })

  it('reports a bad RAG and a Red without explanation', () => {
    const text = ['Code,Activity,RAG', 'V1,A,Purple', 'V2,B,Red', 'V3,C,g', 'V4,D,In progress'].join('\n')
    const r = parse(text, opts())
    expect(r.errors).toEqual([
      { row: 2, column: 'RAG', message: 'RAG must be Red, Amber, Green or blank (found "Purple")' },
      { row: 3, column: 'RAG', message: 'A Red status needs an explanation: add it in a "RAG rationale" column' },
    ])
    expect(r.actions.map((a) => a.rag?.status)).toEqual(['green', 'amber'])
  })

  it('reports bad codes, missing codes and fields the schema refuses', () => {
    const text = [
      'Code,Theme,Activity,Timeframe',
      'X9,Visibility,Something,P1',
      ',Visibility,No code here,P1',
      `V2,Visibility,${'a'.repeat(2001)},P1`,
      `V3,Visibility,Fine,${'t'.repeat(201)}`,
      'V4,Visibility / Recognition / Sustainability,Three themes,P1',
    ].join('\n')
    expect(only(text)).toEqual([
      { row: 2, column: 'Code', message: 'Code must look like V1, R2, CD3, S4 or V1 ii' },
      { row: 3, column: 'Code', message: 'Code is required, e.g. V1, R2, CD3, S4 or V1 ii' },
      { row: 4, column: 'Activity', message: 'Activity must be at most 2000 characters' },
      { row: 5, column: 'Timeframe', message: 'Timeframe must be at most 200 characters' },
      { row: 6, column: 'Theme', message: 'An action links to at most two themes' },
    ])
  })

  it('reports an unclosed quote', () => {
    const errors = only('Code,Theme,Activity\nV1,Visibility,"never closed\nV2,Visibility,B')
    expect(errors).toContainEqual({ row: 2, column: '', message: 'A quotation mark (") is not closed in this row' })
  })

  it('refuses 5 MB of junk with one clear error', () => {
    const junk = 'x,'.repeat(2.5 * 1024 * 1024)
    const r = parse(junk, opts())
    expect(r).toEqual({
      actions: [],
      errors: [{ row: 0, column: '', message: 'The file is 5 MB; the limit is 1 MB. Export just the action plan table as CSV.' }],
    })
  })

  it('measures size in bytes, not characters', () => {
    const r = parse('Code,Activity\nV1,' + 'é'.repeat(600_000), opts())
    expect(r.errors[0]?.message).toMatch(/^The file is 1\.1 MB/)
  })

  it('refuses binary files, empty files and too many rows', () => {
    expect(only('PK\u0003\u0004\u0000\u0000binary')[0]?.message).toMatch(/^This is not a text CSV file/)
    expect(only('  \n ')).toEqual([{ row: 0, column: '', message: 'The file is empty' }])
    const many = ['Code,Activity', ...Array.from({ length: MAX_CSV_ROWS + 1 }, (_, k) => `V${k + 1},A`)].join('\n')
    expect(only(many)).toEqual([
      { row: 0, column: '', message: `The file has ${MAX_CSV_ROWS + 1} rows; a plan can import at most ${MAX_CSV_ROWS}` },
    ])
  })

  it('never throws, and every action it returns is valid (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('V1', 'V1 ii', 'R2', 'Visibility', 'Red', 'Amber', '', 'All (A1)', 'i)'),
      fc.string({ maxLength: 30 }),
    )
    const row = fc.array(cell, { minLength: 3, maxLength: 3 })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const text = ['Code,Theme,Activity', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n')
        const r = parse(text, opts())
        const codes = r.actions.map((a) => a.fields.code)
        expect(new Set(codes).size).toBe(codes.length)
        for (const e of r.errors) expect(e.row).toBeGreaterThanOrEqual(0)
      }),
    )
  })
})

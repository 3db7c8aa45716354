import { beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '@/db/database'
import { createRepos } from '@/db/repos'
import { planCsv } from '@/domain/rules/plan-export'
import { importCsv, isXlsx, previewCsv } from './csv-import'
import { planXlsxBlob, XLSX_TYPE } from './plan-export'
import { generateDemoData } from '../../../scripts/demo/demo-data'
import { planContent } from '../../../tests/support/plan-content'
import { wordsIn } from '../../../tests/support/errors'

/** A problem in the English a lead reads. */
let en: Awaited<ReturnType<typeof wordsIn>>
beforeAll(async () => {
  en = await wordsIn('en')
})

const file = (text: string, size = new TextEncoder().encode(text).length) => ({ name: 'plan.csv', size, text: async () => text })
const options = { planId: 'plan-1', existing: [{ id: 'old', code: 'A1' }] }

const GOOD = [
  'Code,Theme,Activity,Key outputs,Success measures,Timeframe,Owner,RAG,RAG rationale',
  'V1,Visibility,Grow the Teams channel,Monthly posts,Teams membership from 148 +20% by 2028,P1,SG,Amber,Drive under way',
  'V1 ii,Visibility,Self registration of all technicians,,Technicians registered: 0 → 400 by 2027,P1,SG,Red,Waiting for the tool',
  'S2,Sustainability / Career Development,Grow apprenticeships,,Apprenticeships 9 → 14 by 2027,P1-2,HR,,',
].join('\n')

function fresh() {
  const db = createDb(`csv-${crypto.randomUUID()}`)
  return { db, repos: createRepos({ db, now: () => 1000 }) }
}

describe('CSV plan import', () => {
  it('imports every action with its sub-item link and first RAG change, in one go', async () => {
    const { db, repos } = fresh()
    const preview = await previewCsv(file(GOOD), options)
    expect(preview.errors).toEqual([])
    expect(await importCsv(db, repos, preview, { uid: 'lead', now: 5000 })).toBe(3)
    const actions = await db.actions.toArray()
    expect(actions.map((a) => a.code).sort()).toEqual(['S2', 'V1', 'V1 ii'])
    const v1 = actions.find((a) => a.code === 'V1')
    expect(actions.find((a) => a.code === 'V1 ii')?.parentId).toBe(v1?.id)
    expect(actions.find((a) => a.code === 'S2')?.themes).toEqual(['sustainability', 'career'])
    expect(v1?.measures[0]).toMatchObject({ baseline: 148, target: 178 })
    const rag = await db.ragChanges.toArray()
    expect(rag.map((r) => [r.status, r.rationale, r.at, r.byUid]).sort()).toEqual([
      ['amber', 'Drive under way', 5000, 'lead'],
      ['red', 'Waiting for the tool', 5000, 'lead'],
    ])
    expect(await db.outbox.count()).toBe(5)
    db.close()
  })

  it('gives row-level errors for a malformed file and imports nothing', async () => {
    const { db, repos } = fresh()
    const bad = [
      'Code,Theme,Activity,Owner,RAG',
      'V1,Visibility,Grow the channel,SG,',
      'V1,Visibility,Again,SG,',
      'R2,Wellbeing,Awards,OD,',
      'A1,All,Review,SG,',
      'CD3,Career,Fees,HR,Red',
    ].join('\n')
    const preview = await previewCsv(file(bad), options)
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Code'],
      [4, 'Theme'],
      [5, 'Code'],
      [6, 'RAG'],
    ])
    expect(en(preview.errors[0]?.message)).toMatch(/Duplicate code V1/)
    expect(en(preview.errors[1]?.message)).toMatch(/Unknown theme "Wellbeing"/)
    await expect(importCsv(db, repos, preview, { uid: 'lead', now: 1 })).rejects.toThrow(/Fix the errors/)
    expect(await db.actions.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    db.close()
  })

  it('names missing columns, and refuses 5 MB of junk before reading it', async () => {
    const missing = await previewCsv(file('Name,Notes\nx,y'), options)
    expect(en(missing.errors[0]?.message)).toMatch(/No header row|Missing column/)
    let read = false
    const junk = { name: 'junk.csv', size: 5 * 1024 * 1024, text: async () => ((read = true), '') }
    const refused = await previewCsv(junk, options)
    expect(read).toBe(false)
    expect(refused).toMatchObject({ actions: [], errors: [{ row: 0, column: '' }] })
    expect(refused.errors.map((e) => en(e.message))).toEqual([
      'The file is 5 MB; the limit is 1 MB. Export just the action plan table as CSV.',
    ])
    const text = await previewCsv(file('\u0000\u0001garbage'.repeat(100)), options)
    expect(text.actions).toEqual([])
    expect(en(text.errors[0]?.message)).toMatch(/not a text CSV/)
  })

  it('rolls back every action when one write fails', async () => {
    const { db, repos } = fresh()
    const preview = await previewCsv(file(GOOD), options)
    const broken = { ...preview, actions: preview.actions.map((a, k) => (k === 2 ? { ...a, fields: { ...a.fields, activity: '' } } : a)) }
    await expect(importCsv(db, repos, broken, { uid: 'lead', now: 1 })).rejects.toThrow()
    expect(await db.actions.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    db.close()
  })
})

describe('XLSX plan import', () => {
  const demo = generateDemoData({ now: Date.UTC(2026, 10, 23, 9) })

  it('reads the plan’s own XLSX export back into the same plan, through the same preview as CSV', async () => {
    const blob = await planXlsxBlob(demo.actions, demo.ragChanges)
    const workbook = new File([blob], 'Technician-Commitment-plan.xlsx', { type: '' })
    expect(isXlsx(workbook)).toBe(true)
    const preview = await previewCsv(workbook, { planId: 'plan-2', existing: [] })
    expect(preview.errors).toEqual([])
    expect(preview.actions).toHaveLength(demo.actions.length)
    // The same file as CSV previews the same actions.
    const csv = await previewCsv(file(planCsv(demo.actions, demo.ragChanges)), { planId: 'plan-2', existing: [] })
    // Ids are new on every read (the parent is linked by its code).
    const fields = (p: typeof preview) =>
      p.actions.map((a) => ({ ...a.fields, parentId: undefined, measures: a.fields.measures.map((m) => ({ ...m, id: '' })), rag: a.rag }))
    expect(fields(preview)).toEqual(fields(csv))

    const { db, repos } = fresh()
    expect(await importCsv(db, repos, preview, { uid: 'lead', now: 5000 })).toBe(demo.actions.length)
    expect(planContent(await db.actions.toArray(), await db.ragChanges.toArray())).toEqual(planContent(demo.actions, demo.ragChanges))
    db.close()
  })

  it('says so when a file named .xlsx is not a workbook', async () => {
    const fake = new File(['Code,Theme\nV1,Visibility'], 'plan.xlsx', { type: XLSX_TYPE })
    const preview = await previewCsv(fake, options)
    expect(preview.actions).toEqual([])
    expect(preview.errors.map((e) => en(e.message))).toEqual([
      'This XLSX file could not be read. Save the plan table again as an Excel workbook (.xlsx) or as CSV and try again.',
    ])
  })
})

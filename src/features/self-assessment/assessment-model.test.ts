import { beforeAll, describe, expect, it } from 'vitest'
import { buildAssessment as build, halfYearLabel, halfYears, planMonths, type AssessmentInput, type Block } from './assessment-model'
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

  it('gives the survey themes as content: counts (withheld under 5) and quotes only from themes of 5 or more', () => {
    const surveyVoice = [
      {
        surveyId: 's1',
        title: 'Annual technician survey',
        titleCy: 'Arolwg blynyddol',
        themes: [
          { name: 'Development time', count: 12, quotes: ['More training time', 'Protected days'] },
          { name: 'Equipment', count: null, quotes: [] },
        ],
      },
    ]
    const voice = (locale: 'en' | 'cy') =>
      build(demoInput({ surveyVoice }), docText(locale)).sections.find((s) => s.key === 'voice')!.blocks
    const en = voice('en')
    expect(tableOf(en, 'Themes in the free-text answers to “Annual technician survey”')).toMatchObject({
      columns: ['Theme', 'Answers tagged'],
      rows: [
        ['Development time', '12'],
        ['Equipment', 'fewer than 5'],
      ],
    })
    expect(en).toContainEqual({
      kind: 'list',
      items: ['Development time, in technicians’ words: “More training time” “Protected days”'],
    })
    expect(tableOf(voice('cy'), 'Themâu yn yr atebion testun rhydd i “Arolwg blynyddol”')?.rows[1]).toEqual(['Equipment', 'llai na 5'])
    // Never fetched on this device: the document says so; older inputs without the field add nothing.
    const unknown = buildAssessment(demoInput({ surveyVoice: null })).sections.find((s) => s.key === 'voice')!.blocks
    expect(unknown).toContainEqual({ kind: 'paragraph', text: expect.stringMatching(/^Survey themes were not available on this device/) })
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
      'appendices',
    ])
    expect(model.sections.find((s) => s.key === 'published')?.blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'Published at: https://www.example.ac.uk/technician-commitment',
    })
  })
})

describe('what real submissions have', () => {
  const EQUALITY_STATS = {
    ...STATS,
    members: { ...STATS.members, bySite: { counts: { 'Main campus': 24, 'City campus': 8, Farm: null, unspecified: null }, total: 36 } },
    equality: {
      respondents: 25,
      gender: { counts: { Woman: 12, Man: 10, 'Non-binary': null, unspecified: null }, total: 25 },
      ethnicity: { counts: { White: 18, 'Asian or Asian British': null, unspecified: null }, total: 25 },
      ageBand: { counts: { '25-34': 9, '35-44': 11, '55-64': null }, total: 25 },
      disability: { counts: { no: 19, yes: null, 'prefer-not': null }, total: 25 },
    },
  }
  const institution = (extra: object) => ({ ...demoInput().institution!, ...extra })

  it('puts the lead’s e-mail and phone under their name, and ends with a sign-off block for the head of institution', () => {
    const model = buildAssessment(
      demoInput({
        institution: institution({
          contactName: 'Dr Alex Example',
          contactEmail: 'a.example@example.ac.uk',
          contactPhone: '0113 496 0000',
          headName: 'Professor Sam Sample',
          headTitle: 'Vice-Chancellor',
        }),
      }),
    )
    const labels = model.meta.map(([l]) => l)
    expect(model.meta).toContainEqual(['E-mail', 'a.example@example.ac.uk'])
    expect(model.meta).toContainEqual(['Contact number', '0113 496 0000'])
    expect(labels.indexOf('E-mail')).toBe(labels.indexOf('Institutional lead') + 1)
    expect(model.signOff.heading).toBe('Sign-off')
    expect(model.signOff.lines).toEqual([
      ['Head of institution', 'Vice-Chancellor'],
      ['Name', 'Professor Sam Sample'],
      ['Signature', ''],
      ['Date', ''],
    ])
  })

  it('shows workforce by site as well as faculty, and the equality breakdowns as served (withheld stays withheld)', () => {
    const structure = buildAssessment(demoInput({ stats: EQUALITY_STATS })).sections.find((s) => s.key === 'structure')!
    expect(tableOf(structure.blocks, 'Technicians by site or campus')?.rows).toEqual([
      ['Main campus', '24'],
      ['City campus', '8'],
      ['Farm', 'withheld'],
      ['Not stated', 'withheld'],
    ])
    expect(tableOf(structure.blocks, 'Gender')?.rows).toContainEqual(['Woman', '12'])
    expect(tableOf(structure.blocks, 'Gender')?.rows).toContainEqual(['Non-binary', 'withheld'])
    expect(tableOf(structure.blocks, 'Ethnicity')?.rows).toContainEqual(['Asian or Asian British', 'withheld'])
    expect(tableOf(structure.blocks, 'Age band')?.rows).toContainEqual(['35-44', '11'])
    const disability = tableOf(structure.blocks, 'Disability')?.rows
    expect(disability?.[0]).toEqual(['No', '19'])
    expect(disability).toContainEqual(['Yes', 'withheld'])
    expect(disability).toContainEqual(['Prefer not to say', 'withheld'])
    // No breakdown by site when the served figures predate it.
    const older = buildAssessment(demoInput({ stats: STATS })).sections.find((s) => s.key === 'structure')!
    expect(tableOf(older.blocks, 'Technicians by site')).toBeUndefined()
  })

  it('quotes the ideas at least 5 technicians backed (title only, never who raised them) with the response', () => {
    const input = demoInput({ stats: STATS })
    const idea = {
      ...input.ideas[0]!,
      id: 'idea-backed',
      title: 'Open the workshop on Saturdays',
      status: 'open' as const,
      response: 'We are costing it.',
    }
    const vote = (k: number) => ({ ...input.votes[0]!, id: `vb${k}`, ideaId: idea.id, voterUid: `voter${k}`, deleted: false })
    const few = { ...idea, id: 'idea-few', title: 'A kettle for the lab' }
    const model = buildAssessment({
      ...input,
      ideas: [...input.ideas, idea, few],
      votes: [...input.votes, ...[1, 2, 3, 4, 5].map(vote), ...[1, 2, 3, 4].map((k) => ({ ...vote(k), id: `vf${k}`, ideaId: few.id }))],
    })
    const voice = model.sections.find((s) => s.key === 'voice')!
    const at = voice.blocks.findIndex((b) => b.kind === 'subheading' && b.text === 'Ideas backed by at least 5 technicians')
    const list = voice.blocks[at + 1]
    expect(list?.kind).toBe('list')
    const items = list?.kind === 'list' ? list.items : []
    expect(items).toContainEqual('“Open the workshop on Saturdays” (5 votes; open). We said: We are costing it.')
    expect(items.join(' ')).not.toContain('A kettle for the lab')
    expect(items.join(' ')).not.toContain(idea.authorUid)
  })

  it('lists the appendices the lead names, one a line', () => {
    const model = buildAssessment(
      demoInput({ narratives: { appendices: 'Appendix A: Steering Group terms of reference\n- Appendix B: Governance chart\n' } }),
    )
    expect(model.sections.find((s) => s.key === 'appendices')?.blocks).toEqual([
      { kind: 'list', items: ['Appendix A: Steering Group terms of reference', 'Appendix B: Governance chart'] },
    ])
    expect(model.warnings.join(' ')).not.toMatch(/Appendices/)
  })

  it('flags a narrative over the template’s word limit in the document and in the warnings', () => {
    const long = Array.from({ length: 260 }, (_, k) => `word${k}`).join(' ')
    const model = buildAssessment(demoInput({ stage: 'one', previous: null, narratives: { profile: long } }))
    const profile = model.sections.find((s) => s.key === 'profile')!
    expect(profile.blocks[1]).toEqual({ kind: 'flag', text: 'This answer has 260 words, over the template’s limit of 250.' })
    expect(model.warnings).toContain('Organisation profile has 260 words, over the limit of 250.')
    const fits = buildAssessment(demoInput({ stage: 'one', previous: null, narratives: { profile: 'A short profile.' } }))
    expect(fits.sections.find((s) => s.key === 'profile')!.blocks.some((b) => b.kind === 'flag')).toBe(false)
  })
})

describe('honest figures', () => {
  const impactRows = (input: AssessmentInput) =>
    tableOf(buildAssessment(input).sections.find((s) => s.key === 'impact')!.blocks, 'Success measures')!.rows
  const registered = (rows: ReturnType<typeof impactRows>) => rows.find((r) => String(r[1]).startsWith('Professionally registered'))!

  it('never shows a stored value as live when the live figure is withheld: it says so, with the stored value’s date and source', () => {
    const input = demoInput({ feeds: { registeredMembers: null } })
    const row = registered(impactRows(input))
    const action = input.current.actions.find((a) => a.measures.some((m) => m.text.startsWith('Professionally registered')))!
    expect(row[3]).not.toBe('31')
    expect(row[3]).toBe(
      `Live figure withheld (fewer than 5). Stored value 31, saved on the plan ${docText('en').date(action.updatedAt)} (from professional registrations)`,
    )
    expect(String(row[5])).toMatch(/from the stored value$/)
  })

  it('says "withheld (fewer than 5)" when there is no stored value, and shows a live figure as it is', () => {
    const input = demoInput({ feeds: { registeredMembers: null } })
    const actions = input.current.actions.map((a) => ({
      ...a,
      measures: a.measures.map((m) => (m.source === 'registrations' ? { ...m, current: undefined } : m)),
    }))
    const bundle = { ...input.current, actions }
    expect(registered(impactRows({ ...input, current: bundle, previous: bundle }))[3]).toBe('withheld (fewer than 5)')
    expect(registered(impactRows(demoInput({ feeds: { registeredMembers: 40 } })))[3]).toBe('40')
  })

  it('labels a stored value standing in for a live figure this device does not have', () => {
    expect(String(registered(impactRows(demoInput({ feeds: {} })))[3])).toMatch(
      /^Stored value 31, saved on the plan .+ \(from professional registrations\); no live figure/,
    )
  })

  it('adds each measure’s check-ins as evidence of impact: the readings with their dates and the change, in the document’s language', () => {
    const input = demoInput()
    const [first, ...rest] = input.current.actions
    const checkIns = [
      { id: 'c2', value: 171, date: '2027-01-15', byUid: 'u-lead', note: 'After the open day' },
      { id: 'c1', value: 160, date: '2026-09-01', byUid: 'u-lead' },
    ]
    const measured = {
      ...first!,
      measures: [{ ...first!.measures[0]!, baseline: 148, target: 180, checkIns }, ...first!.measures.slice(1)],
    }
    const bundle = { ...input.current, actions: [measured, ...rest] }
    const withReadings = { ...input, current: bundle, previous: bundle }
    const readings = (locale: 'en' | 'cy') =>
      tableOf(
        build(withReadings, docText(locale)).sections.find((s) => s.key === 'impact')!.blocks,
        locale === 'en' ? 'Readings' : 'Darlleniadau',
      )
    const en = readings('en')!
    expect(en.columns).toEqual(['Code', 'Success measure', 'Readings', 'Change'])
    expect(en.rows).toEqual([
      [
        measured.code,
        measured.measures[0]!.text,
        '160 (1 September 2026) → 171 (15 January 2027)',
        '+11 since the first reading, towards the target',
      ],
    ])
    // Who checked in is not in the document.
    expect(JSON.stringify(en.rows)).not.toContain('u-lead')
    expect(readings('cy')!.rows[0]!.slice(2)).toEqual([
      '160 (1 Medi 2026) → 171 (15 Ionawr 2027)',
      '+11 ers y darlleniad cyntaf, tuag at y targed',
    ])
    // No check-ins: no readings table.
    expect(tableOf(buildAssessment(demoInput()).sections.find((s) => s.key === 'impact')!.blocks, 'Readings')).toBeUndefined()
  })

  it('warns when a Stage One plan is not 24 months (and a Stage Two plan not 36)', () => {
    const input = demoInput({ stage: 'one', previous: null })
    const plan = { ...input.current.plan, startDate: '2026-01-01', endDate: '2028-12-31' }
    const model = buildAssessment({ ...input, current: { ...input.current, plan } })
    expect(model.warnings).toContain(`Stage One asks for a 24-month action plan; ${plan.title} runs 36 months.`)
    const fits = { ...plan, endDate: '2027-12-31' }
    expect(buildAssessment({ ...input, current: { ...input.current, plan: fits } }).warnings.join(' ')).not.toMatch(/asks for a 24-month/)
    const two = demoInput()
    const twoPlan = { ...two.current.plan, startDate: '2026-01-01', endDate: '2027-12-31' }
    expect(buildAssessment({ ...two, current: { ...two.current, plan: twoPlan } }).warnings).toContain(
      `Stage Two asks for a 36-month action plan; ${plan.title} runs 24 months.`,
    )
    expect(planMonths('2026-09-01', '2028-08-31')).toBe(24)
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

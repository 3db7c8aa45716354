/**
 * Issue 16, done means: the demo lead generates the Stage One and the Stage Two self-assessment
 * through the app, each DOCX is converted to PDF by LibreOffice headless (as a panel member would
 * open it), and the PDF's text is checked: every section the issue lists is there, and no table
 * cell breaks a word ("Sustainabilit y"). Before generating, the lead fills in what the document
 * takes from them through the app: contact and sign-off details, a Stage One profile over the
 * template's 250 words, appendices and two check-ins of a success measure.
 */
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { expect, test, type Locator, type Page, type Request } from '@playwright/test'
import { TEMPLATE, wordCount, type Stage } from '../../src/features/self-assessment/template'
import { brokenCellWords, documentXml, docxText } from '../support/docx-words'
import { docxToPdf, pdfLayoutText } from '../support/office-pdf'
import { DEMO, signIn, waitForAllSaved } from './session'

type Messages = { [key: string]: string | Messages }
const MESSAGES = JSON.parse(readFileSync(new URL('../../src/locales/en/selfAssessment.json', import.meta.url), 'utf8')) as Messages
/** An English selfAssessment message, with `{name}` parameters filled in. */
function m(key: string, params: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<string | Messages | undefined>((at, k) => (typeof at === 'object' ? at[k] : undefined), MESSAGES)
  if (typeof found !== 'string') throw new Error(`No message ${key}`)
  return found.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}

/** Whitespace (line breaks, the spaces between layout columns) as single spaces, to find a paragraph that wrapped. */
const flat = (text: string) => text.replace(/\s+/g, ' ')

const APPENDICES = ['Appendix A: Steering Group terms of reference', 'Appendix B: Technician Commitment governance chart']
const HEAD = { name: 'Professor Ada Quarrie', title: 'Vice-Chancellor' }

async function open(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 30_000 })
}

/** Writes a narrative section of the self-assessment page and saves it. */
async function writeSection(main: Locator, heading: string, text: string) {
  const section = main.getByRole('region', { name: new RegExp(`^\\d+\\. ${heading}$`) })
  await section.getByRole('textbox', { name: `Your answer: ${heading}` }).fill(text)
  await section.getByRole('button', { name: `Save ${heading}` }).click()
  await expect(section.getByRole('status')).toHaveText('Saved on this device; syncs when online.')
}

/** The app's limit for a callable that fetches a survey's free text (src/platform/firebase/surveys.ts). */
const CALLABLE_LIMIT_MS = 60_000

/**
 * Refreshes the figures and survey themes from the server, as a lead would again when the page says
 * the figures could not be fetched (a callable past its 60 s limit: seen with the machine's load at
 * 25 on 2 cores). The app also keeps the themes of the surveys whose free text arrived and drops,
 * unsaid, a survey whose fetch ran past the limit: then too this refreshes again (three tries at most).
 */
async function refreshFigures(page: Page) {
  const main = page.getByRole('main')
  for (let attempt = 1; ; attempt++) {
    const started = new Set<Request>()
    const took = new Map<Request, number>()
    const onRequest = (r: Request) => void (r.url().endsWith('/surveyTexts') && started.add(r))
    const onFinished = (r: Request) => void (started.has(r) && took.set(r, r.timing().responseEnd))
    const onFailed = (r: Request) => void (started.has(r) && took.set(r, Infinity))
    page.on('request', onRequest)
    page.on('requestfinished', onFinished)
    page.on('requestfailed', onFailed)
    await main.getByRole('button', { name: 'Refresh member figures' }).click()
    // Every survey's fetch has ended (a second attempt starts with the first one's status still shown).
    await expect.poll(() => started.size > 0 && took.size === started.size, { timeout: 150_000 }).toBe(true)
    const status = main.getByRole('status', { name: 'Export status' })
    await expect(status).toHaveText(/^(Figures updated|Could not fetch the figures)/, { timeout: 150_000 })
    page.off('request', onRequest)
    page.off('requestfinished', onFinished)
    page.off('requestfailed', onFailed)
    const late = [...took.values()].filter((ms) => ms >= CALLABLE_LIMIT_MS - 1_000)
    const updated = (await status.textContent()) === 'Figures updated.'
    if (attempt === 3) expect(updated && late.length === 0, 'the figures and every survey’s themes fetched in time').toBe(true)
    if ((updated && late.length === 0) || attempt === 3) return
  }
}

interface Generated {
  text: string
  flatText: string
  pages: number
  /** Each page's text, in order. */
  pageTexts: string[]
  seconds: number
  broken: string[]
  xml: string
  /** The text of each table cell of the DOCX. */
  cells: string[]
}

/** Downloads the DOCX of the stage now chosen, converts it with LibreOffice and reads the PDF back. */
async function generate(page: Page, stage: Stage): Promise<Generated> {
  const main = page.getByRole('main')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('button', { name: 'Download Word document (DOCX)' }).click(),
  ])
  const name = download.suggestedFilename()
  expect(name).toMatch(new RegExp(`^technician-commitment-stage-${stage}-\\d{4}-\\d{2}-\\d{2}\\.docx$`))
  const docx = test.info().outputPath(name)
  await download.saveAs(docx)
  const started = performance.now()
  const pdf = await docxToPdf(docx, test.info().outputPath())
  const seconds = (performance.now() - started) / 1000
  const { text, pages, pageTexts } = await pdfLayoutText(pdf)
  const xml = documentXml(new Uint8Array(await readFile(docx)))
  await writeFile(test.info().outputPath(`stage-${stage}.txt`), text)
  test.info().annotations.push({ type: `stage ${stage}`, description: `${pages} pages; LibreOffice conversion ${seconds.toFixed(1)} s` })
  const doc = docxText(xml)
  return { text, flatText: flat(text), pages, pageTexts, seconds, broken: brokenCellWords(doc, text), xml, cells: doc.cells }
}

/** What both stages hold: the template's sections and everything issue 16 lists. */
function expectSections(doc: Generated, stage: Stage) {
  const has = (what: string | RegExp) =>
    typeof what === 'string' ? expect(doc.flatText).toContain(flat(what)) : expect(doc.flatText).toMatch(what)
  has(m(`doc.title.${stage}`))
  for (const { key } of TEMPLATE[stage]) {
    has(m(`template.${stage}.${key}.heading`))
    has(m(`template.${stage}.${key}.question`))
  }
  // The lead’s contact details under the title; the sign-off block.
  has('Organisation: Example University')
  has(/Institutional lead: \S/)
  has(/E-mail: \S+@example\.ac\.uk/)
  has(/Contact number: \+?[\d ()]{6,}/)
  // ... and at the top of every page, landscape ones too.
  expect(doc.pageTexts.filter((p) => !p.includes(DEMO.lead)).length, 'pages without the lead’s e-mail').toBe(0)
  has(m('doc.signOff.heading'))
  has(`${m('doc.signOff.role')}: ${HEAD.title}`)
  has(`${m('doc.signOff.name')}: ${HEAD.name}`)
  has(new RegExp(`${m('doc.signOff.signature')}: _{6,}`))
  has(new RegExp(`${m('doc.signOff.date')}: _{6,}`))
  // The workforce by faculty and by site or campus, and the equality breakdowns.
  has(m('doc.staff.byFaculty'))
  has(m('doc.staff.bySite'))
  has(m('doc.equality.heading'))
  for (const field of ['gender', 'ethnicity', 'ageBand', 'disability']) has(m(`doc.equality.${field}`))
  // Each chart is a picture with its text alternative (the figures it draws, in words).
  const alts = [...doc.xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((x) => x[1]!)
  expect(alts.length).toBeGreaterThan(0)
  expect(alts.some((alt) => alt.startsWith(`Bar chart: ${m('doc.staff.byFaculty')}.`))).toBe(true)
  // The technician voice as content: counts, survey themes, and "you said, we did".
  has(m('doc.voice.table'))
  has(/Themes in the free-text answers to “[^”]+”/)
  has(m('doc.voice.saidDid'))
  // Appendices the lead listed.
  for (const item of APPENDICES) has(item)
  // The published plan's address.
  has(/Published at: https?:\/\/\S+/)
}

test('the lead generates Stage One and Stage Two; LibreOffice prints every section and no table cell breaks a word', async ({ page }) => {
  // Two DOCX, two LibreOffice conversions (a cold profile each) and the lead's edits.
  test.setTimeout(600_000)
  const main = page.getByRole('main')
  await signIn(page, DEMO.lead)

  // ---- What the document takes from the lead: contact details and who signs off.
  await page.goto('/account')
  const details = main.getByRole('region', { name: 'Institution details for the self-assessment' })
  await expect(details.getByRole('textbox', { name: 'Institutional lead’s name' })).not.toHaveValue('', { timeout: 30_000 })
  await details.getByRole('textbox', { name: 'Lead’s email address' }).fill(DEMO.lead)
  await details.getByRole('textbox', { name: 'Lead’s phone number' }).fill('01632 960 016')
  await details.getByRole('textbox', { name: 'Head of institution’s name' }).fill(HEAD.name)
  await details.getByRole('textbox', { name: 'Head of institution’s title' }).fill(HEAD.title)
  await details.getByRole('button', { name: 'Save institution details' }).click()
  await expect(details.getByRole('status', { name: 'Institution details status' })).toHaveText(
    /^(Saved on this device|Nothing has changed)/,
  )

  // ---- Two check-ins of a success measure (R3: nominations, kept by hand).
  await open(page, '/plan/manage', 'Manage the plan')
  await main.getByRole('link', { name: 'Edit R3' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit action R3' })).toBeVisible()
  const checkIn = main.getByRole('form', { name: 'New check-in for measure 1' })
  for (const [value, date] of [
    ['2', '2026-01-15'],
    ['4', '2026-09-15'],
  ] as const) {
    await checkIn.getByLabel('Value').fill(value)
    await checkIn.getByLabel('Date').fill(date)
    await checkIn.getByLabel('Note').fill('Nominations counted by the Steering Group')
    await checkIn.getByRole('button', { name: 'Add check-in to measure 1' }).click()
    await expect(main.getByRole('table', { name: 'Readings of measure 1, newest first' })).toContainText(value)
  }
  await waitForAllSaved(page)

  // ---- Stage One: a profile over the template's word limit, appendices; the figures fetched.
  await open(page, '/self-assessment?stage=one', 'Self-assessment')
  await expect(main.getByLabel('Submission')).toHaveValue('one')
  const profile = Array.from({ length: 26 }, (_, k) => `Sentence ${k + 1} of the profile says who we are and where technicians work.`).join(
    ' ',
  )
  await writeSection(main, 'Organisation profile', profile)
  await expect(main.getByText('Over the template’s limit of 250 words')).toBeVisible()
  await writeSection(main, 'Appendices', APPENDICES.join('\n'))
  await refreshFigures(page)
  // The chosen plan runs 36 months: Stage One asks for 24, and the page says so.
  await expect(main.getByRole('listitem').filter({ hasText: 'Stage One asks for a 24-month action plan' })).toContainText('runs 36 months')

  const one = await generate(page, 'one')
  expectSections(one, 'one')
  expect(one.flatText).toContain(m('doc.wordLimit.over', { words: wordCount(profile), limit: 250 }))
  expect(one.broken).toEqual([])

  // ---- Stage Two: the RAG review, evidence of impact with the check-ins.
  await main.getByLabel('Submission').selectOption({ label: 'Stage Two: RAG review and 36-month plan' })
  await expect(main.getByLabel('Submission')).toHaveValue('two')
  await writeSection(main, 'Appendices', APPENDICES.join('\n'))
  const two = await generate(page, 'two')
  expectSections(two, 'two')
  expect(two.flatText).toContain(m('doc.ragSection.table'))
  expect(two.flatText).toContain(m('doc.impact.measures'))
  expect(two.flatText).toContain(m('doc.impact.readings'))
  // The readings of R3, oldest first, with the change (a cell's text wraps in the PDF: read it from the DOCX).
  const r3 = two.cells.find((c) => /\(15 January 2026\) → .*\(15 September 2026\)/.test(c))
  expect(r3).toBeDefined()
  expect(two.cells).toContain('+2 since the first reading, towards the target')
  expect(two.broken).toEqual([])
})

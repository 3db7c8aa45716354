/**
 * The self-assessment as a document model: the template's questions, the lead's narrative for
 * each, and the figures prefilled from live data (RAG table with an explanation for every red,
 * dated technician-voice counts, the forward plan as a table). Both the DOCX and the printable
 * HTML view render this one model, so they never disagree. Every fixed word comes from the
 * messages of the document's language (`DocText`); the plan's own words are shown in Welsh in a
 * Welsh document where the plan has them.
 */
import type { ActionPlan, Comment, Idea, Institution, PlanAction, RagChange, RagStatus, Vote } from '@/domain/entities'
import { rankIdeas, technicianVoiceCounts, youSaidWeDid } from '@/domain/rules/ideas'
import { MIN_GROUP } from '@/domain/rules/suppression'
import { compareActionCodes, ragSummaryByTheme, stageTwoAnalysis } from '@/domain/rules/rag'
import { breakdownRows, facultyLabels, ragByTheme, UNSPECIFIED_KEY, type ChartRow } from '@/domain/rules/dashboard-data'
import type { Breakdown, InstitutionStats } from '@/domain/stats'
import { expandTimeframe, ownerText } from '@/domain/rules/owner-glossary'
import { measureView, type AppFeeds, type MeasureView } from '@/domain/rules/measure-feeds'
import { impactEvidence, type ImpactEvidence } from '@/domain/rules/measure-history'
import type { SurveyVoice } from '@/domain/rules/survey-themes'
import { activityIn, inLanguage, measureTextIn, outputsIn } from '@/domain/rules/plan-language'
import type { Locale } from '@/i18n/locales'
import type { DocText } from './doc-text'
import { sectionWords, TEMPLATE, wordCount, type Prefill, type SectionSpec, type Stage } from './template'

export type Cell = string | { text: string; rag: RagStatus | null }

export type Block =
  | { kind: 'paragraph'; text: string }
  /** The lead's own words; empty means not written yet. */
  | { kind: 'narrative'; text: string }
  | { kind: 'subheading'; text: string }
  /** A table; a breakdown's table also carries its figures as a bar chart (drawn beside it in the DOCX). */
  | { kind: 'table'; caption: string; columns: string[]; rows: Cell[][]; chart?: Chart }
  | { kind: 'list'; items: string[] }
  /** A problem shown in the document itself (a narrative over its word limit). */
  | { kind: 'flag'; text: string }

/** A breakdown drawn as bars; `alt` is its text alternative in the document's language (withheld groups are named there, not drawn). */
export interface Chart {
  alt: string
  bars: { label: string; value: number }[]
}

export interface ModelSection {
  key: string
  heading: string
  question: string
  blocks: Block[]
}

export interface AssessmentModel {
  /** The document's language. */
  locale: Locale
  title: string
  /** Label → value lines under the title (organisation, lead, dates). */
  meta: [string, string][]
  /** The running header of every page: the organisation and the lead's name, e-mail and phone (those given). */
  header: string
  sections: ModelSection[]
  /** Problems the lead should fix before submitting (e.g. a red with no explanation). */
  warnings: string[]
  /** The closing block the head of institution signs: heading, statement, and label → value lines (blank to sign by hand). */
  signOff: { heading: string; statement: string; lines: [string, string][] }
  /** Fixed words the renderers need, in the document's language. */
  words: { notWritten: string; none: string; description: string }
}

export interface PlanBundle {
  plan: ActionPlan
  actions: PlanAction[]
  changes: RagChange[]
}

export interface AssessmentInput {
  stage: Stage
  now: number
  institution: Pick<
    Institution,
    'name' | 'planUrl' | 'contactName' | 'faculties' | 'signatoryDate' | 'contactEmail' | 'contactPhone' | 'headName' | 'headTitle'
  > | null
  /** The forward plan (24-month for Stage One, 36-month for Stage Two). */
  current: PlanBundle
  /** Stage Two: the plan whose RAG is analysed; when the app holds no earlier plan, the current one. */
  previous: PlanBundle | null
  ideas: readonly Idea[]
  comments: readonly Comment[]
  votes: readonly Vote[]
  stats: InstitutionStats | null
  /** Registered members in the local directory, when no server figures are cached. */
  directoryCount: number
  narratives: Readonly<Record<string, string>>
  feeds: AppFeeds
  /** Themes tagged in surveys' free-text answers, as last fetched (null: never fetched on this device). */
  surveyVoice?: readonly SurveyVoice[] | null
}

/** Builds the whole document in the language of `text`. */
export function buildAssessment(input: AssessmentInput, text: DocText): AssessmentModel {
  const { t } = text
  const warnings: string[] = []
  const asAt = text.date(input.now)
  const ctx: Ctx = { input, text, asAt, warnings }
  const sections = TEMPLATE[input.stage].map((spec) => {
    const words = sectionWords(t, input.stage, spec.key, '')
    return {
      key: spec.key,
      heading: words.heading,
      question: words.question,
      blocks: [...narrative(spec, words.heading, ctx), ...spec.prefill.flatMap((p) => prefill(p, ctx))],
    }
  })
  const plan = input.current.plan
  const meta: [string, string][] = [
    [t('doc.meta.organisation'), input.institution?.name ?? ''],
    [t('doc.meta.lead'), input.institution?.contactName ?? ''],
    [t('doc.meta.email'), input.institution?.contactEmail ?? ''],
    [t('doc.meta.phone'), input.institution?.contactPhone ?? ''],
    [t('doc.meta.plan'), t('doc.meta.planValue', { title: plan.title, start: text.date(plan.startDate), end: text.date(plan.endDate) })],
    [t('doc.meta.asAt'), asAt],
  ]
  if (input.institution?.signatoryDate) meta.splice(4, 0, [t('doc.meta.signatory'), text.date(input.institution.signatoryDate)])
  const months = planMonths(plan.startDate, plan.endDate)
  const expected = input.stage === 'one' ? 24 : 36
  if (months !== expected) warnings.push(t(`doc.warnings.planLength.${input.stage}`, { title: plan.title, months, expected }))
  const empty = sections.filter((s) => s.blocks[0]?.kind === 'narrative' && s.blocks[0].text === '').map((s) => s.heading)
  if (empty.length > 0) warnings.push(t('doc.warnings.notWritten', { sections: empty.join('; ') }))
  return {
    locale: text.locale,
    title: t(`doc.title.${input.stage}`),
    meta: meta.filter(([, v]) => v !== ''),
    header: [input.institution?.name, input.institution?.contactName, input.institution?.contactEmail, input.institution?.contactPhone]
      .filter((v) => v?.trim())
      .join(' · '),
    sections,
    warnings,
    signOff: {
      heading: t('doc.signOff.heading'),
      statement: t('doc.signOff.statement', { organisation: input.institution?.name ?? '' }),
      lines: [
        [t('doc.signOff.role'), input.institution?.headTitle ?? ''],
        [t('doc.signOff.name'), input.institution?.headName ?? ''],
        [t('doc.signOff.signature'), ''],
        [t('doc.signOff.date'), ''],
      ],
    },
    words: { notWritten: t('doc.notWritten'), none: t('doc.none'), description: t('doc.description') },
  }
}

/** A plan's length in whole months (1 January 2026 to 31 December 2027 is 24). */
export function planMonths(start: string, end: string): number {
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1
  return Math.round(days / (365.25 / 12))
}

/**
 * The lead's words for a section: paragraphs (flagged when over the template's word limit), or
 * for a list section (the appendices) one item a line.
 */
function narrative(spec: SectionSpec, heading: string, { input, text, warnings }: Ctx): Block[] {
  const { t } = text
  const body = (input.narratives[spec.key] ?? '').trim()
  if (spec.list) {
    const items = body
      .split('\n')
      .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
      .filter(Boolean)
    return [items.length ? { kind: 'list', items } : { kind: 'paragraph', text: t('doc.appendices.none') }]
  }
  const blocks: Block[] = [{ kind: 'narrative', text: body }]
  const words = wordCount(body)
  if (spec.wordLimit && words > spec.wordLimit) {
    const params = { words, limit: spec.wordLimit, section: heading }
    blocks.push({ kind: 'flag', text: t('doc.wordLimit.over', params) })
    warnings.push(t('doc.warnings.overLimit', params))
  }
  return blocks
}

interface Ctx {
  input: AssessmentInput
  text: DocText
  asAt: string
  warnings: string[]
}

function prefill(kind: Prefill, ctx: Ctx): Block[] {
  const { input, text } = ctx
  const { t } = text
  switch (kind) {
    case 'staff':
      return staff(ctx)
    case 'roles':
      return input.stats
        ? [
            table(
              t('doc.staff.byRoleFamily'),
              [t('doc.col.roleFamily'), t('doc.col.technicians')],
              chartRows(text, input.stats.members.byRoleFamily, (k) => text.labels.roleFamily(k as RoleFamily)),
            ),
          ]
        : []
    case 'owners':
      return owners(input.current.plan, text)
    case 'themes':
      return themes(input.current, text)
    case 'rag':
      return rag(ctx)
    case 'impact':
      return impact(input, text)
    case 'additional':
      return additional(input, text)
    case 'plan':
      return [forwardPlan(input.current, text)]
    case 'voice':
      return voice(ctx)
    case 'url':
      return [
        {
          kind: 'paragraph',
          text: input.institution?.planUrl ? t('doc.published.at', { url: input.institution.planUrl }) : t('doc.published.none'),
        },
      ]
  }
}

type RoleFamily = Parameters<DocText['labels']['roleFamily']>[0]
type Contract = Parameters<DocText['labels']['contract']>[0]

/** The charts of breakdown rows made by {@link chartRows}: `table` finds a table's chart here. */
const charts = new WeakMap<Cell[][], (caption: string) => Chart>()

const table = (caption: string, columns: string[], rows: Cell[][]): Block => {
  const chart = charts.get(rows)?.(caption)
  return { kind: 'table', caption, columns, rows, ...(chart && chart.bars.length > 0 ? { chart } : {}) }
}

/** A breakdown's rows (largest first, withheld after, "not stated" last), each key named by `label`. */
function chartRows(text: DocText, breakdown: Breakdown, label: (key: string) => string = (k) => k): Cell[][] {
  const name = (key: string) => (key === UNSPECIFIED_KEY ? text.t('doc.notStated') : label(key))
  const data = breakdownRows(breakdown, name)
  const rows = data.map((r: ChartRow): Cell[] => [r.label, text.figure(r.value)])
  charts.set(rows, (caption) => ({
    alt: text.t('doc.chart.alt', {
      caption,
      values: data.map((r) => text.t('doc.chart.value', { label: r.label, value: text.figure(r.value) })).join('; '),
    }),
    bars: data.flatMap((r) => (r.value === null ? [] : [{ label: r.label, value: r.value }])),
  }))
  return rows
}

function staff({ input, text, asAt }: Ctx): Block[] {
  const { t } = text
  const s = input.stats
  if (!s) return [{ kind: 'paragraph', text: t('doc.staff.noStats', { date: asAt, count: text.figure(input.directoryCount) }) }]
  const faculties = facultyLabels(input.institution)
  const technicians = t('doc.col.technicians')
  return [
    { kind: 'paragraph', text: t('doc.staff.registered', { date: asAt, count: text.figure(s.members.total) }) },
    table(
      t('doc.staff.byFaculty'),
      [t('doc.col.faculty'), technicians],
      chartRows(text, s.members.byFaculty, (k) => faculties[k] ?? k),
    ),
    ...(s.members.bySite ? [table(t('doc.staff.bySite'), [t('doc.col.site'), technicians], chartRows(text, s.members.bySite))] : []),
    table(
      t('doc.staff.byContract'),
      [t('doc.col.contract'), technicians],
      chartRows(text, s.members.byContract, (k) => text.labels.contract(k as Contract)),
    ),
    { kind: 'paragraph', text: t('doc.staff.withheldNote') },
    ...equality(s, text),
  ]
}

const EQUALITY = ['gender', 'ethnicity', 'ageBand', 'disability'] as const
const EQUALITY_ANSWERS = ['yes', 'no', 'prefer-not']

/**
 * The equality profile from the served figures (the dashboard's, already suppressed: a group
 * under 5 is withheld), never from anyone's answers.
 */
function equality(s: InstitutionStats, text: DocText): Block[] {
  const { t } = text
  const answer = (k: string) => (EQUALITY_ANSWERS.includes(k) ? t(`doc.equality.answer.${k}`) : k)
  return [
    { kind: 'subheading', text: t('doc.equality.heading') },
    {
      kind: 'paragraph',
      text: t('doc.equality.intro', { count: text.figure(s.equality.respondents), min: s.minGroup }),
    },
    ...EQUALITY.map((field) =>
      table(t(`doc.equality.${field}`), [t(`doc.equality.${field}`), t('doc.col.technicians')], chartRows(text, s.equality[field], answer)),
    ),
  ]
}

function owners(plan: ActionPlan, text: DocText): Block[] {
  const items = Object.entries(plan.owners).map(([k, v]) => `${k}: ${v}`)
  return items.length
    ? [
        { kind: 'subheading', text: text.t('doc.owners') },
        { kind: 'list', items },
      ]
    : []
}

const counts = (c: { green: number; amber: number; red: number; notSet: number }) => [c.green, c.amber, c.red, c.notSet].map(String)

function themes(bundle: PlanBundle, text: DocText): Block[] {
  const { t } = text
  const rows = ragByTheme(ragSummaryByTheme(bundle.actions, bundle.changes))
  return [
    table(
      t('doc.themes'),
      [t('doc.col.theme'), t('doc.col.actions'), t('doc.col.green'), t('doc.col.amber'), t('doc.col.red'), t('doc.col.notRated')],
      rows.map((r) => [text.labels.theme(r.theme), String(r.counts.total), ...counts(r.counts)]),
    ),
  ]
}

const themeNames = (a: PlanAction, text: DocText) => a.themes.map((t) => text.labels.theme(t)).join(' / ')
const ragCell = (status: RagStatus | null, text: DocText): Cell => ({ text: text.t(`doc.rag.${status ?? 'none'}`), rag: status })

function rag({ input, text, asAt, warnings }: Ctx): Block[] {
  const { t, locale } = text
  const previous = input.previous ?? input.current
  const samePlan = previous.plan.id === input.current.plan.id
  const analysis = stageTwoAnalysis(previous, samePlan ? { actions: [] } : input.current)
  const s = analysis.summary
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t('doc.ragSection.summary', {
        title: previous.plan.title,
        date: asAt,
        total: s.total,
        green: s.green,
        amber: s.amber,
        red: s.red,
        notSet: s.notSet ? t('doc.ragSection.notSet', { n: s.notSet }) : '',
      }),
    },
    table(
      t('doc.ragSection.table'),
      [
        t('doc.col.code'),
        t('doc.col.theme'),
        t('doc.col.activity'),
        t('doc.col.rag'),
        t('doc.col.since'),
        t('doc.col.explanation'),
        ...(samePlan ? [] : [t('doc.col.carriedForward')]),
      ],
      analysis.rows.map((r) => [
        r.action.code,
        themeNames(r.action, text),
        activityIn(locale, r.action),
        ragCell(r.status, text),
        r.changedAt ? text.date(r.changedAt) : '',
        r.rationale,
        ...(samePlan ? [] : [r.carriedForwardTo?.code ?? '']),
      ]),
    ),
    table(
      t('doc.ragSection.byTheme'),
      [t('doc.col.theme'), t('doc.col.green'), t('doc.col.amber'), t('doc.col.red'), t('doc.col.notRated')],
      ragByTheme(analysis.byTheme).map((r) => [text.labels.theme(r.theme), ...counts(r.counts)]),
    ),
  ]
  const reds = analysis.rows.filter((r) => r.status === 'red')
  blocks.push({ kind: 'subheading', text: t('doc.ragSection.reds') })
  blocks.push(
    reds.length
      ? {
          kind: 'list',
          items: reds.map((r) =>
            t('doc.ragSection.redItem', {
              code: r.action.code,
              themes: themeNames(r.action, text),
              activity: activityIn(locale, r.action),
              explanation: r.rationale.trim() || t('doc.ragSection.explanationNeeded'),
            }),
          ),
        }
      : { kind: 'paragraph', text: t('doc.ragSection.noReds') },
  )
  for (const r of analysis.unexplainedReds) warnings.push(t('doc.warnings.unexplainedRed', { code: r.action.code }))
  return blocks
}

function impact(input: AssessmentInput, text: DocText): Block[] {
  const { t, locale } = text
  const rows: Cell[][] = []
  const sorted = [...input.current.actions].sort((a, b) => compareActionCodes(a.code, b.code))
  for (const a of sorted) {
    for (const m of a.measures) {
      const view = measureView(m, input.feeds, { now: input.now, start: input.current.plan.startDate })
      const num = (x: number | undefined) => (x === undefined ? '' : `${x}${m.unit === '%' ? '%' : ''}`)
      // A figure set to come from live data but not live today is never shown as live.
      const stored = view.state === 'withheld' || view.state === 'unknown'
      const progress =
        view.progress.percent === null
          ? t('doc.impact.noFigures')
          : t(stored ? 'doc.impact.progressStored' : 'doc.impact.progress', {
              percent: Math.round(view.progress.percent),
              status: t(`doc.measureStatus.${view.progress.status}`),
            })
      rows.push([a.code, measureTextIn(locale, m), num(m.baseline), nowCell(view, num, a, text), num(m.target), progress])
    }
  }
  const blocks: Block[] = [
    table(
      t('doc.impact.measures'),
      [t('doc.col.code'), t('doc.col.measure'), t('doc.col.baseline'), t('doc.col.now'), t('doc.col.target'), t('doc.col.progress')],
      rows,
    ),
  ]
  const evidence = impactEvidence(sorted)
  if (evidence.length > 0)
    blocks.push(
      table(
        t('doc.impact.readings'),
        [t('doc.col.code'), t('doc.col.measure'), t('doc.col.readings'), t('doc.col.change')],
        evidence.map((e) => [e.actionCode, inLanguage(locale, e.text, e.textCy), readings(e, text), change(e, text)]),
      ),
    )
  const s = input.stats
  if (s) {
    blocks.push({ kind: 'paragraph', text: t('doc.impact.registrations', { count: text.figure(s.registrations.registeredMembers) }) })
    blocks.push(table(t('doc.impact.byLevel'), [t('doc.col.level'), t('doc.col.registered')], chartRows(text, s.registrations.registered)))
    blocks.push({ kind: 'paragraph', text: t('doc.impact.cpd', { percent: text.figure(s.cpd.percent, '%'), year: s.cpd.year }) })
  }
  return blocks
}

/** The readings of a measure, oldest first: all of them up to six, else the first, "…" and the latest five. */
function readings(e: ImpactEvidence, text: DocText): string {
  const points = e.trend.points
  const shown = points.length > 6 ? [points[0]!, null, ...points.slice(-5)] : points
  const unit = e.unit === '%' ? '%' : ''
  return shown
    .map((p) => (p ? text.t('doc.impact.reading', { value: text.figure(p.value, unit), date: text.date(p.date) }) : '…'))
    .join(' → ')
}

/** "+11 since the first reading, towards the target". */
function change(e: ImpactEvidence, text: DocText): string {
  const { change: by, towardsTarget } = e.trend
  const direction = towardsTarget === null ? 'none' : towardsTarget ? 'towards' : 'away'
  return text.t('doc.impact.change', {
    change: `${by > 0 ? '+' : ''}${text.figure(by, e.unit === '%' ? '%' : '')}`,
    direction: text.t(`doc.impact.direction.${direction}`),
  })
}

/** The "Now" of a measure: live or by hand as it is; a stored value standing in for a live figure says so, with its date and source. */
function nowCell(view: MeasureView, num: (x: number | undefined) => string, action: PlanAction, text: DocText): string {
  const { t } = text
  if (view.state === 'manual' || view.state === 'live') return num(view.current)
  const params = {
    value: num(view.current),
    date: text.date(action.updatedAt),
    source: t(`doc.impact.source.${view.measure.source}`),
  }
  if (view.state === 'withheld') return view.current === undefined ? t('doc.impact.withheld') : t('doc.impact.withheldStored', params)
  return view.current === undefined ? '' : t('doc.impact.stored', params)
}

function additional(input: AssessmentInput, text: DocText): Block[] {
  if (!input.previous || input.previous.plan.id === input.current.plan.id) return []
  const fresh = stageTwoAnalysis(input.previous, input.current).newActions
  return fresh.length
    ? [
        { kind: 'subheading', text: text.t('doc.additional') },
        { kind: 'list', items: fresh.map((a) => `${a.code}: ${activityIn(text.locale, a)}`) },
      ]
    : []
}

function forwardPlan(bundle: PlanBundle, text: DocText): Block {
  const { t, locale } = text
  const { plan } = bundle
  const rows = [...bundle.actions]
    .sort((a, b) => compareActionCodes(a.code, b.code))
    .map((a): Cell[] => [
      a.code,
      themeNames(a, text),
      activityIn(locale, a),
      outputsIn(locale, a),
      a.measures.map((m) => measureTextIn(locale, m)).join('; '),
      expandTimeframe(a.timeframe, plan.phases),
      ownerText(a.owner, plan.owners),
    ])
  return table(
    t('doc.plan', { title: plan.title }),
    [
      t('doc.col.code'),
      t('doc.col.theme'),
      t('doc.col.activity'),
      t('doc.col.outputs'),
      t('doc.col.measures'),
      t('doc.col.timeframe'),
      t('doc.col.owner'),
    ],
    rows,
  )
}

/** Calendar half-years (UTC) from the one holding `from` to the one holding `to`; `half` 0 is January to June. */
export function halfYears(from: number, to: number): { year: number; half: 0 | 1; from: number; to: number }[] {
  const start = new Date(from)
  const end = new Date(to)
  const out: { year: number; half: 0 | 1; from: number; to: number }[] = []
  let index = start.getUTCFullYear() * 2 + (start.getUTCMonth() < 6 ? 0 : 1)
  const last = end.getUTCFullYear() * 2 + (end.getUTCMonth() < 6 ? 0 : 1)
  for (; index <= last; index++) {
    const year = Math.floor(index / 2)
    const half = (index % 2) as 0 | 1
    out.push({ year, half, from: Date.UTC(year, half * 6, 1), to: Date.UTC(year, half * 6 + 6, 1) - 1 })
  }
  return out
}

/** "January to June 2026" / "Ionawr i Fehefin 2026". */
export function halfYearLabel(text: DocText, period: { year: number; half: 0 | 1 }): string {
  return text.t(period.half === 0 ? 'doc.halfYear.first' : 'doc.halfYear.second', { year: String(period.year) })
}

/**
 * What technicians said in surveys, as content: per survey, its themes with how many anonymous
 * answers carry each (withheld under 5) and, for a theme of 5 or more, a few answers quoted.
 */
function surveyThemes(voice: AssessmentInput['surveyVoice'], text: DocText): Block[] {
  const { t, locale } = text
  if (voice === undefined) return []
  if (voice === null) return [{ kind: 'paragraph', text: t('doc.voice.themesUnknown') }]
  const blocks: Block[] = []
  for (const survey of voice) {
    const title = inLanguage(locale, survey.title, survey.titleCy)
    blocks.push(
      table(
        t('doc.voice.themes', { title }),
        [t('doc.col.theme'), t('doc.col.answers')],
        survey.themes.map((x) => [x.name, x.count === null ? t('doc.voice.fewerThan', { min: MIN_GROUP }) : text.figure(x.count)]),
      ),
    )
    const quoted = survey.themes.filter((x) => x.quotes.length > 0)
    if (quoted.length > 0)
      blocks.push({
        kind: 'list',
        items: quoted.map((x) =>
          t('doc.voice.quotes', { theme: x.name, quotes: x.quotes.map((q) => t('doc.voice.quote', { text: q })).join(' ') }),
        ),
      })
  }
  return blocks
}

function voice({ input, text, asAt }: Ctx): Block[] {
  const { t, locale } = text
  const data = { ideas: input.ideas, comments: input.comments, votes: input.votes }
  const times = [...input.ideas.map((i) => i.createdAt), ...input.comments.map((c) => c.createdAt), ...input.votes.map((v) => v.createdAt)]
  const rows: Cell[][] = (times.length > 0 ? halfYears(Math.min(...times), input.now) : []).map((p) => {
    const c = technicianVoiceCounts(data, p)
    return [halfYearLabel(text, p), String(c.ideas), String(c.comments), String(c.votes), String(c.adoptedIdeas)]
  })
  const total = technicianVoiceCounts(data, { to: input.now })
  rows.push([
    t('doc.voice.total', { date: asAt }),
    String(total.ideas),
    String(total.comments),
    String(total.votes),
    String(total.adoptedIdeas),
  ])
  const blocks: Block[] = [
    { kind: 'paragraph', text: t('doc.voice.intro', { date: asAt, contributors: total.contributors, adopted: total.adoptedIdeas }) },
    table(
      t('doc.voice.table'),
      [t('doc.col.period'), t('doc.col.ideas'), t('doc.col.comments'), t('doc.col.votes'), t('doc.col.adopted')],
      rows,
    ),
  ]
  const surveys = input.stats?.surveys ?? []
  if (surveys.length > 0) {
    blocks.push(
      table(
        t('doc.voice.surveys'),
        [t('doc.col.survey'), t('doc.col.open'), t('doc.col.responses'), t('doc.col.rate')],
        surveys.map((s) => [
          s.title,
          t('doc.voice.surveyDates', { from: text.date(s.opensAt), to: text.date(s.closesAt) }),
          text.figure(s.responses),
          text.figure(s.ratePercent, '%'),
        ]),
      ),
    )
  } else if (!input.stats) {
    blocks.push({ kind: 'paragraph', text: t('doc.voice.noSurveys') })
  }
  blocks.push(...surveyThemes(input.surveyVoice, text))
  // Ideas many technicians backed, quoted by title only (never who raised them), each with at least MIN_GROUP votes.
  const backed = rankIdeas(input.ideas, input.votes).filter((x) => x.votes >= MIN_GROUP)
  blocks.push({ kind: 'subheading', text: t('doc.voice.backed', { min: MIN_GROUP }) })
  blocks.push(
    backed.length
      ? {
          kind: 'list',
          items: backed.map((x) => {
            const response = inLanguage(locale, x.idea.response ?? '', x.idea.responseCy)
            return [
              t('doc.voice.backedItem', {
                title: x.idea.title,
                votes: text.plural('doc.votes', x.votes),
                status: t(`doc.voice.status.${x.idea.status}`),
              }),
              ...(response ? [t('doc.voice.weSaid', { response })] : []),
            ].join(' ')
          }),
        }
      : { kind: 'paragraph', text: t('doc.voice.backedNone', { min: MIN_GROUP }) },
  )
  const saidDid = youSaidWeDid(input.ideas, input.current.actions, input.votes)
  if (saidDid.length > 0) {
    blocks.push({ kind: 'subheading', text: t('doc.voice.saidDid') })
    blocks.push({
      kind: 'list',
      items: saidDid.map((x) => {
        const response = inLanguage(locale, x.idea.response ?? '', x.idea.responseCy)
        return [
          t('doc.voice.saidDidItem', { date: text.date(x.idea.createdAt), title: x.idea.title, votes: text.plural('doc.votes', x.votes) }),
          response || t('doc.voice.adopted'),
          ...(x.action ? [t('doc.voice.nowAction', { code: x.action.code })] : []),
        ].join(' ')
      }),
    })
  }
  return blocks
}

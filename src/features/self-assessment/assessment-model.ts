/**
 * The self-assessment as a document model: the template's questions, the lead's narrative for
 * each, and the figures prefilled from live data (RAG table with an explanation for every red,
 * dated technician-voice counts, the forward plan as a table). Both the DOCX and the printable
 * HTML view render this one model, so they never disagree.
 */
import type { ActionPlan, Comment, Idea, Institution, PlanAction, RagChange, RagStatus, Vote } from '@/domain/entities'
import { technicianVoiceCounts, youSaidWeDid } from '@/domain/rules/ideas'
import { compareActionCodes, ragSummary, ragSummaryByTheme, stageTwoAnalysis } from '@/domain/rules/rag'
import { isoDateOf } from '@/domain/rules/dates'
import {
  breakdownRows,
  CONTRACT_LABELS,
  facultyLabels,
  formatFigure,
  ragThemeRows,
  ROLE_FAMILY_LABELS,
  type ChartRow,
} from '@/domain/rules/dashboard-data'
import type { InstitutionStats } from '@/domain/stats'
import { expandTimeframe, ownerText } from '@/domain/rules/owner-glossary'
import { measureView, type AppFeeds } from '@/domain/rules/measure-feeds'
import { THEME_LABELS } from '@/domain/rules/plan-groups'
import { formatDate } from '@/ui/format'
import { STAGE_TITLES, TEMPLATE, type Prefill, type Stage } from './template'

export type Cell = string | { text: string; rag: RagStatus | null }

export type Block =
  | { kind: 'paragraph'; text: string }
  /** The lead's own words; empty means not written yet. */
  | { kind: 'narrative'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; caption: string; columns: string[]; rows: Cell[][] }
  | { kind: 'list'; items: string[] }

export interface ModelSection {
  key: string
  heading: string
  question: string
  blocks: Block[]
}

export interface AssessmentModel {
  title: string
  /** Label → value lines under the title (organisation, lead, dates). */
  meta: [string, string][]
  sections: ModelSection[]
  /** Problems the lead should fix before submitting (e.g. a red with no explanation). */
  warnings: string[]
}

export interface PlanBundle {
  plan: ActionPlan
  actions: PlanAction[]
  changes: RagChange[]
}

export interface AssessmentInput {
  stage: Stage
  now: number
  institution: Pick<Institution, 'name' | 'planUrl' | 'contactName' | 'faculties' | 'signatoryDate'> | null
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
}

export const NOT_WRITTEN = '[Not written yet: add this section in Technician Hub before submitting.]'
const RAG_WORDS: Record<RagStatus, string> = { red: 'Red', amber: 'Amber', green: 'Green' }

/** Builds the whole document. */
export function buildAssessment(input: AssessmentInput): AssessmentModel {
  const warnings: string[] = []
  const asAt = formatDate(isoDateOf(input.now))
  const sections = TEMPLATE[input.stage].map((spec) => ({
    key: spec.key,
    heading: spec.heading,
    question: spec.question,
    blocks: [
      { kind: 'narrative' as const, text: (input.narratives[spec.key] ?? '').trim() },
      ...spec.prefill.flatMap((p) => prefill(p, input, asAt, warnings)),
    ],
  }))
  const meta: [string, string][] = [
    ['Organisation', input.institution?.name ?? ''],
    ['Institutional lead', input.institution?.contactName ?? ''],
    [
      'Action plan',
      `${input.current.plan.title} (${formatDate(input.current.plan.startDate)} to ${formatDate(input.current.plan.endDate)})`,
    ],
    ['Figures as at', asAt],
  ]
  if (input.institution?.signatoryDate) meta.splice(2, 0, ['Signatory since', formatDate(input.institution.signatoryDate)])
  const empty = sections.filter((s) => s.blocks[0]?.kind === 'narrative' && s.blocks[0].text === '').map((s) => s.heading)
  if (empty.length > 0) warnings.push(`Not written yet: ${empty.join('; ')}.`)
  return { title: STAGE_TITLES[input.stage], meta: meta.filter(([, v]) => v !== ''), sections, warnings }
}

function prefill(kind: Prefill, input: AssessmentInput, asAt: string, warnings: string[]): Block[] {
  switch (kind) {
    case 'staff':
      return staff(input, asAt)
    case 'roles':
      return input.stats
        ? [
            table(
              'Technicians by role family',
              ['Role family', 'Technicians'],
              chartRows(breakdownRows(input.stats.members.byRoleFamily, ROLE_FAMILY_LABELS)),
            ),
          ]
        : []
    case 'owners':
      return owners(input.current.plan)
    case 'themes':
      return themes(input.current)
    case 'rag':
      return rag(input, asAt, warnings)
    case 'impact':
      return impact(input)
    case 'additional':
      return additional(input)
    case 'plan':
      return [forwardPlan(input.current)]
    case 'voice':
      return voice(input, asAt)
    case 'url':
      return [
        {
          kind: 'paragraph',
          text: input.institution?.planUrl
            ? `Published at: ${input.institution.planUrl}`
            : 'No web address is recorded for the plan yet (institution settings).',
        },
      ]
  }
}

const table = (caption: string, columns: string[], rows: Cell[][]): Block => ({ kind: 'table', caption, columns, rows })
const chartRows = (rows: ChartRow[]): Cell[][] => rows.map((r) => [r.label, formatFigure(r.value)])
const WITHHELD_NOTE: Block = {
  kind: 'paragraph',
  text: 'Groups under 5 are withheld (with another figure where needed so they cannot be worked out), to protect individuals.',
}

function staff(input: AssessmentInput, asAt: string): Block[] {
  const s = input.stats
  if (!s) {
    return [
      {
        kind: 'paragraph',
        text: `As at ${asAt}, ${input.directoryCount} technicians appear in the Technician Hub directory. Detailed counts were not available on this device: refresh the dashboard figures while online, then generate the document again.`,
      },
    ]
  }
  return [
    {
      kind: 'paragraph',
      text: `As at ${asAt}, ${formatFigure(s.members.total)} technicians are registered in Technician Hub (self-registration, including non-laboratory technical staff).`,
    },
    table(
      'Technicians by faculty',
      ['Faculty', 'Technicians'],
      chartRows(breakdownRows(s.members.byFaculty, facultyLabels(input.institution))),
    ),
    table('Technicians by contract', ['Contract', 'Technicians'], chartRows(breakdownRows(s.members.byContract, CONTRACT_LABELS))),
    WITHHELD_NOTE,
  ]
}

function owners(plan: ActionPlan): Block[] {
  const items = Object.entries(plan.owners).map(([k, v]) => `${k}: ${v}`)
  return items.length
    ? [
        { kind: 'subheading', text: 'Groups and owners named in the plan' },
        { kind: 'list', items },
      ]
    : []
}

function themes(bundle: PlanBundle): Block[] {
  const rows = ragThemeRows(ragSummaryByTheme(bundle.actions, bundle.changes))
  return [
    table(
      'Actions by theme and status',
      ['Theme', 'Actions', 'Green', 'Amber', 'Red', 'Not rated'],
      rows.map((r) => [r.theme, ...[r.counts.total, r.counts.green, r.counts.amber, r.counts.red, r.counts.notSet].map(String)]),
    ),
  ]
}

const themeNames = (a: PlanAction) => a.themes.map((t) => THEME_LABELS[t]).join(' / ')
const ragCell = (status: RagStatus | null): Cell => ({ text: status ? RAG_WORDS[status] : 'Not rated', rag: status })

function rag(input: AssessmentInput, asAt: string, warnings: string[]): Block[] {
  const previous = input.previous ?? input.current
  const samePlan = previous.plan.id === input.current.plan.id
  const analysis = stageTwoAnalysis(previous, samePlan ? { actions: [] } : input.current)
  const s = analysis.summary
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `RAG status of “${previous.plan.title}” as at ${asAt}: ${s.total} actions, ${s.green} green (completed), ${s.amber} amber (in progress), ${s.red} red (still to be carried out)${s.notSet ? `, ${s.notSet} not yet rated` : ''}.`,
    },
    table(
      'RAG analysis',
      ['Code', 'Theme', 'Activity', 'RAG', 'Since', 'Explanation', ...(samePlan ? [] : ['Carried forward as'])],
      analysis.rows.map((r) => [
        r.action.code,
        themeNames(r.action),
        r.action.activity,
        ragCell(r.status),
        r.changedAt ? formatDate(isoDateOf(r.changedAt)) : '',
        r.rationale,
        ...(samePlan ? [] : [r.carriedForwardTo?.code ?? '']),
      ]),
    ),
    table(
      'RAG summary by theme',
      ['Theme', 'Green', 'Amber', 'Red', 'Not rated'],
      ragThemeRows(analysis.byTheme).map((r) => [r.theme, ...[r.counts.green, r.counts.amber, r.counts.red, r.counts.notSet].map(String)]),
    ),
  ]
  const reds = analysis.rows.filter((r) => r.status === 'red')
  blocks.push({ kind: 'subheading', text: 'Actions categorised red' })
  blocks.push(
    reds.length
      ? {
          kind: 'list',
          items: reds.map(
            (r) =>
              `${r.action.code} (${themeNames(r.action)}): ${r.action.activity} Explanation: ${r.rationale.trim() || 'EXPLANATION NEEDED'}`,
          ),
        }
      : { kind: 'paragraph', text: 'No actions are red.' },
  )
  for (const r of analysis.unexplainedReds)
    warnings.push(`${r.action.code} is red with no explanation: add one on the action before submitting.`)
  return blocks
}

function impact(input: AssessmentInput): Block[] {
  const rows: Cell[][] = []
  const sorted = [...input.current.actions].sort((a, b) => compareActionCodes(a.code, b.code))
  for (const a of sorted) {
    for (const m of a.measures) {
      const view = measureView(m, input.feeds, { now: input.now, start: input.current.plan.startDate })
      const num = (x: number | undefined) => (x === undefined ? '' : `${x}${m.unit === '%' ? '%' : ''}`)
      const progress =
        view.progress.percent === null
          ? 'No figures yet'
          : `${Math.round(view.progress.percent)}% (${view.progress.status.replace('-', ' ')})`
      rows.push([a.code, m.text, num(m.baseline), num(view.current), num(m.target), progress])
    }
  }
  const blocks: Block[] = [table('Success measures', ['Code', 'Success measure', 'Baseline', 'Now', 'Target', 'Progress'], rows)]
  const s = input.stats
  if (s) {
    blocks.push({
      kind: 'paragraph',
      text: `Professional registration: ${formatFigure(s.registrations.registeredMembers)} technicians registered.`,
    })
    blocks.push(table('Professional registrations by level', ['Level', 'Registered'], chartRows(breakdownRows(s.registrations.registered))))
    blocks.push({
      kind: 'paragraph',
      text: `CPD: ${formatFigure(s.cpd.percent, '%')} of technicians logged CPD in the ${s.cpd.year} CPD year.`,
    })
  }
  return blocks
}

function additional(input: AssessmentInput): Block[] {
  if (!input.previous || input.previous.plan.id === input.current.plan.id) return []
  const fresh = stageTwoAnalysis(input.previous, input.current).newActions
  return fresh.length
    ? [
        { kind: 'subheading', text: 'New in the 36-month plan' },
        { kind: 'list', items: fresh.map((a) => `${a.code}: ${a.activity}`) },
      ]
    : []
}

function forwardPlan(bundle: PlanBundle): Block {
  const { plan } = bundle
  const rows = [...bundle.actions]
    .sort((a, b) => compareActionCodes(a.code, b.code))
    .map((a): Cell[] => [
      a.code,
      themeNames(a),
      a.activity,
      a.outputs ?? '',
      a.measures.map((m) => m.text).join('; '),
      expandTimeframe(a.timeframe, plan.phases),
      ownerText(a.owner, plan.owners),
    ])
  return table(`Action plan: ${plan.title}`, ['Code', 'Theme', 'Activity', 'Key outputs', 'Success measures', 'Timeframe', 'Owner'], rows)
}

const HALF_YEAR = ['January to June', 'July to December'] as const

/** Calendar half-years (UTC) from the one holding `from` to the one holding `to`. */
export function halfYears(from: number, to: number): { label: string; from: number; to: number }[] {
  const start = new Date(from)
  const end = new Date(to)
  const out: { label: string; from: number; to: number }[] = []
  let index = start.getUTCFullYear() * 2 + (start.getUTCMonth() < 6 ? 0 : 1)
  const last = end.getUTCFullYear() * 2 + (end.getUTCMonth() < 6 ? 0 : 1)
  for (; index <= last; index++) {
    const year = Math.floor(index / 2)
    const half = index % 2
    out.push({ label: `${HALF_YEAR[half]} ${year}`, from: Date.UTC(year, half * 6, 1), to: Date.UTC(year, half * 6 + 6, 1) - 1 })
  }
  return out
}

function voice(input: AssessmentInput, asAt: string): Block[] {
  const data = { ideas: input.ideas, comments: input.comments, votes: input.votes }
  const times = [...input.ideas.map((i) => i.createdAt), ...input.comments.map((c) => c.createdAt), ...input.votes.map((v) => v.createdAt)]
  const rows: Cell[][] = (times.length > 0 ? halfYears(Math.min(...times), input.now) : []).map((p) => {
    const c = technicianVoiceCounts(data, p)
    return [p.label, String(c.ideas), String(c.comments), String(c.votes), String(c.adoptedIdeas)]
  })
  const total = technicianVoiceCounts(data, { to: input.now })
  rows.push([`Total to ${asAt}`, String(total.ideas), String(total.comments), String(total.votes), String(total.adoptedIdeas)])
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Technician Hub records every idea, comment and vote with its date. As at ${asAt}, ${total.contributors} technicians had proposed ideas, commented on actions or voted; ${total.adoptedIdeas} of their ideas were adopted.`,
    },
    table('Technician voice: ideas, comments and votes', ['Period', 'Ideas proposed', 'Comments', 'Votes', 'Ideas adopted'], rows),
  ]
  const surveys = input.stats?.surveys ?? []
  if (surveys.length > 0) {
    blocks.push(
      table(
        'Consultation surveys',
        ['Survey', 'Open', 'Responses', 'Response rate'],
        surveys.map((s) => [
          s.title,
          `${formatDate(s.opensAt)} to ${formatDate(s.closesAt)}`,
          formatFigure(s.responses),
          formatFigure(s.ratePercent, '%'),
        ]),
      ),
    )
  } else if (!input.stats) {
    blocks.push({
      kind: 'paragraph',
      text: 'Survey response counts were not available on this device: refresh the dashboard figures while online, then generate again.',
    })
  }
  const saidDid = youSaidWeDid(input.ideas, input.current.actions, input.votes)
  if (saidDid.length > 0) {
    blocks.push({ kind: 'subheading', text: 'You said, we did' })
    blocks.push({
      kind: 'list',
      items: saidDid.map(
        (x) =>
          `${formatDate(isoDateOf(x.idea.createdAt))}: “${x.idea.title}” (${x.votes} votes). ${x.idea.response ?? 'Adopted.'}${x.action ? ` Now action ${x.action.code}.` : ''}`,
      ),
    })
  }
  return blocks
}

/** The summary line of a plan's RAG, for the app's own screens. */
export function ragLine(bundle: PlanBundle): string {
  const s = ragSummary(bundle.actions, bundle.changes)
  return `${s.green} green, ${s.amber} amber, ${s.red} red${s.notSet ? `, ${s.notSet} not rated` : ''}`
}

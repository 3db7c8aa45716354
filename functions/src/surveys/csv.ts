/**
 * The CSV a lead downloads: the same aggregates the results screen shows (never a row per
 * respondent, so answers to different questions cannot be joined), free texts with their themes,
 * and breakdown counts. Withheld figures say so. Pure; written as text by the shared writer
 * (toCsv in src/domain/csv.ts: quoting and formula defusing).
 */
import { likertLabels } from '@/survey-engine/rules'
import type { Question } from '@/domain/entities'
import type { SurveyResults, SurveyTexts } from '@/survey-engine/types'

export const CSV_COLUMNS = ['Section', 'Question', 'Answer', 'Count', 'Note'] as const

export interface CsvInput {
  results: SurveyResults
  texts: SurveyTexts
  questions: readonly Question[]
  /** Breakdown results by faculty and by role family (overall must not be withheld). */
  breakdowns: { label: string; results: SurveyResults }[]
  /** Faculty id → name, for breakdown rows. */
  facultyNames: Readonly<Record<string, string>>
}

const WITHHELD = 'Withheld: fewer than 5'

/** The export's rows, header first. */
export function resultsCsvRows({ results, texts, questions, breakdowns, facultyNames }: CsvInput): (string | number)[][] {
  const rate = results.audienceSize > 0 ? `${Math.round((results.responseCount / results.audienceSize) * 100)}%` : ''
  const rows: (string | number)[][] = [
    [...CSV_COLUMNS],
    ['Summary', results.title, 'Responses', results.responseCount, rate ? `${rate} of ${results.audienceSize} in the audience` : ''],
  ]
  if (results.withheld) {
    rows.push(['Summary', results.title, 'Results', '', `${WITHHELD} responses so far`])
    return rows
  }
  const byId = new Map(questions.map((q) => [q.id, q]))
  for (const r of results.questions) {
    if (r.withheld) {
      rows.push(['Question', r.prompt, '', '', `${WITHHELD} answers`])
      continue
    }
    const q = byId.get(r.questionId)
    if (r.options) for (const o of r.options) rows.push(['Question', r.prompt, o.option, o.count, ''])
    if (r.distribution) {
      const labels = r.type === 'likert' ? likertLabels(q ?? {}) : null
      r.distribution.forEach((count, i) => rows.push(['Question', r.prompt, labels ? `${i + 1} ${labels[i]}` : String(i), count, '']))
      rows.push(['Question', r.prompt, 'Mean', r.mean ?? '', ''])
    }
    if (r.meanRank) for (const m of r.meanRank) rows.push(['Question', r.prompt, m.option, m.count, `mean rank ${m.meanRank}`])
    if (r.type === 'short' || r.type === 'long') rows.push(['Question', r.prompt, 'Answered', r.answered ?? '', 'texts below'])
  }
  const themeNames = new Map<string, string[]>()
  for (const t of texts.themes) for (const k of t.keys) themeNames.set(k, [...(themeNames.get(k) ?? []), t.name])
  const prompts = new Map(texts.questions.map((q) => [q.questionId, q.prompt]))
  for (const e of texts.entries)
    rows.push(['Free text', prompts.get(e.questionId) ?? '', e.text, e.count, (themeNames.get(e.key) ?? []).join('; ')])
  for (const b of breakdowns) {
    for (const c of b.results.breakdown?.cells ?? []) {
      const name = b.results.breakdown?.by === 'faculty' ? (facultyNames[c.key] ?? c.key) : c.key
      rows.push([`By ${b.label}`, '', name, c.responseCount ?? '', c.withheld ? WITHHELD : ''])
    }
  }
  return rows
}

/** A safe file name from the survey title. */
export function csvFilename(title: string, day: string): string {
  const slug =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .slice(0, 60) || 'survey'
  return `${slug}-results-${day}.csv`
}

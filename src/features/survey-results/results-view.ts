/**
 * Turning aggregate results into what the results screen shows: bar rows with percentages, the
 * response rate, breakdown tables, and the idea a lead makes from a theme or an answer. Pure.
 */
import type { Idea, Question, Survey } from '@/domain/entities'
import { ROLE_FAMILY_LABELS } from '@/survey-engine/labels'
import { questionIn, type SurveyLanguage } from '@/domain/rules/survey-language'
import { MIN_RESPONSES } from '@/survey-engine/rules'
import type { BreakdownCell, QuestionResult, SurveyTheme, TextEntry } from '@/survey-engine/types'

export interface BarRow {
  label: string
  count: number
  /** Whole per cent of those who answered the question. */
  percent: number
}

const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 100) : 0)

/**
 * The bars of a question's result (none for text questions or withheld results). Counts are per
 * option's stable value, whatever language people answered in; labels are in `lang` where the
 * question has them.
 */
export function barRows(result: QuestionResult, question?: Partial<Question>, lang: SurveyLanguage = 'en'): BarRow[] {
  if (result.withheld) return []
  const text = questionIn({ id: '', prompt: '', ...question, type: result.type }, lang)
  const labelOf = new Map(text.options.map((o) => [o.value, o.label]))
  if (result.options)
    return result.options.map((o) => ({
      label: labelOf.get(o.option) ?? o.option,
      count: o.count,
      percent: pct(o.count, result.answered ?? 0),
    }))
  if (result.distribution) {
    const labels = result.type === 'likert' ? text.likert : null
    return result.distribution.map((count, i) => ({
      label: labels ? `${i + 1} ${labels[i]}` : String(i),
      count,
      percent: pct(count, result.answered ?? 0),
    }))
  }
  if (result.meanRank) {
    // Ranked by mean position; the bar shows how often each came first-ish: (n − mean + 1) / n.
    const n = result.meanRank.length
    return [...result.meanRank]
      .sort((a, b) => (a.meanRank || n + 1) - (b.meanRank || n + 1))
      .map((m) => ({
        label: `${labelOf.get(m.option) ?? m.option} (mean position ${m.meanRank || '–'})`,
        count: m.count,
        percent: m.meanRank ? Math.round(((n - m.meanRank + 1) / n) * 100) : 0,
      }))
  }
  return []
}

/** "12 of 40 (30%)" — or without a rate when the audience is unknown. */
export function responseRateText(responses: number, audience: number): string {
  return audience > 0 ? `${responses} of ${audience} responded (${pct(responses, audience)}%)` : `${responses} responded`
}

/** The name of a breakdown cell: a faculty's name, a role family's label, or "Not stated". */
export function cellName(key: string, by: 'faculty' | 'roleFamily', faculties: readonly { id: string; name: string }[]): string {
  if (key === 'unspecified') return 'Not stated or in a group under 5'
  if (by === 'faculty') return faculties.find((f) => f.id === key)?.name ?? key
  return ROLE_FAMILY_LABELS[key as keyof typeof ROLE_FAMILY_LABELS] ?? key
}

export interface BreakdownRow {
  name: string
  /** null: withheld (fewer than 5, or hidden so a smaller group cannot be worked out). */
  responses: number | null
  /** The question's figures in this group: counts per column, or null when withheld. */
  values: (number | null)[]
}

/** A table of one question across breakdown cells: columns are its options or points. */
export function breakdownTable(
  cells: readonly BreakdownCell[],
  questionId: string,
  by: 'faculty' | 'roleFamily',
  faculties: readonly { id: string; name: string }[],
  question?: Pick<Question, 'options'>,
): { columns: string[]; rows: BreakdownRow[] } {
  let columns: string[] = []
  const rows = cells.map((c): BreakdownRow => {
    const r = c.questions.find((q) => q.questionId === questionId)
    const bars = r ? barRows(r, question) : []
    if (bars.length > columns.length) columns = bars.map((b) => b.label)
    return {
      name: cellName(c.key, by, faculties),
      responses: c.withheld ? null : c.responseCount,
      values: c.withheld || !r || r.withheld ? [] : bars.map((b) => b.count),
    }
  })
  return { columns, rows: rows.map((r) => ({ ...r, values: r.values.length ? r.values : columns.map(() => null) })) }
}

/** Idea fields for a lead turning a theme of free-text answers into an action-plan idea. */
export function ideaFromTheme(
  theme: SurveyTheme,
  entries: readonly TextEntry[],
  survey: Pick<Survey, 'id' | 'title'>,
  authorUid: string,
  now: number,
): Omit<Idea, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'> {
  const tagged = entries.filter((e) => theme.keys.includes(e.key))
  const count = tagged.reduce((s, e) => s + e.count, 0)
  const lines = tagged.map((e) => `• ${e.text}${e.count > 1 ? ` (×${e.count})` : ''}`)
  const head = `From the survey “${survey.title}”: ${count} anonymous ${count === 1 ? 'answer' : 'answers'} tagged “${theme.name}”.\n\n`
  return {
    authorUid,
    title: clip(theme.name, 160),
    body: clip(head + lines.join('\n'), 4000),
    status: 'open',
    surveyId: survey.id,
    createdAt: now,
  }
}

/** Idea fields from one free-text answer. */
export function ideaFromAnswer(
  entry: TextEntry,
  survey: Pick<Survey, 'id' | 'title'>,
  authorUid: string,
  now: number,
): Omit<Idea, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'> {
  const firstLine = entry.text.split(/\n/)[0] ?? entry.text
  return {
    authorUid,
    title: clip(firstLine, 120),
    body: clip(`${entry.text}\n\nAn anonymous answer to the survey “${survey.title}”.`, 4000),
    status: 'open',
    surveyId: survey.id,
    createdAt: now,
  }
}

function clip(s: string, max: number): string {
  const t = s.trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

/** The sentence shown in place of withheld results. */
export function withheldText(responses: number, waiting = 0): string {
  const total = responses + waiting
  if (total < MIN_RESPONSES)
    return `Results appear when at least ${MIN_RESPONSES} people have answered — ${total} so far. Smaller numbers could identify people.`
  return `${total} people have answered. Results appear once the first group of five is counted: while the survey is open, five answers always wait, so no change in the results can be traced to one person.`
}

/**
 * Why some answers are not in the figures yet: answers are counted in groups of five, mixed at
 * random, so results never change by one person (functions/src/surveys/pool.ts).
 */
export function waitingText(waiting: number): string {
  if (waiting <= 0) return ''
  return `${waiting} ${waiting === 1 ? 'answer is' : 'answers are'} waiting to be counted: answers are counted in groups of five, so no change in the results can be traced to one person. When the survey closes, every complete group is counted.`
}

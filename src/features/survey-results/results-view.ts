/**
 * Turning aggregate results into what the results screen shows: bar rows with percentages, the
 * response rate, breakdown tables, and the idea a lead makes from a theme or an answer. Pure; the
 * words come from the `surveyResults` (and `labels`) messages through the `t` given.
 */
import { labelsFor } from '@/composables/use-labels'
import { ROLE_FAMILIES, type Idea, type Question, type Survey } from '@/domain/entities'
import { questionIn, type SurveyLanguage } from '@/domain/rules/survey-language'
import { MIN_RESPONSES } from '@/survey-engine/rules'
import type { BreakdownCell, QuestionResult, SurveyTheme, TextEntry } from '@/survey-engine/types'

export interface BarRow {
  label: string
  count: number
  /** Whole per cent of those who answered the question. */
  percent: number
}

/** vue-i18n's `t` (named parameters, optional plural count). */
export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 100) : 0)

/**
 * The bars of a question's result (none for text questions or withheld results). Counts are per
 * option's stable value, whatever language people answered in; labels are in `lang` where the
 * question has them.
 */
export function barRows(result: QuestionResult, question: Partial<Question> | undefined, lang: SurveyLanguage, t: Translate): BarRow[] {
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
        label: t('surveyResults.rank', { option: labelOf.get(m.option) ?? m.option, rank: m.meanRank || '–' }),
        count: m.count,
        percent: m.meanRank ? Math.round(((n - m.meanRank + 1) / n) * 100) : 0,
      }))
  }
  return []
}

/** "12 of 40 responded (30%)" — or without a rate when the audience is unknown. */
export function responseRateText(responses: number, audience: number, t: Translate): string {
  return audience > 0
    ? t('surveyResults.summary.rate', { responses, audience, percent: pct(responses, audience) })
    : t('surveyResults.summary.responded', { n: responses })
}

/** The name of a breakdown cell: a faculty's name, a role family's label, or "Not stated". */
export function cellName(
  key: string,
  by: 'faculty' | 'roleFamily',
  faculties: readonly { id: string; name: string }[],
  t: Translate,
): string {
  if (key === 'unspecified') return t('surveyResults.breakdown.notStated')
  if (by === 'faculty') return faculties.find((f) => f.id === key)?.name ?? key
  return ROLE_FAMILY_CODES.has(key) ? labelsFor(t).roleFamily(key as RoleFamily) : key
}
type RoleFamily = (typeof ROLE_FAMILIES)[number]
const ROLE_FAMILY_CODES: ReadonlySet<string> = new Set<string>(ROLE_FAMILIES)

export interface BreakdownRow {
  name: string
  /** null: withheld (fewer than 5, or hidden so a smaller group cannot be worked out). */
  responses: number | null
  /** The question's figures in this group: counts per column, or null when withheld. */
  values: (number | null)[]
}

/**
 * A table of one question across breakdown cells: columns are its options or points, labelled in
 * `lang` (the reader's language) where the question has them.
 */
export function breakdownTable(
  cells: readonly BreakdownCell[],
  questionId: string,
  by: 'faculty' | 'roleFamily',
  faculties: readonly { id: string; name: string }[],
  question: Partial<Question> | undefined,
  lang: SurveyLanguage,
  t: Translate,
): { columns: string[]; rows: BreakdownRow[] } {
  let columns: string[] = []
  const rows = cells.map((c): BreakdownRow => {
    const r = c.questions.find((q) => q.questionId === questionId)
    const bars = r ? barRows(r, question, lang, t) : []
    if (bars.length > columns.length) columns = bars.map((b) => b.label)
    return {
      name: cellName(c.key, by, faculties, t),
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
  t: Translate,
): Omit<Idea, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'> {
  const tagged = entries.filter((e) => theme.keys.includes(e.key))
  const count = tagged.reduce((s, e) => s + e.count, 0)
  const lines = tagged.map((e) => `• ${e.text}${e.count > 1 ? ` ${t('surveyResults.texts.times', { n: e.count })}` : ''}`)
  const head = `${t('surveyResults.idea.fromTheme', { title: survey.title, n: count, theme: theme.name }, count)}\n\n`
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
  t: Translate,
): Omit<Idea, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'> {
  const firstLine = entry.text.split(/\n/)[0] ?? entry.text
  return {
    authorUid,
    title: clip(firstLine, 120),
    body: clip(`${entry.text}\n\n${t('surveyResults.idea.fromAnswer', { title: survey.title })}`, 4000),
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
export function withheldText(responses: number, waiting: number, t: Translate): string {
  const total = responses + waiting
  if (total < MIN_RESPONSES) return t('surveyResults.withheld.few', { min: MIN_RESPONSES, n: total })
  return t('surveyResults.withheld.pending', { n: total })
}

/**
 * Why some answers are not in the figures yet: answers are counted in groups of five, mixed at
 * random, so results never change by one person (functions/src/surveys/pool.ts).
 */
export function waitingText(waiting: number, t: Translate): string {
  if (waiting <= 0) return ''
  return t('surveyResults.summary.waiting', { n: waiting }, waiting)
}

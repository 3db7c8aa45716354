/**
 * Success measures of action-plan actions: progress towards a numeric target, and a best-effort
 * reader for the way plans write measures ("apprenticeships from 9 to 14 by 2023",
 * "increase membership from 148 members by 20% over 3 years", ">50% participation").
 */
import type { SuccessMeasure } from '../entities'
import { addDays, addMonths, dayNumber, endOfMonth, isoDateOf, type Clock } from './dates'

export type MeasureStatus = 'achieved' | 'on-track' | 'at-risk' | 'no-data'

export interface MeasureProgress {
  status: MeasureStatus
  /** Share of the way from baseline to target, 0–100, for the bar; null without data. */
  percent: number | null
  /** Where a straight line from the start to the deadline says it should be today, 0–100. */
  expectedPercent: number | null
}

/** How many percentage points behind the straight line a measure may be before it is at risk. */
export const AT_RISK_TOLERANCE = 10

/**
 * Progress of a numeric measure on `now`. Without a target or a current value there is no data.
 * The baseline defaults to 0 (">50% participation" has none); a falling target ("reduce from 20 to
 * 10") works the same way. Expected progress is linear from `start` (usually the plan's start) to
 * the deadline; a measure more than {@link AT_RISK_TOLERANCE} points behind it, or past its deadline
 * and not achieved, is at risk. Without a start or deadline only a missed deadline can put it at risk.
 */
export function measureProgress(
  measure: Pick<SuccessMeasure, 'baseline' | 'target' | 'current' | 'deadline'>,
  options: { now: Clock; start?: string; tolerance?: number },
): MeasureProgress {
  const { target, current, deadline } = measure
  if (target === undefined || current === undefined) return { status: 'no-data', percent: null, expectedPercent: null }
  const baseline = measure.baseline ?? 0
  const raw = target === baseline ? (current >= target ? 100 : 0) : ((current - baseline) / (target - baseline)) * 100
  const percent = clamp(raw, 0, 100)
  const today = dayNumber(isoDateOf(options.now))
  const expectedPercent = expected(today, options.start, deadline)
  if (raw >= 100) return { status: 'achieved', percent, expectedPercent }
  const missed = deadline !== undefined && today > dayNumber(deadline)
  const behind = expectedPercent !== null && raw < expectedPercent - (options.tolerance ?? AT_RISK_TOLERANCE)
  return { status: missed || behind ? 'at-risk' : 'on-track', percent, expectedPercent }
}

function expected(today: number, start: string | undefined, deadline: string | undefined): number | null {
  if (deadline === undefined) return null
  const end = dayNumber(deadline)
  if (today >= end) return 100
  if (start === undefined) return null
  const begin = dayNumber(start)
  if (end <= begin) return 100
  return clamp(((today - begin) / (end - begin)) * 100, 0, 100)
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

/** What {@link parseMeasure} could read from a measure's text. */
export interface ParsedMeasure {
  baseline?: number
  target?: number
  unit?: string
  deadline?: string
}

const NUM = String.raw`(\d+(?:\.\d+)?)`
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 }
/** Words that describe the change rather than what is counted. */
const NOT_UNIT = new Set(
  (
    'increase increased increasing increases grow growth raise reduce reduced reduction decrease fewer more new additional ' +
    'total number numbers of the a an in to from by at least over per currently current approx approximately around about ' +
    'with for and or our all each every is are be will up than'
  ).split(' '),
)
const MAX_UNIT = 20

/**
 * Reads baseline, target, unit and deadline from a measure's wording, best effort: whatever it
 * cannot read is left out. "by 2024" means the end of 2024; "over 3 years" needs `from` (the
 * plan's start) to become a date. Percentage increases ("from 148 +20%") become a target (178).
 */
export function parseMeasure(text: string, options: { from?: string } = {}): ParsedMeasure {
  let s = ` ${text
    .normalize('NFKC')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/\s*(?:→|->|=>|⇒|⟶|➔)\s*/g, ' → ')
    .replace(/\s+/g, ' ')} `
  const result: ParsedMeasure = {}

  const dated = readDeadline(s, options.from)
  if (dated) {
    if (dated.deadline) result.deadline = dated.deadline
    s = s.replace(dated.matched, ' ')
  }

  const re = (source: string) => new RegExp(source, 'i')
  const fromTo = re(String.raw`\bfrom\s+${NUM}\s*(%?)((?:\s+[a-z]+){0,2}?)\s*(?:→|\bto\b)\s*(?:[>≥]\s*)?${NUM}\s*(%?)`).exec(s)
  const arrow = re(String.raw`${NUM}\s*(%?)((?:\s+[a-z]+){0,2}?)\s*→\s*(?:[>≥]\s*)?${NUM}\s*(%?)`).exec(s)
  const fromPercent = re(String.raw`\bfrom\s+${NUM}((?:\s+[a-z]+){0,2}?)\s*(?:\bby\s+|\+\s*)${NUM}\s*%`).exec(s)
  const currently = re(String.raw`\bcurrently\s+${NUM}`).exec(s)
  const comparator = re(String.raw`(?:[>≥]|\bat least\b|\bmore than\b)\s*=?\s*${NUM}\s*(%?)`).exec(s)
  const perPeriod = re(String.raw`${NUM}((?:\s+[a-z]+){1,4}?)\s+(?:per|a|each|every)\s+(year|annum|month|term|quarter|week)\b`).exec(s)
  const percent = re(String.raw`${NUM}\s*%`).exec(s)

  const range = fromTo ?? arrow
  if (range) {
    result.baseline = Number(range[1])
    result.target = Number(range[4])
    result.unit = range[2] || range[5] ? '%' : (unitAfter(range[3]) ?? unitBefore(s, range.index))
  } else if (fromPercent) {
    const baseline = Number(fromPercent[1])
    const change = Number(fromPercent[3]) / 100
    const falling = /\b(reduc|decreas|cut|lower|fewer)/i.test(s)
    result.baseline = baseline
    result.target = roundLike(baseline * (falling ? 1 - change : 1 + change), baseline)
    result.unit = unitAfter(fromPercent[2]) ?? unitBefore(s, fromPercent.index)
  } else if (currently) {
    result.baseline = Number(currently[1])
    const to = re(String.raw`\bto\s+(?:[>≥]\s*)?${NUM}`).exec(s.slice(currently.index))
    if (to) result.target = Number(to[1])
    result.unit = unitBefore(s, currently.index)
  } else if (comparator) {
    result.target = Number(comparator[1])
    result.unit = comparator[2] ? '%' : unitAfter(s.slice(comparator.index + comparator[0].length))
  } else if (perPeriod) {
    result.target = Number(perPeriod[1])
    const noun = unitAfter(perPeriod[2])
    const period = (perPeriod[3] ?? 'year').toLowerCase()
    if (noun) result.unit = fit(`${noun}/${period === 'annum' ? 'year' : period}`)
  } else if (percent) {
    result.target = Number(percent[1])
    result.unit = '%'
  } else {
    // The first number that is not a year: "4 case studies", not "in 2022".
    const first = re(String.raw`(?<![\d.])(?!(?:19|20)\d{2}\b)${NUM}((?:\s+[a-z]+){0,3})`).exec(s)
    if (first) {
      result.target = Number(first[1])
      result.unit = unitAfter(first[2])
    }
  }
  if (result.unit === undefined) delete result.unit
  return result
}

function readDeadline(s: string, from: string | undefined): { deadline?: string; matched: string } | null {
  const iso = /\b(?:by|before|until)\s+(\d{4}-\d{2}-\d{2})\b/i.exec(s)
  if (iso?.[1]) return { deadline: iso[1], matched: iso[0] }
  const dated = new RegExp(
    String.raw`\b(?:by|before|until)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(${MONTHS.join('|')})[a-z]*\.?\s+)?((?:19|20)\d{2})(?:\s*/\s*(\d{2}))?\b`,
    'i',
  ).exec(s)
  if (dated) {
    const year = Number(dated[2])
    const monthName = dated[1]?.toLowerCase()
    // An academic year "2023/24" ends in July of its second year.
    if (dated[3] !== undefined && !monthName) return { deadline: endOfMonth(year + 1, 7), matched: dated[0] }
    const month = monthName ? MONTHS.indexOf(monthName) + 1 : 12
    return { deadline: endOfMonth(year, month), matched: dated[0] }
  }
  const relative = /\b(?:over|within|in)\s+(?:the\s+)?(?:next\s+)?(\d+|one|two|three|four|five|six)[\s-]*years?(?:\s+period)?\b/i.exec(s)
  if (!relative?.[1]) return null
  const count = relative[1].toLowerCase()
  const years = NUMBER_WORDS[count] ?? Number(count)
  return { deadline: from ? addDays(addMonths(from, years * 12), -1) : undefined, matched: relative[0] }
}

/** The counted noun in the words after a number ("148 members" → members), if any. */
function unitAfter(words: string | undefined): string | undefined {
  const kept = (words ?? '')
    .trim()
    .split(' ')
    .filter((w) => w && !NOT_UNIT.has(w.toLowerCase()))
  const run: string[] = []
  for (const w of kept.slice(0, 3)) {
    if (!/^[a-z][a-z-]*$/i.test(w)) break
    run.push(w)
  }
  return run.length > 0 ? fit(run.join(' ')) : undefined
}

/** The counted noun just before position `at` ("apprenticeships from 9 to 14" → apprenticeships). */
function unitBefore(s: string, at: number): string | undefined {
  const before = s
    .slice(0, at)
    .replace(/[^a-z\s-]/gi, ' ')
    .trim()
    .split(/\s+/)
  const run: string[] = []
  for (let k = before.length - 1; k >= 0 && run.length < 2; k--) {
    const w = before[k] ?? ''
    if (!w || NOT_UNIT.has(w.toLowerCase())) {
      if (run.length > 0) break
      continue
    }
    run.unshift(w)
  }
  return run.length > 0 ? fit(run.join(' ')) : undefined
}

/** Drops leading words until the unit fits the schema's 20 characters. */
function fit(unit: string): string {
  const words = unit.split(' ')
  while (words.join(' ').length > MAX_UNIT && words.length > 1) words.shift()
  return words.join(' ').slice(0, MAX_UNIT)
}

/** Rounds a derived target to whole numbers when the baseline is whole, else to 2 decimals. */
function roundLike(value: number, baseline: number): number {
  return Number.isInteger(baseline) ? Math.round(value) : Math.round(value * 100) / 100
}

/**
 * Success measures over time: the check-ins a lead records (value, date, who, note), read as a
 * series for a small trend, and as "evidence of impact" for the dashboard and the self-assessment.
 */
import type { MeasureCheckIn, PlanAction, SuccessMeasure } from '../entities'
import { newId } from '../ids'
import { byCodeUnits } from './order'

/** A measure's check-ins, oldest first (same date: in the order they were recorded). */
export function checkInSeries(measure: Pick<SuccessMeasure, 'checkIns'>): MeasureCheckIn[] {
  return (measure.checkIns ?? [])
    .map((c, i) => [c, i] as const)
    .sort(([a, i], [b, j]) => byCodeUnits(a.date, b.date) || i - j)
    .map(([c]) => c)
}

export type TrendDirection = 'up' | 'down' | 'flat'

export interface MeasureTrend {
  /** Oldest first. */
  points: MeasureCheckIn[]
  first: MeasureCheckIn
  latest: MeasureCheckIn
  /** latest − first. */
  change: number
  direction: TrendDirection
  /** Whether the change moves towards the target (null: no target, or no change). */
  towardsTarget: boolean | null
}

/** The trend of a measure's check-ins; null without any. */
export function measureTrend(measure: Pick<SuccessMeasure, 'checkIns' | 'baseline' | 'target'>): MeasureTrend | null {
  const points = checkInSeries(measure)
  const first = points[0]
  const latest = points.at(-1)
  if (!first || !latest) return null
  const change = latest.value - first.value
  const direction: TrendDirection = change > 0 ? 'up' : change < 0 ? 'down' : 'flat'
  const from = measure.baseline ?? first.value
  const towardsTarget =
    measure.target === undefined || change === 0 || measure.target === from ? null : Math.sign(change) === Math.sign(measure.target - from)
  return { points, first, latest, change, direction, towardsTarget }
}

/** One measure's record over time, for "evidence of impact". */
export interface ImpactEvidence {
  actionId: string
  actionCode: string
  measureId: string
  /** The measure's wording (English; the Welsh in `textCy` when it has one). */
  text: string
  textCy?: string
  unit?: string
  baseline?: number
  target?: number
  trend: MeasureTrend
}

/**
 * Every measure with at least one check-in across `actions`, in the order given (callers sort the
 * actions by code). Who checked in stays in the points (`byUid`): a public or printed reader
 * shows values, dates and notes, not people.
 */
export function impactEvidence(actions: readonly Pick<PlanAction, 'id' | 'code' | 'measures'>[]): ImpactEvidence[] {
  const out: ImpactEvidence[] = []
  for (const a of actions)
    for (const m of a.measures) {
      const trend = measureTrend(m)
      if (!trend) continue
      out.push({
        actionId: a.id,
        actionCode: a.code,
        measureId: m.id,
        text: m.text,
        ...(m.textCy ? { textCy: m.textCy } : {}),
        ...(m.unit ? { unit: m.unit } : {}),
        ...(m.baseline !== undefined ? { baseline: m.baseline } : {}),
        ...(m.target !== undefined ? { target: m.target } : {}),
        trend,
      })
    }
  return out
}

/**
 * The action's measures with one more check-in on `measureId`. A measure kept by hand (no feed)
 * takes the check-in's value as its current value when it is the latest reading.
 */
export function withCheckIn(
  measures: readonly SuccessMeasure[],
  measureId: string,
  reading: { value: number; date: string; byUid: string; note?: string },
  id: string = newId(),
): SuccessMeasure[] {
  return measures.map((m) => {
    if (m.id !== measureId) return m
    const checkIn: MeasureCheckIn = { id, value: reading.value, date: reading.date, byUid: reading.byUid }
    if (reading.note?.trim()) checkIn.note = reading.note.trim()
    const next: SuccessMeasure = { ...m, checkIns: [...(m.checkIns ?? []), checkIn] }
    const manual = !m.source || m.source === 'manual'
    if (manual && checkInSeries(next).at(-1)?.id === id) next.current = reading.value
    return next
  })
}

/** SVG polyline points for a sparkline of `values` in a `width` × `height` box (a padding of 2). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return ''
  const pad = 2
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const span = hi - lo
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0
  const y = (x: number) => (span === 0 ? height / 2 : pad + (1 - (x - lo) / span) * (height - 2 * pad))
  const round = (x: number) => Math.round(x * 10) / 10
  const xs = values.length > 1 ? values.map((_, i) => pad + i * step) : [width / 2]
  return values.map((x, i) => `${round(xs[i]!)},${round(y(x))}`).join(' ')
}

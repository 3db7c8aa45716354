/**
 * The document's breakdowns as PNG bar charts, drawn by hand on a canvas in the browser
 * (OffscreenCanvas where there is one, else a detached <canvas>) for the DOCX. Each chart keeps
 * its figures in a table beside it and its text alternative in the model (`Chart.alt`).
 */
import type { Chart } from './assessment-model'

/** The drawing's size in pixels (drawn at twice that for sharpness): one row per bar. */
export const CHART_WIDTH = 640
export const ROW_HEIGHT = 28
const PAD = 12
const SCALE = 2

export interface BarBox {
  label: string
  value: number
  /** Top of the row, and the bar's length (px at scale 1). */
  y: number
  length: number
}

export interface ChartLayout {
  width: number
  height: number
  /** Where bars start (after the labels) and the longest a bar may be (leaving room for its value). */
  barX: number
  barMax: number
  bars: BarBox[]
}

/** Where each bar goes: labels take the left 40 %, bars scale to the largest value. */
export function chartLayout(chart: Pick<Chart, 'bars'>, width = CHART_WIDTH): ChartLayout {
  const barX = Math.round(width * 0.4)
  const barMax = width - barX - PAD - 56
  const max = Math.max(0, ...chart.bars.map((b) => b.value))
  return {
    width,
    height: PAD * 2 + chart.bars.length * ROW_HEIGHT,
    barX,
    barMax,
    bars: chart.bars.map((b, i) => ({
      label: b.label,
      value: b.value,
      y: PAD + i * ROW_HEIGHT,
      length: max > 0 ? Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * barMax)) : 0,
    })),
  }
}

/** The 2D context calls the drawing uses (a test passes a recorder). */
export type Ctx2d = Pick<CanvasRenderingContext2D, 'fillRect' | 'fillText' | 'measureText' | 'scale'> & {
  fillStyle: string | CanvasGradient | CanvasPattern
  font: string
  textBaseline: CanvasTextBaseline
  textAlign: CanvasTextAlign
}

/** Draws `layout` on `ctx` (white background, dark labels, one colour of bars, each value after its bar). */
export function drawChart(ctx: Ctx2d, layout: ChartLayout, format: (n: number) => string = String): void {
  ctx.scale(SCALE, SCALE)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, layout.width, layout.height)
  ctx.font = '14px Arial, sans-serif'
  ctx.textBaseline = 'middle'
  for (const bar of layout.bars) {
    const middle = bar.y + ROW_HEIGHT / 2
    ctx.fillStyle = '#1b1b1b'
    ctx.textAlign = 'right'
    ctx.fillText(fit(ctx, bar.label, layout.barX - PAD * 2), layout.barX - PAD, middle)
    ctx.fillStyle = '#0b5394'
    ctx.fillRect(layout.barX, bar.y + 5, bar.length, ROW_HEIGHT - 10)
    ctx.fillStyle = '#1b1b1b'
    ctx.textAlign = 'left'
    ctx.fillText(format(bar.value), layout.barX + bar.length + 6, middle)
  }
}

/** A label cut with "…" to fit `width`. */
function fit(ctx: Pick<Ctx2d, 'measureText'>, label: string, width: number): string {
  if (ctx.measureText(label).width <= width) return label
  let cut = label
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

/** The chart as PNG bytes, or null where the browser gives no canvas (the DOCX then has the table alone). */
export async function chartPng(chart: Chart, format?: (n: number) => string): Promise<Uint8Array | null> {
  const layout = chartLayout(chart)
  const [w, h] = [layout.width * SCALE, layout.height * SCALE]
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(w, h)
    const ctx = canvas.getContext('2d')
    if (!ctx) return null
    drawChart(ctx, layout, format)
    return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer())
  }
  if (typeof document === 'undefined') return null
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  drawChart(ctx, layout, format)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null
}

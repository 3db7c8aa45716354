import { describe, expect, it } from 'vitest'
import { chartLayout, drawChart, ROW_HEIGHT, type Ctx2d } from './chart-png'

const chart = {
  bars: [
    { label: 'Faculty of Science', value: 12 },
    { label: 'Faculty of Engineering and Physical Sciences and Everything Else', value: 6 },
    { label: 'None', value: 0 },
  ],
}

describe('chartLayout', () => {
  it('gives one row per bar, the largest bar the full length and the others in proportion', () => {
    const layout = chartLayout(chart, 640)
    expect(layout.height).toBe(24 + 3 * ROW_HEIGHT)
    expect(layout.bars.map((b) => b.length)).toEqual([layout.barMax, Math.round(layout.barMax / 2), 0])
    expect(layout.bars.map((b) => b.y)).toEqual([12, 12 + ROW_HEIGHT, 12 + 2 * ROW_HEIGHT])
  })
})

describe('drawChart', () => {
  it('writes every label (cut to fit) and value and draws every bar', () => {
    const calls: string[] = []
    const ctx: Ctx2d = {
      fillStyle: '',
      font: '',
      textBaseline: 'alphabetic',
      textAlign: 'left',
      scale: () => undefined,
      // 7 px a character: long labels must be cut.
      measureText: (s: string) => ({ width: s.length * 7 }) as TextMetrics,
      fillRect: (x, y, w) => void calls.push(`rect ${x},${y},${w}`),
      fillText: (s) => void calls.push(`text ${s}`),
    }
    const layout = chartLayout(chart, 640)
    drawChart(ctx, layout, (n) => `${n}`)
    const texts = calls.filter((c) => c.startsWith('text ')).map((c) => c.slice(5))
    expect(texts).toEqual(['Faculty of Science', '12', expect.stringMatching(/^Faculty of Engineering.*…$/), '6', 'None', '0'])
    expect(texts[2]!.length * 7).toBeLessThanOrEqual(layout.barX - 24 + 7)
    // The background, then a bar per row.
    expect(calls.filter((c) => c.startsWith('rect ')).length).toBe(1 + 3)
  })
})

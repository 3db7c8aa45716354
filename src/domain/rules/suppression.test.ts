import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MIN_GROUP, suppress, suppressCounts, suppressMatrix, suppressTable, type SuppressedMatrix } from './suppression'

describe('suppress', () => {
  it('withholds counts under 5, zero included', () => {
    expect(MIN_GROUP).toBe(5)
    expect(suppress(0)).toBeNull()
    expect(suppress(4)).toBeNull()
    expect(suppress(5)).toBe(5)
    expect(suppress(669)).toBe(669)
  })
  it('takes another threshold', () => {
    expect(suppress(9, 10)).toBeNull()
    expect(suppress(10, 10)).toBe(10)
  })
})

describe('suppressCounts', () => {
  it('withholds a second figure when only one is small, so the total cannot give it away', () => {
    const r = suppressCounts({ 'Science and Engineering': 120, Medicine: 80, Arts: 3 })
    expect(r.counts.Arts).toBeNull()
    expect(r.counts.Medicine).toBeNull() // the smallest other figure
    expect(r.counts['Science and Engineering']).toBe(120)
    expect(r.total).toBe(203)
  })
  it('needs no complement when two figures are already withheld', () => {
    const r = suppressCounts({ a: 2, b: 3, c: 40 })
    expect(r.counts).toEqual({ a: null, b: null, c: 40 })
    expect(r.total).toBe(45)
  })
  it('withholds zeros that the total would otherwise reveal', () => {
    const r = suppressCounts({ yes: 0, 'prefer-not': 0, no: 60 })
    expect(r.counts.no === null || r.total === null).toBe(true)
  })
  it('shows everything when every group is large', () => {
    expect(suppressCounts({ a: 5, b: 6 })).toEqual({ counts: { a: 5, b: 6 }, total: 11 })
  })
  it('withholds the total of a tiny population', () => {
    expect(suppressCounts({ a: 1, b: 2 })).toEqual({ counts: { a: null, b: null }, total: null })
  })
})

describe('suppressTable', () => {
  it('labels rows and columns and fills missing keys with 0', () => {
    const t = suppressTable([
      { label: 'Faculty A', counts: { permanent: 50, 'fixed-term': 20 } },
      { label: 'Faculty B', counts: { permanent: 40 } },
    ])
    expect(t.columns).toEqual(['permanent', 'fixed-term'])
    expect(t.rows[1]?.counts['fixed-term']).toBeNull()
    expect(t.rows[0]?.counts.permanent).not.toBeUndefined()
    expect(t.withheld).toBeGreaterThanOrEqual(4) // the zero, its row and column complements, and the cycle's corner
    expect(t.total).toBe(110)
  })
  it('keeps a fixed column order', () => {
    const t = suppressTable([{ label: 'x', counts: { b: 10, a: 10 } }], { columns: ['a', 'b'] })
    expect(t.columns).toEqual(['a', 'b'])
    expect(t.rows[0]?.counts).toEqual({ a: 10, b: 10 })
  })
  it('handles an empty table', () => {
    expect(suppressTable([])).toEqual({ columns: [], rows: [], columnTotals: {}, total: null, withheld: 1 })
  })
})

describe('suppressMatrix', () => {
  it('protects a small cell that only a chain of rows and columns would reveal', () => {
    const counts = [
      [3, 50, 60, 70],
      [40, 2, 60, 70],
      [40, 50, 60, 70],
    ]
    expectSafe(counts, suppressMatrix(counts))
  })

  it('never lets a figure under 5 be derived from what is shown (property)', () => {
    const matrix = fc
      .integer({ min: 1, max: 6 })
      .chain((cols) =>
        fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 80 })), { minLength: cols, maxLength: cols }),
          { minLength: 1, maxLength: 6 },
        ),
      )
    fc.assert(
      fc.property(matrix, (counts) => {
        expectSafe(counts, suppressMatrix(counts))
      }),
      { numRuns: 400 },
    )
  })
})

/** Every small figure is withheld, shown figures are true, and no withheld small figure is derivable. */
function expectSafe(counts: number[][], m: SuppressedMatrix): void {
  const grid = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)])
  grid.push(Array.from({ length: (counts[0]?.length ?? 0) + 1 }, (_, j) => grid.reduce((a, row) => a + (row[j] ?? 0), 0)))
  const shown = [...m.cells.map((row, i) => [...row, m.rowTotals[i] ?? null]), [...m.columnTotals, m.total]]
  shown.forEach((row, i) =>
    row.forEach((value, j) => {
      const truth = grid[i]?.[j] ?? 0
      if (value === null) return
      expect(value).toBe(truth)
      expect(value).toBeGreaterThanOrEqual(MIN_GROUP)
    }),
  )
  for (const [i, j] of derivable(shown)) expect(grid[i]?.[j] ?? 0).toBeGreaterThanOrEqual(MIN_GROUP)
  // A line whose withheld cells add up to 0 would reveal each of them as 0.
  const lineSums = [
    ...shown.map((row, i) => ({
      total: row[row.length - 1],
      withheld: row.slice(0, -1).map((v, j) => (v === null ? (grid[i]?.[j] ?? 0) : null)),
    })),
    ...(shown[0] ?? []).map((_, j) => ({
      total: shown[shown.length - 1]?.[j],
      withheld: shown.slice(0, -1).map((row, i) => (row[j] === null ? (grid[i]?.[j] ?? 0) : null)),
    })),
  ]
  for (const { total, withheld } of lineSums) {
    const values = withheld.filter((v): v is number => v !== null)
    if (total !== null && values.length > 0) expect(values.reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
  }
}

/**
 * The attacker: each row and column says "cells − total = 0". A withheld figure is derivable when
 * its unit vector lies in the row space of those equations restricted to the withheld figures.
 */
function derivable(shown: (number | null)[][]): [number, number][] {
  const unknowns: [number, number][] = []
  shown.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null) unknowns.push([i, j])
    }),
  )
  const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]))
  const rows = shown.length
  const cols = shown[0]?.length ?? 0
  const equations: number[][] = []
  const equation = (cells: [number, number][]) => {
    const e = new Array<number>(unknowns.length).fill(0)
    cells.forEach(([i, j], n) => {
      const k = index.get(`${i},${j}`)
      if (k !== undefined) e[k] = n === cells.length - 1 ? -1 : 1
    })
    equations.push(e)
  }
  for (let i = 0; i < rows; i++) equation(Array.from({ length: cols }, (_, j) => [i, j]))
  for (let j = 0; j < cols; j++) equation(Array.from({ length: rows }, (_, i) => [i, j]))
  const base = rank(equations)
  return unknowns.filter((_, k) => {
    const unit = new Array<number>(unknowns.length).fill(0)
    unit[k] = 1
    return rank([...equations, unit]) === base
  })
}

function rank(matrix: number[][]): number {
  const m = matrix.map((r) => [...r])
  let r = 0
  const width = m[0]?.length ?? 0
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, k) => k >= r && Math.abs(row[c] ?? 0) > 1e-9)
    if (pivot === -1) continue
    ;[m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]]
    const p = m[r] as number[]
    for (let k = 0; k < m.length; k++) {
      const row = m[k] as number[]
      if (k === r || Math.abs(row[c] ?? 0) < 1e-9) continue
      const f = (row[c] ?? 0) / (p[c] ?? 1)
      for (let x = c; x < width; x++) row[x] = (row[x] ?? 0) - f * (p[x] ?? 0)
    }
    r++
  }
  return r
}

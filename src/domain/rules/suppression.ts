/**
 * Small-number suppression for everything shown in aggregate (equality data, survey breakdowns,
 * CPD participation, registrations by level): a group smaller than {@link MIN_GROUP} is withheld,
 * and in a table further figures are withheld so a small one cannot be worked back out of the
 * totals printed beside it.
 */

/** The smallest group size that may be shown. */
export const MIN_GROUP = 5

/** `count` when it is at least `min`, otherwise `null` (withheld). Zero is withheld too: "none" is a disclosure. */
export function suppress(count: number, min = MIN_GROUP): number | null {
  return count >= min ? count : null
}

/** One row of a breakdown, e.g. a faculty with its counts per contract type. */
export interface BreakdownRow {
  label: string
  counts: Readonly<Record<string, number>>
}

export interface SuppressedRow {
  label: string
  counts: Record<string, number | null>
  total: number | null
}

export interface SuppressedTable {
  columns: string[]
  rows: SuppressedRow[]
  columnTotals: Record<string, number | null>
  total: number | null
  /** How many figures (cells and totals) are withheld. */
  withheld: number
}

/** A count matrix with its margins, each figure a number or `null` when withheld. */
export interface SuppressedMatrix {
  cells: (number | null)[][]
  rowTotals: (number | null)[]
  columnTotals: (number | null)[]
  total: number | null
}

/**
 * Suppresses a breakdown table shown with row totals, column totals and a grand total.
 * Columns are the union of the rows' keys (a missing key counts 0) unless `columns` fixes them.
 * See {@link suppressMatrix} for the rules.
 */
export function suppressTable(rows: readonly BreakdownRow[], options: { columns?: readonly string[]; min?: number } = {}): SuppressedTable {
  const columns = options.columns ? [...options.columns] : [...new Set(rows.flatMap((r) => Object.keys(r.counts)))]
  const matrix = suppressMatrix(
    rows.map((r) => columns.map((c) => r.counts[c] ?? 0)),
    options.min,
  )
  const record = (values: (number | null)[]) => Object.fromEntries(columns.map((c, j) => [c, values[j] ?? null]))
  const table = {
    columns,
    rows: rows.map((r, i) => ({ label: r.label, counts: record(matrix.cells[i] ?? []), total: matrix.rowTotals[i] ?? null })),
    columnTotals: record(matrix.columnTotals),
    total: matrix.total,
  }
  const figures = [...matrix.cells.flat(), ...matrix.rowTotals, ...matrix.columnTotals, matrix.total]
  return { ...table, withheld: figures.filter((f) => f === null).length }
}

/**
 * Suppresses a one-way breakdown shown with its total (members by faculty, registrations by level):
 * the same rules as a one-column table.
 */
export function suppressCounts(
  counts: Readonly<Record<string, number>>,
  min = MIN_GROUP,
): { counts: Record<string, number | null>; total: number | null } {
  const keys = Object.keys(counts)
  const m = suppressMatrix(
    keys.map((k) => [counts[k] ?? 0]),
    min,
  )
  return { counts: Object.fromEntries(keys.map((k, i) => [k, m.cells[i]?.[0] ?? null])), total: m.columnTotals[0] ?? null }
}

/**
 * Suppresses a count matrix shown with its margins.
 *
 * - Primary: every cell or total under `min` is withheld.
 * - Complementary: a line (row or column with its total) never has exactly one withheld figure,
 *   else it is the total minus the rest; the smallest other figure in the line is withheld too.
 * - Zeros: a line whose withheld cells would add up to 0 (so each is 0) gets another withheld.
 * - Chains: a withheld figure can still be pinned down by combining rows and columns (it is then
 *   a "bridge" between rows and columns in the graph of withheld figures); a small one is
 *   protected by withholding one more figure that closes a cycle through it.
 *
 * Together these guarantee no figure under `min` can be derived by any linear combination of what
 * is shown. They do not defend against bounds reasoning beyond zeros (e.g. knowing withheld cells
 * are each < 5), which the dashboards accept.
 */
export function suppressMatrix(counts: readonly (readonly number[])[], min = MIN_GROUP): SuppressedMatrix {
  const grid = withMargins(counts)
  const hidden = grid.map((row) => row.map((value) => value < min))
  while (complementOnce(grid, hidden) || protectBridgeOnce(grid, hidden, min)) {
    // Each pass withholds one more figure; stops when every line and cycle is safe.
  }
  const show = (i: number, j: number) => (hidden[i]?.[j] ? null : (grid[i]?.[j] ?? null))
  const rowCount = counts.length
  const colCount = counts[0]?.length ?? 0
  const range = (n: number) => Array.from({ length: n }, (_, k) => k)
  return {
    cells: range(rowCount).map((i) => range(colCount).map((j) => show(i, j))),
    rowTotals: range(rowCount).map((i) => show(i, colCount)),
    columnTotals: range(colCount).map((j) => show(rowCount, j)),
    total: show(rowCount, colCount),
  }
}

type Cell = readonly [number, number]

/** The matrix with a row-total column and a column-total row appended; the corner is the grand total. */
function withMargins(counts: readonly (readonly number[])[]): number[][] {
  const colCount = counts[0]?.length ?? 0
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)])
  const totals = Array.from({ length: colCount + 1 }, (_, j) => rows.reduce((a, row) => a + (row[j] ?? 0), 0))
  return [...rows, totals]
}

/** Every line of the margin grid: its cells, then its total last. */
function lines(grid: number[][]): Cell[][] {
  const rowCount = grid.length
  const colCount = grid[0]?.length ?? 0
  const result: Cell[][] = []
  for (let i = 0; i < rowCount; i++) result.push(Array.from({ length: colCount }, (_, j) => [i, j] as const))
  for (let j = 0; j < colCount; j++) result.push(Array.from({ length: rowCount }, (_, i) => [i, j] as const))
  return result
}

const valueAt = (grid: number[][], [i, j]: Cell) => grid[i]?.[j] ?? 0
const isHidden = (hidden: boolean[][], [i, j]: Cell) => hidden[i]?.[j] === true
function hide(hidden: boolean[][], [i, j]: Cell): void {
  const row = hidden[i]
  if (row) row[j] = true
}

/** Smallest visible figure among `cells` (optionally only positive ones); ties by position. */
function smallestVisible(grid: number[][], hidden: boolean[][], cells: readonly Cell[], positive = false): Cell | undefined {
  return cells
    .filter((c) => !isHidden(hidden, c) && (!positive || valueAt(grid, c) > 0))
    .sort((a, b) => valueAt(grid, a) - valueAt(grid, b))[0]
}

/** Applies the line rules once; true if a figure was withheld. */
function complementOnce(grid: number[][], hidden: boolean[][]): boolean {
  for (const line of lines(grid)) {
    const cells = line.slice(0, -1)
    const total = line[line.length - 1]
    if (!total) continue
    const hiddenCount = line.filter((c) => isHidden(hidden, c)).length
    const hiddenCells = cells.filter((c) => isHidden(hidden, c))
    const zeroSum = !isHidden(hidden, total) && hiddenCells.length > 0 && hiddenCells.every((c) => valueAt(grid, c) === 0)
    if (hiddenCount !== 1 && !zeroSum) continue
    const pick = smallestVisible(grid, hidden, cells, zeroSum) ?? (isHidden(hidden, total) ? undefined : total)
    if (pick) {
      hide(hidden, pick)
      return true
    }
  }
  return false
}

/**
 * Rows and columns are vertices, withheld figures are edges; a figure is derivable exactly when its
 * edge is a bridge (in no cycle). Protects the first small bridge found; true if a figure was withheld.
 */
function protectBridgeOnce(grid: number[][], hidden: boolean[][], min: number): boolean {
  const rowCount = grid.length
  const edges: Cell[] = []
  grid.forEach((row, i) =>
    row.forEach((_, j) => {
      if (hidden[i]?.[j]) edges.push([i, j])
    }),
  )
  const vertexCount = rowCount + (grid[0]?.length ?? 0)
  const ends = (e: Cell) => [e[0], rowCount + e[1]] as const
  for (const bridge of findBridges(vertexCount, edges.map(ends))) {
    const edge = edges[bridge]
    if (!edge || valueAt(grid, edge) >= min) continue
    const [rowVertex] = ends(edge)
    const sideA = reachable(vertexCount, edges.map(ends), rowVertex, bridge)
    // A visible figure joining a row on one side to a column on the other closes a cycle through the bridge.
    const candidates: Cell[] = []
    grid.forEach((row, i) =>
      row.forEach((_, j) => {
        if (!hidden[i]?.[j] && sideA.has(i) !== sideA.has(rowCount + j)) candidates.push([i, j])
      }),
    )
    const pick = smallestVisible(grid, hidden, candidates)
    if (pick) {
      hide(hidden, pick)
      return true
    }
  }
  return false
}

/** Indexes of bridge edges in an undirected simple graph (Tarjan's low-link). */
function findBridges(vertexCount: number, edges: readonly (readonly [number, number])[]): number[] {
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: vertexCount }, () => [])
  edges.forEach(([a, b], k) => {
    adjacency[a]?.push({ to: b, edge: k })
    adjacency[b]?.push({ to: a, edge: k })
  })
  const order = new Array<number>(vertexCount).fill(-1)
  const low = new Array<number>(vertexCount).fill(0)
  const bridges: number[] = []
  let counter = 0
  const visit = (v: number, viaEdge: number): void => {
    order[v] = low[v] = counter++
    for (const { to, edge } of adjacency[v] ?? []) {
      if (edge === viaEdge) continue
      if (order[to] === -1) {
        visit(to, edge)
        low[v] = Math.min(low[v] ?? 0, low[to] ?? 0)
        if ((low[to] ?? 0) > (order[v] ?? 0)) bridges.push(edge)
      } else {
        low[v] = Math.min(low[v] ?? 0, order[to] ?? 0)
      }
    }
  }
  for (let v = 0; v < vertexCount; v++) if (order[v] === -1) visit(v, -1)
  return bridges
}

/** Vertices reachable from `start` without crossing edge `skip`. */
function reachable(vertexCount: number, edges: readonly (readonly [number, number])[], start: number, skip: number): Set<number> {
  const seen = new Set([start])
  const queue = [start]
  while (queue.length > 0) {
    const v = queue.pop() as number
    edges.forEach(([a, b], k) => {
      if (k === skip || (a !== v && b !== v)) return
      const w = a === v ? b : a
      if (w < vertexCount && !seen.has(w)) {
        seen.add(w)
        queue.push(w)
      }
    })
  }
  return seen
}

/**
 * Typo tolerance for the directory search: a bounded Damerau–Levenshtein distance (optimal string
 * alignment) that gives up as soon as the distance must exceed the limit, so checking a query word
 * against a few thousand index terms stays well under a millisecond.
 */

/** How many edits a query word of this length may have: none under 4 letters, 1 up to 6, else 2. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0
  return length <= 6 ? 1 : 2
}

// Reused rows: the function runs thousands of times per keystroke.
let prevPrev = new Int32Array(40)
let prev = new Int32Array(40)
let row = new Int32Array(40)

/**
 * The edit distance between `word` and `term` (insertions, deletions, substitutions and swaps of
 * two neighbouring letters), or `max + 1` when it is more than `max`. With `prefix`, the distance
 * to the closest *start* of `term`, so "confocl" is one edit from "confocal" while still typing.
 */
export function boundedDistance(word: string, term: string, max: number, prefix = false): number {
  const n = word.length
  // A prefix match never needs more of the term than the word's length plus the edits allowed.
  const m = prefix ? Math.min(term.length, n + max) : term.length
  if (!prefix && Math.abs(n - m) > max) return max + 1
  if (prefix && m < n - max) return max + 1
  if (n === 0) return 0
  if (m === 0) return n > max ? max + 1 : n
  if (m + 1 > row.length) {
    prevPrev = new Int32Array(m + 1)
    prev = new Int32Array(m + 1)
    row = new Int32Array(m + 1)
  }
  for (let j = 0; j <= m; j++) prev[j] = j
  for (let i = 1; i <= n; i++) {
    row[0] = i
    let best = i
    const ca = word.charCodeAt(i - 1)
    for (let j = 1; j <= m; j++) {
      const cb = term.charCodeAt(j - 1)
      let d = prev[j - 1]! + (ca === cb ? 0 : 1)
      const del = prev[j]! + 1
      const ins = row[j - 1]! + 1
      if (del < d) d = del
      if (ins < d) d = ins
      if (i > 1 && j > 1 && ca === term.charCodeAt(j - 2) && word.charCodeAt(i - 2) === cb) {
        const swap = prevPrev[j - 2]! + 1
        if (swap < d) d = swap
      }
      row[j] = d
      if (d < best) best = d
    }
    // Every later cell is at least the smallest of this row: stop early.
    if (best > max) return max + 1
    const spare = prevPrev
    prevPrev = prev
    prev = row
    row = spare
  }
  let d = prev[m]!
  if (prefix) for (let j = Math.max(0, n - max); j < m; j++) if (prev[j]! < d) d = prev[j]!
  return d > max ? max + 1 : d
}

/**
 * Every term of a sorted vocabulary that starts within `maxEdits` edits of `word`, as ranges
 * [from, to) of the vocabulary. Walks the vocabulary as a trie (terms sharing a start are
 * neighbours once sorted) with one row of the edit-distance table per letter, pruning a branch as
 * soon as no term below it can come within the limit. A term whose first letter differs from the
 * word's gets at most one edit (people rarely mistype the first letter, and two edits there would
 * search most of the vocabulary): a few thousand steps even for 50,000 terms.
 */
export function fuzzyPrefixRanges(terms: readonly string[], word: string, maxEdits: number): [number, number][] {
  const n = word.length
  const out: [number, number][] = []
  if (n === 0 || terms.length === 0) return out
  const rows: Int32Array[] = Array.from({ length: n + maxEdits + 2 }, () => new Int32Array(n + 1))
  for (let j = 0; j <= n; j++) rows[0]![j] = j
  const chars: number[] = []

  const visit = (depth: number, lo: number, hi: number, limit: number) => {
    // Children of this node: runs of terms sharing their next letter.
    let a = lo
    if (a < hi && terms[a]!.length === depth) a++
    while (a < hi) {
      const c = terms[a]!.charCodeAt(depth)
      const b = runEnd(terms, a, hi, depth, c)
      const k = depth + 1
      const max = depth === 0 && c !== word.charCodeAt(0) ? Math.min(limit, 1) : limit
      if (k < rows.length) {
        const row = rows[k]!
        const prev = rows[k - 1]!
        const prevPrev = k > 1 ? rows[k - 2]! : null
        const before = k > 1 ? chars[k - 2]! : -1
        row[0] = k
        let best = k
        for (let j = 1; j <= n; j++) {
          const wc = word.charCodeAt(j - 1)
          let d = prev[j - 1]! + (wc === c ? 0 : 1)
          if (prev[j]! + 1 < d) d = prev[j]! + 1
          if (row[j - 1]! + 1 < d) d = row[j - 1]! + 1
          if (prevPrev && j > 1 && wc === before && word.charCodeAt(j - 2) === c && prevPrev[j - 2]! + 1 < d) d = prevPrev[j - 2]! + 1
          row[j] = d
          if (d < best) best = d
        }
        if (row[n]! <= max) out.push([a, b])
        else if (best <= max) {
          chars[k - 1] = c
          visit(k, a, b, max)
        }
      }
      a = b
    }
  }
  visit(0, 0, terms.length, maxEdits)
  return out
}

/** The end of the run of terms in [from, to) whose letter at `depth` is `c` (they are sorted). */
function runEnd(terms: readonly string[], from: number, to: number, depth: number, c: number): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (terms[mid]!.charCodeAt(depth) <= c) lo = mid + 1
    else hi = mid
  }
  return lo
}

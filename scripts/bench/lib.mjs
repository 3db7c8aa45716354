/**
 * Small helpers shared by the bench sections: statistics, units, timing, a concurrency pool.
 * Every figure a section returns is a `row` (see `row()`), printed by scripts/bench/report.mjs.
 */
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const SLOT = Number(process.env.STACK_SLOT || 0)
/** Scratch space for builds, bundles and browser profiles (.tmp is gitignored). */
export const WORK_DIR = join(ROOT, '.tmp', SLOT ? `bench-${SLOT}` : 'bench')

/** The value at quantile q (0–1) of the numbers, by linear interpolation between ranks. */
export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

export const median = (values) => quantile(values, 0.5)
export const p95 = (values) => quantile(values, 0.95)

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Seconds since `t0` (ms), one decimal. */
export const secondsSince = (t0) => Math.round((Date.now() - t0) / 100) / 10

/**
 * One figure of the report.
 * - `value` and `baseline` in `unit` ('ms', 's', 'KB', 'score', 'count', ''); the ratio is value / baseline.
 * - `goal`: { op: '<=' | '>=' | '==', target, text } judged against `value` (reported, not gated).
 */
export function row(section, figure, value, unit, baseline = null, baselineLabel = '', goal = null, note = '') {
  return { section, figure, value, unit, baseline, baselineLabel, goal, note }
}

/** Is the goal met? null when there is no goal or no value. */
export function goalMet(r) {
  if (!r.goal || r.value === null || r.value === undefined || Number.isNaN(r.value)) return null
  const { op, target } = r.goal
  if (op === '<=') return r.value <= target
  if (op === '>=') return r.value >= target
  return r.value === target
}

export function kb(bytes) {
  return Math.round((bytes / 1024) * 10) / 10
}

/** Run `fn` over `items` with at most `limit` in flight; results in input order. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolvePort(port))
    })
  })
}

/** Console line prefixed with the section name. */
export function log(section, message) {
  console.log(`[bench:${section}] ${message}`)
}

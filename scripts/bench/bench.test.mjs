/**
 * The bench's pure parts: statistics, goals, ratios, the table and the Lighthouse CI budget rule.
 * (Timings themselves are reported, never asserted.) Run: node --test scripts/bench/
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { goalMet, median, p95, quantile, row } from './lib.mjs'
import { budgetFailures } from './lighthouse.mjs'
import { missedGoals, ratio, table } from './report.mjs'

test('quantiles interpolate between ranks and ignore non-numbers', () => {
  assert.equal(median([3, 1, 2]), 2)
  assert.equal(median([1, 2, 3, 4]), 2.5)
  assert.equal(quantile([0, 10], 0.95), 9.5)
  assert.equal(p95(Array.from({ length: 101 }, (_, i) => i)), 95)
  assert.equal(median([1, Number.NaN, 3]), 2)
  assert.ok(Number.isNaN(median([])))
})

test('goals: met, missed, or not judged', () => {
  const r = (value, op, target) => row('s', 'f', value, 'ms', null, '', { op, target, text: '' })
  assert.equal(goalMet(r(10, '<=', 16)), true)
  assert.equal(goalMet(r(17, '<=', 16)), false)
  assert.equal(goalMet(r(97, '>=', 97)), true)
  assert.equal(goalMet(r(700, '==', 700)), true)
  assert.equal(goalMet(r(null, '<=', 1)), null)
  assert.equal(goalMet(row('s', 'f', 1, 'ms')), null)
})

test('ratios are value / baseline; a tiny one reads as 1/N×', () => {
  const rows = [row('search', 'p95', 2, 'ms', 800, 'naive'), row('size', 'JS', 45, 'KB', 36, 'floor'), row('x', 'no baseline', 1, 'ms')]
  assert.equal(ratio(rows[0]), 2 / 800)
  assert.equal(ratio(rows[2]), null)
  const lines = table(rows)
  assert.match(lines[2], /\| 1\/400× \|/)
  assert.match(lines[3], /\| 1\.25× \|/)
  assert.match(lines[4], /\| — \| — \|/)
})

test('missed goals name the figure, the value and the goal', () => {
  const rows = [
    row('write', 'p95', 42, 'ms', 20, 'bare', { op: '<=', target: 30, text: '≤ 30 ms' }, 'why'),
    row('write', 'p50', 10, 'ms', 5, 'bare', { op: '<=', target: 30, text: '≤ 30 ms' }),
  ]
  assert.deepEqual(missedGoals(rows), ['write: p95 = 42 ms (goal ≤ 30 ms) — why'])
})

test('Lighthouse budget: accessibility 100 and best practices ≥ 95 on every app page; the baseline page does not count', () => {
  const page = (name, accessibility, bestPractices, extra = {}) => ({
    name,
    median: { accessibility, bestPractices, errors: [], failing: [], ...extra },
  })
  assert.deepEqual(budgetFailures([page('Home', 100, 95), { ...page('static page', 50, 50), baseline: true }]), [])
  assert.deepEqual(budgetFailures([page('Home', 99, 100)]), ['Home: accessibility 99 < 100'])
  assert.deepEqual(budgetFailures([page('CPD', 100, 92)]), ['CPD: best practices 92 < 95'])
  assert.deepEqual(budgetFailures([page('Directory', null, null, { errors: ['NO_FCP'] })]), [
    'Directory: Lighthouse failed (NO_FCP)',
    'Directory: accessibility null < 100',
    'Directory: best practices null < 95',
  ])
})

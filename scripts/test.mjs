#!/usr/bin/env node
// `npm test`: every layer, in order, with one total at the end.
//   lint → type check → unit (vitest + fake-indexeddb, property tests) → build + size budget
//   → [emulators up] integration (rules, callables, fuzz, sync against the emulators)
//   → browser (Playwright driving Debian's Chromium against the built PWA)
//   → lighthouse (the accessibility and best-practices budget)
// Each vitest/Playwright test counts once; lint, type check and the size budget count as one
// check each. Ends with the line `N passed, N failed`; exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureTestPrerequisites } from './prerequisites.mjs'

const ROOT = new URL('..', import.meta.url).pathname
const RESULTS = join(ROOT, '.tmp', 'results')
rmSync(RESULTS, { recursive: true, force: true })
mkdirSync(RESULTS, { recursive: true })

const only = process.argv.slice(2) // e.g. `npm test -- unit browser`
const totals = { passed: 0, failed: 0 }
const summary = []

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

function stage(name, fn) {
  if (only.length && !only.includes(name)) return
  console.log(`\n━━ ${name} ━━`)
  const started = Date.now()
  const { passed, failed } = fn()
  totals.passed += passed
  totals.failed += failed
  summary.push(
    `${name.padEnd(12)} ${String(passed).padStart(4)} passed ${String(failed).padStart(4)} failed  ${((Date.now() - started) / 1000).toFixed(0)} s`,
  )
}

/** A check that is pass/fail as a whole. */
const check = (cmd, args, env) => (run(cmd, args, env) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 })

/** Counts from a vitest JSON report; a missing report or a crashed run counts as a failure. */
function vitestCounts(file, status) {
  if (!existsSync(file)) return { passed: 0, failed: 1 }
  const r = JSON.parse(readFileSync(file, 'utf8'))
  const failed = r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0)
  // A skipped or todo test is not a pass: count it as a failure so nothing hides.
  return { passed: r.numPassedTests, failed: failed + r.numPendingTests + r.numTodoTests }
}

function playwrightCounts(file, status) {
  if (!existsSync(file)) return { passed: 0, failed: 1 }
  const s = JSON.parse(readFileSync(file, 'utf8')).stats
  const failed = s.unexpected + s.flaky + s.skipped + (status !== 0 && s.unexpected === 0 ? 1 : 0)
  return { passed: s.expected, failed }
}

const prereq = ensureTestPrerequisites()
if (!prereq.ok) {
  console.error(`\n${prereq.message}`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}

// Lint includes the formatter: code that Prettier would change fails here.
stage('lint', () => check('sh', ['-c', 'npx eslint . && npx prettier --check --log-level warn .']))
stage('typecheck', () => check('npm', ['run', '--silent', 'typecheck']))
stage('unit', () => {
  const out = join(RESULTS, 'unit.json')
  return vitestCounts(
    out,
    run('npx', ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile=${out}`]),
  )
})
stage('size', () => check('sh', ['-c', 'npx vite build --logLevel warn && node scripts/size-budget.mjs'], { VITE_USE_EMULATORS: '1' }))
stage('integration', () => {
  const out = join(RESULTS, 'integration.json')
  const status = run('node', [
    'scripts/with-emulators.mjs',
    '--',
    'npx',
    'vitest',
    'run',
    '--project',
    'integration',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ])
  return vitestCounts(out, status)
})
stage('browser', () => {
  const out = join(RESULTS, 'browser.json')
  const status = run(
    'node',
    ['scripts/with-emulators.mjs', '--seed', '--serve', '--', 'npx', 'playwright', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    },
  )
  return playwrightCounts(out, status)
})

// The Lighthouse budget (issue 7): accessibility = 100 and best practices ≥ 95, median of 3, on
// Home, Directory and CPD with the demo data synced. Timings are reported by `npm run bench`, not gated.
stage('lighthouse', () =>
  check('node', ['scripts/with-emulators.mjs', '--seed', '--serve', '--', 'node', 'scripts/bench/lighthouse-budget.mjs']),
)

console.log('\n━━ summary ━━')
for (const line of summary) console.log(line)
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1)

#!/usr/bin/env node
/**
 * `npm run bench`: builds the app (emulator mode) and measures it, every figure beside a baseline
 * measured in the same run; prints one table (ratios, goals, which goals are missed) and writes
 * bench-results/latest.json plus a timestamped copy. Timings are reported, never gated.
 *
 *   npm run bench                                every section
 *   npm run bench -- --only search,sync          some sections (names below)
 *   npm run bench -- --skip survey               all but some
 *   npm run bench -- --runs 5                    Lighthouse and cold-start runs (default 3)
 *   npm run bench -- --no-build                  measure the build already in DIST_DIR
 *   npm run bench -- --budget-only lighthouse    only the Lighthouse CI budget; exit 1 if missed
 *
 * Sections: size, search, write, lighthouse, coldstart, sync, survey, dashboard (run in that order; each
 * starts only what it needs). STACK_SLOT=n moves the emulators, app port and build folder
 * (scripts/emulators.mjs) so a bench can run beside other stacks.
 */
import { runColdstart, TECH } from './bench/coldstart.mjs'
import { CHROMIUM } from './bench/browser.mjs'
import { runLighthouse } from './bench/lighthouse.mjs'
import { runLighthouseBudget } from './bench/lighthouse-budget.mjs'
import { goalMet, log } from './bench/lib.mjs'
import { environment, missedGoals, printReport, ratio, writeResults } from './bench/report.mjs'
import { runSearch } from './bench/search.mjs'
import { runSize } from './bench/size.mjs'
import { createStack } from './bench/stack.mjs'
import { runSurvey } from './bench/survey.mjs'
import { runDashboard } from './bench/dashboard.mjs'
import { runSync } from './bench/sync.mjs'
import { runWrite } from './bench/write.mjs'

const SECTIONS = ['size', 'search', 'write', 'lighthouse', 'coldstart', 'sync', 'survey', 'dashboard']
const CPU_SLOWDOWN = 4
const PROFILES = 10_000

const options = parseArgs(process.argv.slice(2))
const stack = createStack()
let exitCode = 0
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void stack.stop().finally(() => process.exit(130)))

try {
  if (options.budgetOnly) exitCode = await budgetOnly()
  else await bench()
} catch (err) {
  console.error(`bench: ${err.stack ?? err.message}`)
  exitCode = 1
} finally {
  await stack.stop()
}
process.exit(exitCode)

async function bench() {
  const startedAt = new Date()
  const chosen = SECTIONS.filter((s) => (options.only ? options.only.includes(s) : true) && !options.skip.includes(s))
  const needs = (...names) => names.some((n) => chosen.includes(n))
  log('main', `sections: ${chosen.join(', ')} (STACK_SLOT ${process.env.STACK_SLOT || 0}, app ${stack.appUrl})`)

  // Start what the chosen sections stand on; the build and the harness need no emulator, so they
  // run while the emulators start. Nothing is measured until all of it is up.
  const setup = Date.now()
  await Promise.all([
    needs('size', 'lighthouse', 'coldstart') && !options.noBuild ? stack.build() : null,
    needs('search', 'write', 'lighthouse', 'coldstart') ? stack.statics() : null,
    needs('lighthouse', 'coldstart', 'sync', 'survey', 'dashboard') ? stack.emulators() : null,
  ])
  if (needs('lighthouse', 'coldstart')) {
    await stack.seed()
    await stack.serve()
  }
  log('main', `set up in ${((Date.now() - setup) / 1000).toFixed(0)} s`)

  const rows = []
  const errors = []
  const sections = {}
  const runners = {
    size: () => runSize({ distDir: stack.distDir }),
    search: async () =>
      runSearch({ browser: await stack.browser(), harnessUrl: await stack.statics(), members: PROFILES, cpu: CPU_SLOWDOWN }),
    write: async () => runWrite({ browser: await stack.browser(), harnessUrl: await stack.statics(), cpu: CPU_SLOWDOWN }),
    lighthouse: async () => runLighthouse({ appUrl: stack.appUrl, staticUrl: await stack.statics(), runs: options.runs, account: TECH }),
    coldstart: async () =>
      runColdstart({
        browser: await stack.browser(),
        appUrl: stack.appUrl,
        harnessUrl: await stack.statics(),
        members: PROFILES,
        cpu: CPU_SLOWDOWN,
        runs: options.runs,
      }),
    sync: async () => runSync({ env: await stack.emulators() }),
    survey: async () => runSurvey({ env: await stack.emulators() }),
    dashboard: async () => runDashboard({ env: await stack.emulators() }),
  }
  for (const name of chosen) {
    const t0 = Date.now()
    log('main', `── ${name} ──`)
    try {
      const out = await runners[name]()
      rows.push(...out.rows)
      sections[name] = { seconds: (Date.now() - t0) / 1000, data: out.data }
    } catch (err) {
      errors.push({ section: name, message: err.stack ?? err.message })
      sections[name] = { seconds: (Date.now() - t0) / 1000, error: err.stack ?? err.message }
      console.error(`[bench:${name}] FAILED: ${err.stack ?? err.message}`)
    }
    log('main', `${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  }

  const seconds = (Date.now() - startedAt.getTime()) / 1000
  printReport({ rows, errors, seconds })
  const files = writeResults({
    version: 1,
    startedAt: startedAt.toISOString(),
    seconds,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    options: { ...options, sections: chosen, cpuSlowdown: CPU_SLOWDOWN, profiles: PROFILES },
    environment: environment(CHROMIUM),
    rows: rows.map((r) => ({ ...r, ratio: ratio(r), goalMet: goalMet(r) })),
    missed: missedGoals(rows),
    errors,
    sections,
  })
  console.log(`wrote ${files.map((f) => f.replace(`${process.cwd()}/`, '')).join(' and ')}`)
  if (errors.length) exitCode = 1
}

async function budgetOnly() {
  if (options.budgetOnly !== 'lighthouse') throw new Error(`--budget-only knows only "lighthouse" (size budgets: npm run size)`)
  await Promise.all([options.noBuild ? null : stack.build(), stack.emulators()])
  await stack.seed()
  const appUrl = await stack.serve()
  return (await runLighthouseBudget({ appUrl, runs: options.runs })).ok ? 0 : 1
}

function parseArgs(argv) {
  const out = { only: null, skip: [], runs: 3, budgetOnly: null, noBuild: false }
  const list = (v) =>
    String(v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2)
    const value = () => inline ?? argv[++i]
    if (flag === '--only') out.only = list(value())
    else if (flag === '--skip') out.skip = list(value())
    else if (flag === '--runs') out.runs = Number(value())
    else if (flag === '--budget-only') out.budgetOnly = value()
    else if (flag === '--no-build') out.noBuild = true
    else if (flag === '--help' || flag === '-h') {
      console.log(`usage: npm run bench [-- --only ${SECTIONS.join(',')}] [--skip …] [--runs N] [--no-build] [--budget-only lighthouse]`)
      process.exit(0)
    } else {
      console.error(`bench: unknown option ${argv[i]} (try --help)`)
      process.exit(2)
    }
  }
  for (const s of [...(out.only ?? []), ...out.skip]) {
    if (!SECTIONS.includes(s)) {
      console.error(`bench: unknown section "${s}" (sections: ${SECTIONS.join(', ')})`)
      process.exit(2)
    }
  }
  if (!Number.isInteger(out.runs) || out.runs < 1) {
    console.error('bench: --runs needs a whole number ≥ 1')
    process.exit(2)
  }
  return out
}

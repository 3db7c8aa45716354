#!/usr/bin/env node
/**
 * CI budget: Lighthouse mobile accessibility = 100 and best practices ≥ 95 (median of 3 runs) on
 * Home, Directory and CPD, signed in as the demo technician with the demo data synced.
 * Exit code 1 when a page misses; prints the failing audits.
 *
 *   node scripts/with-emulators.mjs --seed --serve -- node scripts/bench/lighthouse-budget.mjs
 *       (inside an `npm test` stage: uses the stack's APP_URL)
 *   node scripts/bench/lighthouse-budget.mjs          (starts its own stack; honours STACK_SLOT)
 *   npm run bench -- --budget-only lighthouse         (the same, through the bench)
 *   --runs N  runs per page (default 3)
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUDGET, BUDGET_CATEGORIES, BUDGET_PAGES, budgetFailures, runLighthouseSet } from './lighthouse.mjs'
import { TECH } from './coldstart.mjs'

/** Runs the budget against a served, seeded app; resolves with { ok, failures, results, seconds }. */
export async function runLighthouseBudget({ appUrl, runs = 3 }) {
  const t0 = Date.now()
  const results = await runLighthouseSet({
    appUrl,
    runs,
    categories: BUDGET_CATEGORIES,
    account: TECH,
    section: 'lighthouse-budget',
    pages: BUDGET_PAGES,
  })
  const failures = budgetFailures(results)
  const seconds = Math.round((Date.now() - t0) / 100) / 10
  for (const r of results) {
    console.log(
      `lighthouse budget: ${r.name.padEnd(9)} accessibility ${r.median.accessibility}, best practices ${r.median.bestPractices}${r.median.failing.length ? ` — failing audits: ${r.median.failing.join('; ')}` : ''}`,
    )
  }
  if (failures.length)
    console.error(
      `lighthouse budget FAILED (accessibility = ${BUDGET.accessibility}, best practices ≥ ${BUDGET['best-practices']}):\n- ${failures.join('\n- ')}`,
    )
  console.log(`lighthouse budget: ${failures.length ? 'FAILED' : 'OK'} in ${seconds} s (${runs} runs × ${results.length} pages)`)
  return { ok: failures.length === 0, failures, results, seconds }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const args = process.argv.slice(2)
  const runsArg = args.find((a) => a.startsWith('--runs'))
  const runs = runsArg ? Number(runsArg.includes('=') ? runsArg.split('=')[1] : args[args.indexOf(runsArg) + 1]) : 3
  let stack = null
  let code = 1
  try {
    let appUrl = process.env.APP_URL
    if (!appUrl) {
      const { createStack } = await import('./stack.mjs')
      stack = createStack()
      await Promise.all([stack.build(), stack.emulators()])
      await stack.seed()
      appUrl = await stack.serve()
    }
    code = (await runLighthouseBudget({ appUrl, runs })).ok ? 0 : 1
  } catch (err) {
    console.error(`lighthouse budget: ${err.stack ?? err.message}`)
  } finally {
    await stack?.stop()
  }
  process.exit(code)
}

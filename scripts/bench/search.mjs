/**
 * Directory search per keystroke over 10,000 profiles at 4× CPU (Chromium, CDP throttling), in
 * the harness page scripts/bench/harness/search.ts: src/search's index (the code the directory's
 * worker runs) against its naive baseline, typed one letter at a time.
 */
import { log, median, p95, row } from './lib.mjs'
import { MOBILE, throttle } from './browser.mjs'

/** Typed letter by letter: skills, a name, a department, misspellings and a miss (59 keystrokes). */
export const QUERIES = ['confocal micro', 'weldng', 'mass spectromety', 'pyhton', 'amara', 'bio pcr', 'xyzzy']
const INDEX = 'src/search index'
const NAIVE = 'src/search naiveSearch'

/** @param {{ browser: import('playwright-core').Browser, harnessUrl: string, members: number, cpu: number }} ctx */
export async function runSearch(ctx) {
  const context = await ctx.browser.newContext(MOBILE)
  try {
    const page = await context.newPage()
    await page.goto(`${ctx.harnessUrl}/search.html`)
    await page.waitForFunction(() => document.title === 'Bench: search ready')
    const prepared = await page.evaluate((n) => window.benchSearch.prepare(n), ctx.members)
    log('search', `${prepared.members} listed profiles, ${prepared.skills} skill entries`)
    await throttle(page, ctx.cpu)
    const results = {}
    // The index is fast enough to type everything three times; the full scan once.
    for (const [name, repeat] of [
      [INDEX, 3],
      [NAIVE, 1],
    ]) {
      const { times, hits } = await page.evaluate(({ subject, queries, n }) => window.benchSearch.type(subject, queries, n), {
        subject: name,
        queries: QUERIES,
        n: repeat,
      })
      results[name] = { keystrokes: times.length, p50: median(times), p95: p95(times), max: Math.max(...times), hits }
      log('search', `${name}: p50 ${median(times).toFixed(2)} ms, p95 ${p95(times).toFixed(2)} ms over ${times.length} keystrokes`)
    }
    const buildMs = await page.evaluate(() => window.benchSearch.timeIndexBuild())
    log('search', `index build at ${ctx.cpu}× CPU: ${buildMs.toFixed(0)} ms`)
    const s = results[INDEX]
    const b = results[NAIVE]
    const rows = [
      row('search', `search per keystroke p50 (${ctx.cpu}× CPU)`, round(s.p50), 'ms', round(b.p50), 'naiveSearch (full scan)'),
      row(
        'search',
        `search per keystroke p95 (${ctx.cpu}× CPU)`,
        round(s.p95),
        'ms',
        round(b.p95),
        'naiveSearch (full scan)',
        { op: '<=', target: 16, text: '≤ 16 ms' },
        `${prepared.members} listed of ${ctx.members} profiles, ${prepared.skills} skills, ${s.keystrokes} keystrokes`,
      ),
      row(
        'search',
        `index build, same profiles (${ctx.cpu}× CPU)`,
        round(buildMs),
        'ms',
        null,
        '',
        null,
        'once per open, in the directory’s worker',
      ),
    ]
    return { rows, data: { prepared, results, indexBuildMs: buildMs, queries: QUERIES } }
  } finally {
    await context.close()
  }
}

const round = (v) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 100) / 100)

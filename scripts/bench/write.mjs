/**
 * Local write at 4× CPU in Chromium (harness page scripts/bench/harness/write.ts): the app's
 * repository write (validate + document + outbox row in one transaction) against a bare Dexie put
 * of the same document alone, interleaved.
 */
import { log, median, p95, row } from './lib.mjs'
import { MOBILE, throttle } from './browser.mjs'

/** @param {{ browser: import('playwright-core').Browser, harnessUrl: string, cpu: number, samples?: number }} ctx */
export async function runWrite(ctx) {
  const samples = ctx.samples ?? 200
  const context = await ctx.browser.newContext(MOBILE)
  try {
    const page = await context.newPage()
    await page.goto(`${ctx.harnessUrl}/write.html`)
    await page.waitForFunction(() => document.title === 'Bench: write ready')
    await throttle(page, ctx.cpu)
    const { repo, bare, outbox } = await page.evaluate((n) => window.benchWrite.run(n, 20), samples)
    log(
      'write',
      `repos.cpd.create p50 ${median(repo).toFixed(1)} / p95 ${p95(repo).toFixed(1)} ms; bare put p50 ${median(bare).toFixed(1)} / p95 ${p95(bare).toFixed(1)} ms; outbox rows ${outbox}`,
    )
    const round = (v) => Math.round(v * 10) / 10
    return {
      rows: [
        row(
          'write',
          `local write p50 (document + outbox, ${ctx.cpu}× CPU)`,
          round(median(repo)),
          'ms',
          round(median(bare)),
          'bare Dexie put of the document',
        ),
        row(
          'write',
          `local write p95 (document + outbox, ${ctx.cpu}× CPU)`,
          round(p95(repo)),
          'ms',
          round(p95(bare)),
          'bare Dexie put of the document',
          { op: '<=', target: 30, text: '≤ 30 ms' },
          `${samples} CPD entries via repos.cpd.create`,
        ),
      ],
      data: { samples, repo: summary(repo), bare: summary(bare), outboxRows: outbox },
    }
  } finally {
    await context.close()
  }
}

function summary(times) {
  return { p50: median(times), p95: p95(times), max: Math.max(...times), min: Math.min(...times) }
}

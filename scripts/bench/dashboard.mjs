/**
 * Dashboards at 100, 1,000 and 10,000 members: institutionStats and cpdStats served from the kept
 * aggregates beside the full scan of every member (the same run, the same data), latency p50 and
 * documents read. The work is scripts/bench/node/dashboard.ts (see there how reads are counted).
 */
import { row } from './lib.mjs'
import { runNodeModule } from './node-run.mjs'

/** @param {{ env: Record<string, string> }} ctx */
export async function runDashboard(ctx) {
  const { sizes } = await runNodeModule('scripts/bench/node/dashboard.ts', 'dashboard', { env: ctx.env, timeoutMs: 40 * 60_000 })
  const rows = []
  for (const s of sizes) {
    const n = s.members.toLocaleString('en-GB')
    const note = `seeded in ${s.seedSeconds.toFixed(0)} s (Admin SDK batches), counters built in ${s.buildSeconds.toFixed(0)} s; scan runs ${s.scanRuns}`
    for (const [name, kept, scan] of [
      ['institutionStats', s.keptInst, s.scanInst],
      ['cpdStats', s.keptCpd, s.scanCpd],
    ]) {
      rows.push(
        row(
          'dashboard',
          `${name} at ${n} members: latency p50`,
          kept.p50,
          'ms',
          scan.p50,
          'full scan',
          { op: '<=', target: 300, text: '≤ 300 ms' },
          note,
        ),
      )
      rows.push(
        row('dashboard', `${name} at ${n} members: documents read`, kept.reads, 'count', scan.reads, 'full scan', {
          op: '<=',
          target: 20,
          text: 'constant (≤ 20)',
        }),
      )
    }
  }
  return { rows, data: { sizes } }
}

/**
 * Dashboards at 100, 1,000 and 10,000 members: institutionStats and cpdStats served from the kept
 * aggregates beside the full scan of every member (the same run, the same data), latency p50 and
 * documents read. The work is scripts/bench/node/dashboard.ts (see there how reads are counted).
 */
import { row } from './lib.mjs'
import { runNodeModule } from './node-run.mjs'

/** @param {{ env: Record<string, string> }} ctx */
export async function runDashboard(ctx) {
  const { sizes } = await runNodeModule('scripts/bench/node/dashboard.ts', 'dashboard', { env: ctx.env, timeoutMs: 60 * 60_000 })
  const rows = []
  for (const s of sizes) {
    const n = s.members.toLocaleString('en-GB')
    const checked = s.checked ? `, equal to the per-member recount (zero drift)` : ''
    const note = `seeded in ${s.seedSeconds.toFixed(0)} s (Admin SDK batches), counters built by the one-pass recount in ${s.buildSeconds.toFixed(0)} s${checked}; scan runs ${s.scanRuns}`
    for (const [name, kept, scan] of [
      ['institutionStats', s.keptInst, s.scanInst],
      ['cpdStats', s.keptCpd, s.scanCpd],
    ]) {
      const scanNote = scan.timedOut
        ? `; the full scan did not finish in ${s.scanTimeoutSeconds} s`
        : scan.p50 === null
          ? '; full scan not run (the previous scan, given up on, was still running)'
          : ''
      rows.push(
        row(
          'dashboard',
          `${name} at ${n} members: latency p50`,
          kept.p50,
          'ms',
          scan.p50,
          'full scan',
          { op: '<=', target: 300, text: '≤ 300 ms' },
          note + scanNote,
        ),
      )
      rows.push(
        row(
          'dashboard',
          `${name} at ${n} members: documents read`,
          kept.reads,
          'count',
          scan.reads,
          'full scan',
          { op: '<=', target: 20, text: 'constant (≤ 20)' },
          scanNote.slice(2),
        ),
      )
    }
  }
  return { rows, data: { sizes } }
}

/**
 * Sync figures through the real engine and Firebase transport in Node, against the emulators
 * (scripts/bench/node/sync.ts does the work in its own process).
 */
import { row } from './lib.mjs'
import { runNodeModule } from './node-run.mjs'

/** @param {{ env: Record<string, string> }} ctx */
export async function runSync(ctx) {
  const d = await runNodeModule('scripts/bench/node/sync.ts', 'sync', { env: ctx.env })
  const { batched, single } = d.push
  const n = batched.queued
  return {
    rows: [
      row(
        'sync',
        `flush of ${n} queued mutations (batches of 500)`,
        batched.seconds,
        's',
        single.seconds,
        `one request per mutation (${single.roundTrips} round trips)`,
        { op: '<=', target: 3, text: '≤ 3 s' },
        `${batched.applied} applied, ${batched.rejected} rejected, ${batched.left} left queued; the emulator's first syncPush call (worker start, untimed) took ${d.push.firstCallSeconds} s`,
      ),
      row('sync', `round trips for ${n} mutations`, batched.roundTrips, 'count', single.roundTrips, 'batchSize 1', {
        op: '<=',
        target: 1,
        text: 'one round trip',
      }),
      row(
        'sync',
        `documents read on a warm open (${d.warmOpen.changed} of ${d.directorySize} changed)`,
        d.warmOpen.reads,
        'count',
        d.fullReload.reads,
        'full reload into an empty database',
        { op: '<=', target: d.warmOpen.changed + 1, text: `only the ${d.warmOpen.changed} changed (+1 institution get)` },
        `${d.warmOpen.applied}/${d.warmOpen.changed} changes applied in ${d.warmOpen.seconds} s; ${d.warmOpen.readsWithNothingChanged} read when nothing changed`,
      ),
      row(
        'sync',
        `first full pull (${d.firstPull.received} documents)`,
        d.firstPull.seconds,
        's',
        d.transportOnlyPull.seconds,
        'same pages, transport only (no Dexie, no validation, one collection after another)',
        { op: '<=', target: 2, text: '≤ 2 s' },
        `median of ${d.firstPull.runs?.length ?? 1} (${(d.firstPull.runs ?? []).join(', ')} s; transport only ${(d.transportOnlyPull.runs ?? []).join(', ')} s), taken in turn; ` +
          `pages of ${d.pageSize}, ${d.firstPull.roundTrips} round trips, ${d.firstPull.invalid} invalid; every document checked by its schema`,
      ),
    ],
    data: d,
  }
}

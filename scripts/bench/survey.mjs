/**
 * Survey burst against the emulators: 700 members answering one open survey through the real
 * submitSurveyResponse callable, with racing and repeated retries — exactly 700 responses and 700
 * receipts must exist afterwards — beside the same callable at rest (one member at a time).
 * The work is the surveys' reusable tests/support/survey-burst.ts, run by scripts/bench/node/survey.ts.
 */
import { row } from './lib.mjs'
import { runNodeModule } from './node-run.mjs'

/** @param {{ env: Record<string, string> }} ctx */
export async function runSurvey(ctx) {
  const { burst: b, atRest: r } = await runNodeModule('scripts/bench/node/survey.ts', 'survey', { env: ctx.env })
  const oneAtATime = (r.seconds / r.n) * b.n
  const none = { op: '<=', target: 0, text: 'none' }
  const extra = b.calls - b.n
  return {
    rows: [
      row(
        'survey',
        `burst: ${b.n} answers submitted`,
        round(b.seconds, 1),
        's',
        round(oneAtATime, 1),
        `one at a time (${r.n} measured × ${Math.round(b.n / r.n)})`,
        { op: '<=', target: 60, text: 'within a minute' },
        `${b.calls} calls (${b.retries} transport retries); emulator warm-up ${round(b.warmupSeconds, 1)} s not counted`,
      ),
      row(
        'survey',
        'burst: responses stored',
        b.responses,
        'count',
        b.n,
        'members who answered',
        { op: '==', target: b.n, text: `exactly ${b.n}` },
        `${b.receipts} receipts`,
      ),
      row('survey', 'burst: duplicate responses', b.duplicates, 'count', extra, 'extra sends (races, resends, retries)', none),
      row(
        'survey',
        'burst: lost answers',
        Math.max(0, b.n - b.receipts, b.failed),
        'count',
        b.n,
        'members who answered',
        none,
        b.failures.length ? `failures: ${b.failures.join('; ')}` : '',
      ),
      row('survey', 'burst: latency p50', b.latencyMs.p50, 'ms', r.latencyMs.p50, 'one at a time'),
      row(
        'survey',
        'burst: latency p95',
        b.latencyMs.p95,
        'ms',
        r.latencyMs.p95,
        'one at a time',
        null,
        'at most 8 requests in flight: the Functions emulator runs one request per worker process',
      ),
    ],
    data: { burst: b, atRest: r },
  }
}

const round = (v, digits) => Math.round(v * 10 ** digits) / 10 ** digits

/**
 * When the answer queue sends: at start, when the phone comes back online or the app comes back
 * into view, right after an answer is queued, and on a backing-off timer while answers wait. One
 * tab sends at a time (a Web Lock taken if free); another tab looks again after the first delay.
 */
import { startBackgroundJob, type BackgroundJob, type JobWindow } from '@/platform/background-job'
import type { SurveyQueue } from './queue'

export interface QueueRunnerOptions {
  queue: SurveyQueue
  /** Injected for tests; defaults to the global window. */
  window?: JobWindow
  /** Injected for tests; defaults to `navigator.locks` (null: no Web Locks, every tab sends). */
  locks?: Pick<LockManager, 'request'> | null
  /** Delays between retries while answers wait (the last one repeats). */
  retryMs?: readonly number[]
}

/** `trigger()` asks for a send now (skipped while the browser says it is offline). */
export type QueueRunner = BackgroundJob

export function startQueueRunner(options: QueueRunnerOptions): QueueRunner {
  const delays = options.retryMs ?? [2_000, 5_000, 15_000, 30_000, 60_000]
  const delay = (failures: number) => delays[Math.min(failures, delays.length) - 1] ?? 60_000
  return startBackgroundJob({
    name: 'technician-hub-surveys',
    triggers: { events: ['online', 'visible'] },
    lock: { mode: 'each-run', retryMs: delay(1) },
    backoff: delay,
    run: async () => ((await options.queue.flush()).waiting > 0 ? 'retry' : undefined),
    window: options.window,
    locks: options.locks,
  })
}

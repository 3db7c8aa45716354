/**
 * When to sync: on start, when the browser comes online, on focus, after a local write, and on a
 * timer; retries with exponential backoff and jitter. Only the tab holding the Web Lock runs it;
 * other tabs see the results through Dexie's cross-tab change events.
 */
import { backoffDelay, startBackgroundJob, type BackgroundJob, type JobOutcome, type JobWindow } from '@/platform/background-job'
import { TransportError } from './ports'

export interface SchedulerOptions {
  /** One sync pass (push then pull). */
  run: () => Promise<void>
  /** Called with each pass's outcome for the status line. */
  onResult?: (outcome: JobOutcome) => void
  intervalMs?: number
  window?: JobWindow
  locks?: Pick<LockManager, 'request'> | null
  random?: () => number
  lockName?: string
}

export type Scheduler = BackgroundJob

/** Starts the schedule; the first pass runs once this tab becomes the leader. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const interval = options.intervalMs ?? 60_000
  const random = options.random ?? Math.random
  return startBackgroundJob({
    name: options.lockName ?? 'technician-hub-sync',
    triggers: { events: ['online', 'focus'], everyMs: interval },
    lock: { mode: 'leader' },
    // Signed out or refused for the session: no point retrying sooner than the regular pass.
    backoff: (failures, error) =>
      error instanceof TransportError && error.kind === 'unauthenticated' ? interval : backoffDelay(failures, random),
    run: options.run,
    onResult: options.onResult,
    window: options.window,
    locks: options.locks,
  })
}

/**
 * When evidence uploads run: at start, when the browser comes online, when a file is queued
 * (`trigger`), and when the earliest retry falls due. One tab at a time uploads (a Web Lock taken
 * only if free: another tab already busy does it); the rest see the results through Dexie.
 */
import { startBackgroundJob, type BackgroundJob, type JobWindow } from '@/platform/background-job'
import type { PassSummary } from './uploader'

export interface UploadScheduleOptions {
  run: () => Promise<PassSummary>
  /** When the next retry is due (ms), or null when nothing waits. */
  nextDue: () => Promise<number | null>
  window?: JobWindow
  locks?: Pick<LockManager, 'request'> | null
  now?: () => number
  /** Checked again at least this often while work waits (a missed event never strands a file). */
  intervalMs?: number
  onError?: (error: unknown) => void
}

export type UploadSchedule = BackgroundJob

const UNREACHABLE_RETRY_MS = 15_000

/**
 * After a pass it sleeps until the earliest retry (at least a second, at most `interval`), or
 * until an event wakes it. Offline it waits for the `online` event; when the server could not be
 * reached though the browser says online, it looks again in 15 s; when another tab is uploading,
 * after `interval`.
 */
export function startUploadSchedule(options: UploadScheduleOptions): UploadSchedule {
  const now = options.now ?? Date.now
  const interval = options.intervalMs ?? 60_000
  const onError = options.onError ?? ((error: unknown) => console.error('Evidence upload pass failed', error))
  return startBackgroundJob({
    name: 'technician-hub-evidence',
    triggers: { events: ['online'] },
    lock: { mode: 'each-run', retryMs: interval },
    backoff: () => UNREACHABLE_RETRY_MS,
    run: async () => {
      if ((await options.run()).offline) return 'retry'
      const due = await options.nextDue().catch(() => null)
      return due === null ? undefined : { nextInMs: Math.min(interval, Math.max(1000, due - now())) }
    },
    onResult: (outcome) => void (!outcome.ok && outcome.error !== undefined && onError(outcome.error)),
    window: options.window,
    locks: options.locks,
  })
}

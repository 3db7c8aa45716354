/**
 * When evidence uploads run: at start, when the browser comes online, when a file is queued
 * (`trigger`), and when the earliest retry falls due. One tab at a time uploads (a Web Lock taken
 * only if free: another tab already busy does it); the rest see the results through Dexie.
 */
import type { PassSummary } from './uploader'

export interface UploadScheduleOptions {
  run: () => Promise<PassSummary>
  /** When the next retry is due (ms), or null when nothing waits. */
  nextDue: () => Promise<number | null>
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator: Pick<Navigator, 'onLine'> }
  locks?: Pick<LockManager, 'request'> | null
  now?: () => number
  /** Checked again at least this often while work waits (a missed event never strands a file). */
  intervalMs?: number
  onError?: (error: unknown) => void
}

export interface UploadSchedule {
  trigger(): void
  stop(): void
}

const LOCK = 'technician-hub-evidence'
const UNREACHABLE_RETRY_MS = 15_000

type Outcome = 'ran' | 'offline' | 'busy' | 'unreachable'

export function startUploadSchedule(options: UploadScheduleOptions): UploadSchedule {
  const win = options.window ?? window
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks
  const now = options.now ?? Date.now
  const interval = options.intervalMs ?? 60_000
  const onError = options.onError ?? ((error: unknown) => console.error('Evidence upload pass failed', error))
  let stopped = false
  let running: Promise<void> | null = null
  let again = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const onOnline = () => trigger()
  win.addEventListener('online', onOnline)
  trigger()
  return { trigger, stop }

  function trigger(): void {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    clearTimeout(timer)
    running = pass()
      .catch((error: unknown) => {
        onError(error)
        return 'unreachable' as const
      })
      .then((outcome) => {
        running = null
        if (again && !stopped) {
          again = false
          trigger()
        } else void plan(outcome)
      })
  }

  async function pass(): Promise<Outcome> {
    if (!win.navigator.onLine) return 'offline'
    const runOnce = async (): Promise<Outcome> => ((await options.run()).offline ? 'unreachable' : 'ran')
    if (!locks) return runOnce()
    return locks.request(LOCK, { ifAvailable: true }, async (lock) => (lock ? runOnce() : 'busy'))
  }

  /**
   * Sleeps until the earliest retry (at least a second, at most `interval`), or until an event
   * wakes it. Offline it waits for the `online` event; when the server could not be reached though
   * the browser says online, or another tab is uploading, it looks again later.
   */
  async function plan(outcome: Outcome): Promise<void> {
    if (stopped || outcome === 'offline') return
    const later = outcome === 'busy' ? now() + interval : outcome === 'unreachable' ? now() + UNREACHABLE_RETRY_MS : null
    const due = later ?? (await options.nextDue().catch(() => null))
    if (stopped || due === null) return
    clearTimeout(timer)
    timer = setTimeout(trigger, Math.min(interval, Math.max(1000, due - now())))
  }

  function stop(): void {
    stopped = true
    clearTimeout(timer)
    win.removeEventListener('online', onOnline)
  }
}

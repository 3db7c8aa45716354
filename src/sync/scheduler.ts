/**
 * When to sync: on start, when the browser comes online, on focus, after a local write, and on a
 * timer; retries with exponential backoff and jitter. Only the tab holding the Web Lock runs it;
 * other tabs see the results through Dexie's cross-tab change events.
 */
import { TransportError } from './ports'

export interface SchedulerOptions {
  /** One sync pass (push then pull). */
  run: () => Promise<void>
  /** Called with each pass's outcome for the status line. */
  onResult?: (outcome: { ok: true } | { ok: false; error: unknown; retryInMs: number }) => void
  intervalMs?: number
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator: Pick<Navigator, 'onLine'> }
  locks?: Pick<LockManager, 'request'> | null
  random?: () => number
  lockName?: string
}

export interface Scheduler {
  /** Asks for a pass soon (coalesced with one already running). */
  trigger(): void
  stop(): void
}

const MIN_BACKOFF_MS = 1_000
const MAX_BACKOFF_MS = 5 * 60_000

/** Delay before retry `attempt` (1-based): exponential, capped, with full jitter in [50%, 100%]. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling * (0.5 + random() / 2))
}

/** Starts the schedule; the first pass runs once this tab becomes the leader. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const win = options.window ?? window
  const interval = options.intervalMs ?? 60_000
  const random = options.random ?? Math.random
  let stopped = false
  let leader = false
  let running: Promise<void> | null = null
  let again = false
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let releaseLock: (() => void) | undefined

  const onOnline = () => trigger()
  const onFocus = () => trigger()
  win.addEventListener('online', onOnline)
  win.addEventListener('focus', onFocus)

  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks
  if (locks) {
    void locks.request(options.lockName ?? 'technician-hub-sync', () => {
      if (stopped) return Promise.resolve()
      leader = true
      trigger()
      return new Promise<void>((resolve) => (releaseLock = resolve))
    })
  } else {
    leader = true
    trigger()
  }

  return { trigger, stop }

  function trigger(): void {
    if (stopped || !leader) return
    if (running) {
      again = true
      return
    }
    clearTimeout(timer)
    running = pass().finally(() => {
      running = null
      if (again && !stopped) {
        again = false
        trigger()
      }
    })
  }

  async function pass(): Promise<void> {
    if (!win.navigator.onLine) {
      schedule(interval)
      return
    }
    try {
      await options.run()
      failures = 0
      options.onResult?.({ ok: true })
      schedule(interval)
    } catch (error) {
      failures++
      const retryInMs = error instanceof TransportError && error.kind === 'unauthenticated' ? interval : backoffDelay(failures, random)
      options.onResult?.({ ok: false, error, retryInMs })
      schedule(retryInMs)
    }
  }

  function schedule(ms: number): void {
    clearTimeout(timer)
    if (!stopped) timer = setTimeout(trigger, ms)
  }

  function stop(): void {
    stopped = true
    clearTimeout(timer)
    win.removeEventListener('online', onOnline)
    win.removeEventListener('focus', onFocus)
    releaseLock?.()
  }
}

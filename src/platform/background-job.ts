/**
 * One way to run work behind the UI (sync, evidence uploads, survey answers): when it runs
 * (triggers), which tab runs it (a Web Lock) and how long it waits after a failure (backoff).
 *
 * - Runs at start, on `trigger()`, on the browser events asked for (`online`, window `focus`,
 *   the page becoming `visible`) and on timers; never two runs at once: a trigger during a run
 *   asks for one more run after it.
 * - While the browser says it is offline a run is skipped (not a failure); `online` wakes it.
 * - A run that throws or says `retry` is a failure: the next run comes after
 *   `backoff(failures, error)`, which grows with consecutive failures and starts over after a
 *   success or when the browser comes back online.
 * - `lock: { mode: 'leader' }` holds the job's Web Lock while the job lives: only that tab runs,
 *   the others queue for the lock and take over when it closes. `{ mode: 'each-run' }` takes the
 *   lock for each run if it is free; when another tab holds it, this one looks again after
 *   `retryMs`. Without the Web Locks API (`locks: null`) every tab runs.
 *
 * It imports nothing of the app, so every engine can use it without importing another engine.
 */

type Listener = (event: Event) => void
interface EventSource {
  addEventListener(type: string, listener: Listener): void
  removeEventListener(type: string, listener: Listener): void
}

/** The parts of `window` a job uses (tests pass a fake, tests/support/test-window.ts). */
export type JobWindow = EventSource & {
  navigator: Pick<Navigator, 'onLine'>
  document?: EventSource & Pick<Document, 'visibilityState'>
}

export type JobEvent = 'online' | 'focus' | 'visible'

export type JobLock = { mode: 'leader' } | { mode: 'each-run'; retryMs: number }

/**
 * What a run says when it ends: nothing (done: run again on the next trigger, or after
 * `triggers.everyMs`), `{ nextInMs }` (done, and run again then) or `'retry'` (work is left
 * that could not be done now: a failure, retried after the backoff).
 */
export type RunResult = void | 'retry' | { nextInMs: number }

export type JobOutcome = { ok: true } | { ok: false; retryInMs: number; error?: unknown }

export interface BackgroundJobOptions {
  /** The Web Lock's name; also names the job in error logs. */
  name: string
  triggers: { events: readonly JobEvent[]; everyMs?: number }
  lock: JobLock
  /** Delay before the next run after `failures` (≥ 1) failures in a row; `error` is what the run threw. */
  backoff: (failures: number, error?: unknown) => number
  run: () => Promise<RunResult>
  /** Each run's outcome (not called for a run skipped offline or for another tab). Without it, errors are logged. */
  onResult?: (outcome: JobOutcome) => void
  window?: JobWindow
  /** The Web Locks API; null where there is none (every tab runs). */
  locks?: Pick<LockManager, 'request'> | null
}

export interface BackgroundJob {
  /** Asks for a run now (coalesced with one already running). */
  trigger(): void
  stop(): void
}

const MIN_BACKOFF_MS = 1_000
const MAX_BACKOFF_MS = 5 * 60_000

/** Delay before retry `attempt` (1-based): exponential from 1 s, capped at 5 min, with full jitter in [50%, 100%]. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling * (0.5 + random() / 2))
}

/** Another tab holds an `each-run` lock. */
const BUSY = Symbol('busy')

export function startBackgroundJob(options: BackgroundJobOptions): BackgroundJob {
  const win = options.window ?? window
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks
  const { lock, triggers } = options
  let stopped = false
  let allowed = lock.mode !== 'leader' || !locks
  let running = false
  let again = false
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let releaseLock: (() => void) | undefined

  const listeners: [EventSource, string, Listener][] = []
  for (const event of triggers.events) {
    if (event === 'online')
      listeners.push([
        win,
        'online',
        () => {
          failures = 0
          trigger()
        },
      ])
    else if (event === 'focus') listeners.push([win, 'focus', () => trigger()])
    else if (win.document)
      listeners.push([win.document, 'visibilitychange', () => win.document?.visibilityState === 'visible' && trigger()])
  }
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener)

  if (allowed) trigger()
  else
    void locks?.request(options.name, () => {
      if (stopped) return Promise.resolve()
      allowed = true
      trigger()
      return new Promise<void>((resolve) => (releaseLock = resolve))
    })
  return { trigger, stop }

  function trigger(): void {
    if (stopped || !allowed) return
    if (running) {
      again = true
      return
    }
    clearTimeout(timer)
    running = true
    void pass().finally(() => {
      running = false
      if (again && !stopped) {
        again = false
        trigger()
      }
    })
  }

  /** One run (or none: offline, another tab busy), then the timer for the next. */
  async function pass(): Promise<void> {
    if (!win.navigator.onLine) return schedule(triggers.everyMs)
    let result: RunResult | typeof BUSY
    try {
      result = await runLocked()
    } catch (error) {
      return stopped ? undefined : fail(error, true)
    }
    if (stopped) return
    if (result === BUSY) return lock.mode === 'each-run' ? schedule(lock.retryMs) : undefined
    if (result === 'retry') return fail(undefined, false)
    failures = 0
    options.onResult?.({ ok: true })
    schedule(result?.nextInMs ?? triggers.everyMs)
  }

  async function runLocked(): Promise<RunResult | typeof BUSY> {
    if (lock.mode === 'leader' || !locks) return options.run()
    return await locks.request(options.name, { ifAvailable: true }, (held) => (held ? options.run() : BUSY))
  }

  function fail(error: unknown, thrown: boolean): void {
    failures++
    const retryInMs = options.backoff(failures, error)
    if (options.onResult) options.onResult(thrown ? { ok: false, retryInMs, error } : { ok: false, retryInMs })
    else if (thrown) console.error(`Background job ${options.name} failed`, error)
    schedule(retryInMs)
  }

  function schedule(ms: number | undefined): void {
    clearTimeout(timer)
    if (!stopped && ms !== undefined) timer = setTimeout(trigger, ms)
  }

  function stop(): void {
    stopped = true
    clearTimeout(timer)
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener)
    releaseLock?.()
  }
}

/**
 * When the answer queue sends: at start, when the phone comes back online or the app comes back
 * into view, right after an answer is queued, and on a backing-off timer while answers wait.
 */
import type { SurveyQueue } from './queue'

export interface QueueRunnerOptions {
  queue: SurveyQueue
  /** Injected for tests; defaults to the global window. */
  window?: Window
  /** Delays between retries while answers wait (the last one repeats). */
  retryMs?: readonly number[]
}

export interface QueueRunner {
  /** Ask for a send now (ignored while the browser says it is offline). */
  trigger(): void
  stop(): void
}

export function startQueueRunner(options: QueueRunnerOptions): QueueRunner {
  const win = options.window ?? window
  const delays = options.retryMs ?? [2_000, 5_000, 15_000, 30_000, 60_000]
  let timer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  let stopped = false

  const onOnline = () => {
    failures = 0
    trigger()
  }
  const onVisible = () => {
    if (win.document.visibilityState === 'visible') trigger()
  }
  win.addEventListener('online', onOnline)
  win.document.addEventListener('visibilitychange', onVisible)
  trigger()
  return { trigger, stop }

  function trigger(): void {
    if (stopped || !win.navigator.onLine) return
    clearTimeout(timer)
    void options.queue.flush().then(
      (r) => schedule(r.waiting > 0),
      () => schedule(true),
    )
  }

  function schedule(waiting: boolean): void {
    if (stopped) return
    if (!waiting) {
      failures = 0
      return
    }
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 60_000
    failures++
    clearTimeout(timer)
    timer = setTimeout(trigger, delay)
  }

  function stop(): void {
    stopped = true
    clearTimeout(timer)
    win.removeEventListener('online', onOnline)
    win.document.removeEventListener('visibilitychange', onVisible)
  }
}

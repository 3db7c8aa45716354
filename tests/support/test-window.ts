/**
 * Test doubles for the code that runs work on timers and browser events (the sync scheduler, the
 * evidence upload schedule, the survey answer queue). Not imported by app code.
 */
import { afterEach, beforeEach, vi } from 'vitest'

/** A window whose `online`, `visibilitychange` … events a test fires, with a settable `navigator.onLine`. */
export function fakeWindow(onLine = true) {
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  const win = Object.assign(new EventTarget(), { navigator: { onLine }, document })
  const fire = (type: string) => void win.dispatchEvent(new Event(type))
  return Object.assign(win, { fire }) as unknown as Window & { navigator: { onLine: boolean }; fire: typeof fire }
}

/** Moves the fake clock on by `ms` (running what falls due) and says how often `fn` has been called by then. */
export async function callsAfter(ms: number, fn: { mock: { calls: unknown[] } }): Promise<number> {
  await vi.advanceTimersByTimeAsync(ms)
  return fn.mock.calls.length
}

/**
 * A Web Locks model for one lock name: one holder at a time; a request waits its turn, or with
 * `ifAvailable` is called at once with null while another holds it. `held()` says whether it is held.
 */
export function exclusiveLocks() {
  let held = false
  const queue: (() => void)[] = []
  type Callback = (lock: object | null) => unknown
  const request = vi.fn((_name: string, a: Callback | { ifAvailable?: boolean }, b?: Callback) => {
    const [opts, cb] = typeof a === 'function' ? [{}, a] : [a, b as Callback]
    if (held && opts.ifAvailable) return Promise.resolve(cb(null))
    return new Promise((resolve, reject) => {
      const grant = () => {
        held = true
        Promise.resolve()
          .then(() => cb({}))
          .then(resolve, reject)
          .finally(() => {
            held = false
            queue.shift()?.()
          })
      }
      if (held) queue.push(grant)
      else grant()
    })
  })
  return { request, held: () => held, locks: { request } as unknown as LockManager }
}

/** Every test in the file runs on Vitest's fake clock (moved on with `callsAfter`). */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}

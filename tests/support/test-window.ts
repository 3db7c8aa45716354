/**
 * Test doubles for the code that runs work on timers and browser events (the sync scheduler, the
 * evidence upload schedule, the survey answer queue). Not imported by app code.
 */
import { vi } from 'vitest'

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

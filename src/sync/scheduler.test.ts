import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, startScheduler } from './scheduler'
import { TransportError } from './ports'
import { callsAfter, fakeWindow } from '../../tests/support/test-window'

/** An exclusive Web Lock model: one holder at a time, others wait in order. */
function lockManager() {
  let held = false
  const queue: (() => void)[] = []
  return {
    request(_name: string, cb: () => Promise<void>) {
      return new Promise<void>((resolve) => {
        const grant = () => {
          held = true
          void cb().finally(() => {
            held = false
            queue.shift()?.()
            resolve()
          })
        }
        if (held) queue.push(grant)
        else grant()
      })
    },
  } as unknown as LockManager
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('scheduler', () => {
  it('lets only one tab push; the next takes over when the leader closes', async () => {
    const locks = lockManager()
    const win = fakeWindow()
    const runA = vi.fn(async () => undefined)
    const runB = vi.fn(async () => undefined)
    const a = startScheduler({ run: runA, locks, window: win, intervalMs: 1000 })
    const b = startScheduler({ run: runB, locks, window: win, intervalMs: 1000 })
    expect(await callsAfter(3500, runA)).toBeGreaterThanOrEqual(3)
    expect(runB).not.toHaveBeenCalled()
    a.stop()
    expect(await callsAfter(2500, runB)).toBeGreaterThanOrEqual(2)
    b.stop()
  })

  it('syncs when the browser comes back online and on focus', async () => {
    const win = fakeWindow()
    const run = vi.fn(async () => undefined)
    const s = startScheduler({ run, locks: null, window: win, intervalMs: 60_000 })
    expect(await callsAfter(10, run)).toBe(1)
    win.fire('online')
    expect(await callsAfter(10, run)).toBe(2)
    win.fire('focus')
    expect(await callsAfter(10, run)).toBe(3)
    s.stop()
  })

  it('backs off after failures, with jitter, and reports each failure', async () => {
    const win = fakeWindow()
    const delays: number[] = []
    const run = vi.fn(async () => {
      throw new TransportError('down', 'offline')
    })
    const s = startScheduler({
      run,
      onResult: (o) => void (!o.ok && delays.push(o.retryInMs)),
      locks: null,
      window: win,
      intervalMs: 60_000,
      random: () => 1,
    })
    expect(await callsAfter(1000 + 2000 + 4000 + 10, run)).toBe(4)
    expect(delays).toEqual([1000, 2000, 4000, 8000])
    s.stop()
  })

  it('keeps the delay within [50%, 100%] of the exponential ceiling, capped at 5 minutes', () => {
    expect(backoffDelay(1, () => 0)).toBe(500)
    expect(backoffDelay(3, () => 0.5)).toBe(3000)
    expect(backoffDelay(30, () => 1)).toBe(300_000)
  })
})

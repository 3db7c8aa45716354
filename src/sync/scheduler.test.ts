import { afterEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, startScheduler } from './scheduler'
import { TransportError } from './ports'

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

function fakeWindow() {
  const target = new EventTarget()
  return Object.assign(target, { navigator: { onLine: true } })
}

afterEach(() => vi.useRealTimers())

describe('scheduler', () => {
  it('lets only one tab push; the next takes over when the leader closes', async () => {
    vi.useFakeTimers()
    const locks = lockManager()
    const win = fakeWindow()
    const runs = { a: 0, b: 0 }
    const a = startScheduler({ run: async () => void runs.a++, locks, window: win, intervalMs: 1000 })
    const b = startScheduler({ run: async () => void runs.b++, locks, window: win, intervalMs: 1000 })
    await vi.advanceTimersByTimeAsync(3500)
    expect(runs.a).toBeGreaterThanOrEqual(3)
    expect(runs.b).toBe(0)
    a.stop()
    await vi.advanceTimersByTimeAsync(2500)
    expect(runs.b).toBeGreaterThanOrEqual(2)
    b.stop()
  })

  it('syncs when the browser comes back online and on focus', async () => {
    vi.useFakeTimers()
    const win = fakeWindow()
    let runs = 0
    const s = startScheduler({ run: async () => void runs++, locks: null, window: win, intervalMs: 60_000 })
    await vi.advanceTimersByTimeAsync(10)
    win.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(10)
    win.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(10)
    expect(runs).toBe(3)
    s.stop()
  })

  it('backs off after failures, with jitter, and reports each failure', async () => {
    vi.useFakeTimers()
    const win = fakeWindow()
    const delays: number[] = []
    let runs = 0
    const s = startScheduler({
      run: async () => {
        runs++
        throw new TransportError('down', 'offline')
      },
      onResult: (o) => void (!o.ok && delays.push(o.retryInMs)),
      locks: null, window: win, intervalMs: 60_000, random: () => 1,
    })
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 10)
    expect(delays).toEqual([1000, 2000, 4000, 8000])
    expect(runs).toBe(4)
    s.stop()
  })

  it('keeps the delay within [50%, 100%] of the exponential ceiling, capped at 5 minutes', () => {
    expect(backoffDelay(1, () => 0)).toBe(500)
    expect(backoffDelay(3, () => 0.5)).toBe(3000)
    expect(backoffDelay(30, () => 1)).toBe(300_000)
  })
})

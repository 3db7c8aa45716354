import { describe, expect, it, vi } from 'vitest'
import { startScheduler } from './scheduler'
import { TransportError } from './ports'
import { callsAfter, exclusiveLocks, fakeWindow, useFakeClock } from '../../tests/support/test-window'

useFakeClock()

describe('scheduler', () => {
  it('lets only one tab push; the next takes over when the leader closes', async () => {
    const { locks } = exclusiveLocks()
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

  /** A scheduler whose every pass fails with `kind`; `delays` are the retry delays it reported. */
  function failing(kind: TransportError['kind'], intervalMs: number) {
    const delays: number[] = []
    const run = vi.fn(async () => {
      throw new TransportError('down', kind)
    })
    const onResult = (o: { ok: boolean; retryInMs?: number }) => void (!o.ok && delays.push(o.retryInMs ?? NaN))
    const s = startScheduler({ run, onResult, locks: null, window: fakeWindow(), intervalMs, random: () => 1 })
    return { run, delays, s }
  }

  it('backs off after failures, with jitter, and reports each failure', async () => {
    const { run, delays, s } = failing('offline', 60_000)
    expect(await callsAfter(1000 + 2000 + 4000 + 10, run)).toBe(4)
    expect(delays).toEqual([1000, 2000, 4000, 8000])
    s.stop()
  })

  it('waits for the regular pass, not the backoff, when the session is refused', async () => {
    const { run, delays, s } = failing('unauthenticated', 30_000)
    expect(await callsAfter(29_999, run)).toBe(1)
    expect(await callsAfter(1, run)).toBe(2)
    expect(delays).toEqual([30_000, 30_000])
    s.stop()
  })
})

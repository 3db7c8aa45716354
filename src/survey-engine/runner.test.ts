import { describe, expect, it, vi } from 'vitest'
import { callsAfter, exclusiveLocks, fakeWindow, useFakeClock } from '../../tests/support/test-window'
import type { FlushResult, SurveyQueue } from './queue'
import { startQueueRunner } from './runner'

function fakeQueue(results: FlushResult[]) {
  const flush = vi.fn(async () => results.shift() ?? { sent: 0, waiting: 0, refused: 0 })
  return { queue: { flush } as unknown as SurveyQueue, flush }
}

useFakeClock()

describe('queue runner', () => {
  it('sends at start and when the phone comes back online, not while offline', async () => {
    const win = fakeWindow(false)
    const { queue, flush } = fakeQueue([])
    const runner = startQueueRunner({ queue, window: win, locks: exclusiveLocks().locks })
    expect(await callsAfter(60_000, flush)).toBe(0)
    win.navigator.onLine = true
    win.fire('online')
    expect(await callsAfter(0, flush)).toBe(1)
    runner.stop()
    win.fire('online')
    expect(await callsAfter(60_000, flush)).toBe(1)
  })

  it('retries on a backing-off timer while answers wait, and stops once they are sent', async () => {
    const win = fakeWindow(true)
    const waiting = { sent: 0, waiting: 1, refused: 0 }
    const { queue, flush } = fakeQueue([waiting, waiting, { sent: 1, waiting: 0, refused: 0 }])
    const runner = startQueueRunner({ queue, window: win, locks: exclusiveLocks().locks, retryMs: [100, 1000] })
    expect(await callsAfter(0, flush)).toBe(1)
    expect(await callsAfter(100, flush)).toBe(2)
    expect(await callsAfter(999, flush)).toBe(2)
    expect(await callsAfter(1, flush)).toBe(3)
    expect(await callsAfter(10_000, flush)).toBe(3)
    runner.stop()
  })

  it('sends from one tab at a time: another tab holding the lock leaves it the queue and looks again after the first delay', async () => {
    const win = fakeWindow(true)
    const { locks, request } = exclusiveLocks()
    let otherTabDone: () => void = () => undefined
    void locks.request('technician-hub-surveys', () => new Promise<void>((resolve) => (otherTabDone = resolve)))
    const { queue, flush } = fakeQueue([])
    const runner = startQueueRunner({ queue, window: win, locks, retryMs: [100, 1000] })
    expect(await callsAfter(99, flush)).toBe(0)
    expect(request).toHaveBeenLastCalledWith('technician-hub-surveys', { ifAvailable: true }, expect.any(Function))
    otherTabDone()
    expect(await callsAfter(1, flush)).toBe(1)
    runner.stop()
  })
})

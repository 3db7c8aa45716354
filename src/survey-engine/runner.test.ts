import { afterEach, describe, expect, it, vi } from 'vitest'
import { callsAfter, fakeWindow } from '../../tests/support/test-window'
import type { FlushResult, SurveyQueue } from './queue'
import { startQueueRunner } from './runner'

function fakeQueue(results: FlushResult[]) {
  const flush = vi.fn(async () => results.shift() ?? { sent: 0, waiting: 0, refused: 0 })
  return { queue: { flush } as unknown as SurveyQueue, flush }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('queue runner', () => {
  it('sends at start and when the phone comes back online, not while offline', async () => {
    const win = fakeWindow(false)
    const { queue, flush } = fakeQueue([])
    const runner = startQueueRunner({ queue, window: win })
    expect(flush).not.toHaveBeenCalled()
    win.navigator.onLine = true
    win.fire('online')
    expect(flush).toHaveBeenCalledTimes(1)
    runner.stop()
    win.fire('online')
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('retries on a backing-off timer while answers wait, and stops once they are sent', async () => {
    vi.useFakeTimers()
    const win = fakeWindow(true)
    const waiting = { sent: 0, waiting: 1, refused: 0 }
    const { queue, flush } = fakeQueue([waiting, waiting, { sent: 1, waiting: 0, refused: 0 }])
    const runner = startQueueRunner({ queue, window: win, retryMs: [100, 1000] })
    expect(flush).toHaveBeenCalledTimes(1)
    expect(await callsAfter(100, flush)).toBe(2)
    expect(await callsAfter(999, flush)).toBe(2)
    expect(await callsAfter(1, flush)).toBe(3)
    expect(await callsAfter(10_000, flush)).toBe(3)
    runner.stop()
  })
})

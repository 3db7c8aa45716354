import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FlushResult, SurveyQueue } from './queue'
import { startQueueRunner } from './runner'

function fakeWindow(online: boolean) {
  const target = new EventTarget()
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  const win = Object.assign(target, { navigator: { onLine: online }, document: doc })
  return win as unknown as Window & { navigator: { onLine: boolean } }
}

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
    win.dispatchEvent(new Event('online'))
    expect(flush).toHaveBeenCalledTimes(1)
    runner.stop()
    win.dispatchEvent(new Event('online'))
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('retries on a backing-off timer while answers wait, and stops once they are sent', async () => {
    vi.useFakeTimers()
    const win = fakeWindow(true)
    const waiting = { sent: 0, waiting: 1, refused: 0 }
    const { queue, flush } = fakeQueue([waiting, waiting, { sent: 1, waiting: 0, refused: 0 }])
    const runner = startQueueRunner({ queue, window: win, retryMs: [100, 1000] })
    expect(flush).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(flush).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(999)
    expect(flush).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(flush).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(flush).toHaveBeenCalledTimes(3)
    runner.stop()
  })
})

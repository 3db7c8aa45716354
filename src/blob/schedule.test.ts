import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startUploadSchedule, type UploadScheduleOptions } from './schedule'
import type { PassSummary } from './uploader'

const ok: PassSummary = { uploaded: 0, removed: 0, failed: 0, refused: 0, offline: false }

function fakeWindow(onLine = true) {
  const listeners = new Map<string, () => void>()
  const win = {
    navigator: { onLine },
    addEventListener: (type: string, fn: () => void) => void listeners.set(type, fn),
    removeEventListener: (type: string) => void listeners.delete(type),
  }
  return Object.assign(win as unknown as NonNullable<UploadScheduleOptions['window']>, { fire: (type: string) => listeners.get(type)?.() })
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the upload schedule', () => {
  it('runs at start, and again when the browser comes online', async () => {
    const win = fakeWindow(false)
    const run = vi.fn(async () => ok)
    const schedule = startUploadSchedule({ run, nextDue: async () => 0, window: win, locks: null })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(run).not.toHaveBeenCalled()
    ;(win.navigator as { onLine: boolean }).onLine = true
    win.fire('online')
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    schedule.stop()
  })

  it('wakes when the earliest retry falls due, and not before', async () => {
    const win = fakeWindow()
    let due: number | null = Date.now() + 4_000
    const run = vi.fn(async () => ok)
    const schedule = startUploadSchedule({ run, nextDue: async () => due, window: win, locks: null })
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    due = null
    await vi.advanceTimersByTimeAsync(3_900)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(run).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(run).toHaveBeenCalledTimes(2)
    schedule.stop()
  })

  it('coalesces triggers during a pass into one more pass', async () => {
    const win = fakeWindow()
    let release: () => void = () => undefined
    const run = vi.fn(() => new Promise<PassSummary>((resolve) => (release = () => resolve(ok))))
    const schedule = startUploadSchedule({ run, nextDue: async () => null, window: win, locks: null })
    schedule.trigger()
    schedule.trigger()
    release()
    await vi.advanceTimersByTimeAsync(0)
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
    schedule.stop()
  })

  it('leaves the work to the tab that holds the lock, and looks again later', async () => {
    const win = fakeWindow()
    const run = vi.fn(async () => ok)
    const busy = { request: vi.fn(async (_name: string, _opts: unknown, fn: (lock: null) => unknown) => fn(null)) }
    const schedule = startUploadSchedule({ run, nextDue: async () => 0, window: win, locks: busy as unknown as LockManager, intervalMs: 10_000 })
    await vi.advanceTimersByTimeAsync(0)
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(busy.request).toHaveBeenCalledTimes(2)
    schedule.stop()
  })
})

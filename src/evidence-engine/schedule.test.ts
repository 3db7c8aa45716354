import { describe, expect, it, vi } from 'vitest'
import { callsAfter, fakeWindow, useFakeClock } from '../../tests/support/test-window'
import { startUploadSchedule } from './schedule'
import type { PassSummary } from './uploader'

const ok: PassSummary = { uploaded: 0, removed: 0, failed: 0, refused: 0, offline: false }

useFakeClock()

describe('the upload schedule', () => {
  it('runs at start, and again when the browser comes online', async () => {
    const win = fakeWindow(false)
    const run = vi.fn(async () => ok)
    const schedule = startUploadSchedule({ run, nextDue: async () => 0, window: win, locks: null })
    expect(await callsAfter(5_000, run)).toBe(0)
    win.navigator.onLine = true
    win.fire('online')
    expect(await callsAfter(0, run)).toBe(1)
    schedule.stop()
  })

  it('wakes when the earliest retry falls due, and not before', async () => {
    const win = fakeWindow()
    let due: number | null = Date.now() + 4_000
    const run = vi.fn(async () => ok)
    const schedule = startUploadSchedule({ run, nextDue: async () => due, window: win, locks: null })
    expect(await callsAfter(0, run)).toBe(1)
    due = null
    expect(await callsAfter(3_900, run)).toBe(1)
    expect(await callsAfter(200, run)).toBe(2)
    expect(await callsAfter(120_000, run)).toBe(2)
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
    expect(await callsAfter(0, run)).toBe(2)
    schedule.stop()
  })

  it('leaves the work to the tab that holds the lock, and looks again later', async () => {
    const win = fakeWindow()
    const run = vi.fn(async () => ok)
    const busy = { request: vi.fn(async (_name: string, _opts: unknown, fn: (lock: null) => unknown) => fn(null)) }
    const schedule = startUploadSchedule({
      run,
      nextDue: async () => 0,
      window: win,
      locks: busy as unknown as LockManager,
      intervalMs: 10_000,
    })
    expect(await callsAfter(0, run)).toBe(0)
    expect(await callsAfter(10_000, busy.request)).toBe(2)
    schedule.stop()
  })
})

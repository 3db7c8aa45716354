import { describe, expect, it, vi } from 'vitest'
import { callsAfter, exclusiveLocks, fakeWindow, useFakeClock } from '../../tests/support/test-window'
import { backoffDelay, startBackgroundJob, type BackgroundJobOptions, type RunResult } from './background-job'

useFakeClock()

/** A job with no Web Locks and a fixed 1 s backoff unless a test says otherwise. */
function job(run: () => Promise<RunResult>, extra: Partial<BackgroundJobOptions> = {}) {
  const win = fakeWindow()
  const started = startBackgroundJob({
    name: 'test-job',
    triggers: { events: ['online'] },
    lock: { mode: 'each-run', retryMs: 10_000 },
    backoff: () => 1_000,
    run,
    window: win,
    locks: null,
    ...extra,
  })
  return { win, job: started }
}

const done = () => vi.fn(async (): Promise<RunResult> => undefined)

describe('a background job', () => {
  it('runs at start, on trigger() and on the browser events it asked for, and nothing else', async () => {
    const run = done()
    const win = fakeWindow()
    const j = startBackgroundJob({
      name: 'test-job',
      triggers: { events: ['online', 'visible'] },
      lock: { mode: 'each-run', retryMs: 10_000 },
      backoff: () => 1_000,
      run,
      window: win,
      locks: null,
    })
    expect(await callsAfter(0, run)).toBe(1)
    j.trigger()
    expect(await callsAfter(0, run)).toBe(2)
    win.fire('online')
    expect(await callsAfter(0, run)).toBe(3)
    win.document.dispatchEvent(new Event('visibilitychange'))
    expect(await callsAfter(0, run)).toBe(4)
    Object.assign(win.document, { visibilityState: 'hidden' })
    win.document.dispatchEvent(new Event('visibilitychange'))
    win.fire('focus')
    expect(await callsAfter(60_000, run)).toBe(4)
    j.stop()
  })

  it('runs on focus when asked, and on its regular timer after each run', async () => {
    const run = done()
    const { win, job: j } = job(run, { triggers: { events: ['focus'], everyMs: 5_000 } })
    expect(await callsAfter(0, run)).toBe(1)
    win.fire('focus')
    expect(await callsAfter(0, run)).toBe(2)
    expect(await callsAfter(4_999, run)).toBe(2)
    expect(await callsAfter(1, run)).toBe(3)
    j.stop()
  })

  it('runs again when a run asks for it ({ nextInMs })', async () => {
    const run = vi.fn(async (): Promise<RunResult> => (run.mock.calls.length === 1 ? { nextInMs: 3_000 } : undefined))
    const { job: j } = job(run, { triggers: { events: [], everyMs: 60_000 } })
    expect(await callsAfter(2_999, run)).toBe(1)
    expect(await callsAfter(1, run)).toBe(2)
    j.stop()
  })

  it('runs one at a time: triggers during a run give exactly one more run after it', async () => {
    let active = 0
    let most = 0
    const releases: (() => void)[] = []
    const run = vi.fn(async (): Promise<RunResult> => {
      most = Math.max(most, ++active)
      await new Promise<void>((resolve) => releases.push(resolve))
      active--
    })
    const { win, job: j } = job(run)
    j.trigger()
    win.fire('online')
    j.trigger()
    expect(await callsAfter(0, run)).toBe(1)
    releases.shift()?.()
    expect(await callsAfter(0, run)).toBe(2)
    releases.shift()?.()
    expect(await callsAfter(60_000, run)).toBe(2)
    expect(most).toBe(1)
    j.stop()
  })

  it('skips runs while the browser is offline, without counting a failure, and runs when it comes online', async () => {
    const run = done()
    const backoff = vi.fn((_failures: number) => 1_000)
    const { win, job: j } = job(run, { backoff, triggers: { events: ['online'], everyMs: 1_000 } })
    expect(await callsAfter(0, run)).toBe(1)
    win.navigator.onLine = false
    j.trigger()
    expect(await callsAfter(5_000, run)).toBe(1)
    win.navigator.onLine = true
    win.fire('online')
    expect(await callsAfter(0, run)).toBe(2)
    expect(backoff).not.toHaveBeenCalled()
    j.stop()
  })

  it('backs off longer after each failure in a row, and starts over after a success', async () => {
    const script: (RunResult | Error)[] = [new Error('down'), 'retry', new Error('down'), undefined, new Error('down')]
    const start = Date.now()
    const times: number[] = []
    const run = vi.fn(async (): Promise<RunResult> => {
      times.push(Date.now() - start)
      const next = script.shift()
      if (next instanceof Error) throw next
      return next
    })
    const backoff = vi.fn((failures: number) => 1_000 * 2 ** (failures - 1))
    const outcomes: unknown[] = []
    const { job: j } = job(run, { backoff, onResult: (o) => outcomes.push(o) })
    await callsAfter(7_000, run)
    j.trigger()
    await callsAfter(0, run)
    // Failed at 0, 1 s and 3 s: waits 1, 2, then 4 s; succeeds at 7 s; the next failure waits 1 s again.
    expect(times).toEqual([0, 1_000, 3_000, 7_000, 7_000])
    expect(backoff.mock.calls.map(([n]) => n)).toEqual([1, 2, 3, 1])
    expect(outcomes).toEqual([
      { ok: false, retryInMs: 1_000, error: new Error('down') },
      { ok: false, retryInMs: 2_000 },
      { ok: false, retryInMs: 4_000, error: new Error('down') },
      { ok: true },
      { ok: false, retryInMs: 1_000, error: new Error('down') },
    ])
    j.stop()
  })

  it('starts the backoff over when the browser comes back online', async () => {
    const run = vi.fn(async (): Promise<RunResult> => 'retry')
    const backoff = vi.fn((_failures: number) => 60_000)
    const { win, job: j } = job(run, { backoff })
    await callsAfter(0, run)
    j.trigger()
    await callsAfter(0, run)
    win.fire('online')
    await callsAfter(0, run)
    expect(backoff.mock.calls.map(([n]) => n)).toEqual([1, 2, 1])
    j.stop()
  })

  it('as leader, holds its Web Lock for life: only one tab runs, the next takes over when it stops', async () => {
    const { locks, request } = exclusiveLocks()
    const runA = done()
    const runB = done()
    const leader = { name: 'test-job', lock: { mode: 'leader' } as const, triggers: { events: [], everyMs: 1_000 }, locks }
    const a = job(runA, leader).job
    const b = job(runB, leader).job
    expect(await callsAfter(3_500, runA)).toBe(4)
    expect(runB).not.toHaveBeenCalled()
    expect(request.mock.calls.map(([name]) => name)).toEqual(['test-job', 'test-job'])
    b.trigger()
    expect(await callsAfter(0, runB)).toBe(0)
    a.stop()
    expect(await callsAfter(2_500, runB)).toBe(3)
    expect(await callsAfter(2_500, runA)).toBe(4)
    b.stop()
  })

  it('with an each-run lock, takes it for every run, and when another tab holds it leaves the work and looks again later', async () => {
    const { locks, request, held } = exclusiveLocks()
    let heldDuringRun = false
    const run = vi.fn(async (): Promise<RunResult> => void (heldDuringRun = held()))
    const other = locks.request('test-job', () => new Promise<void>(() => undefined))
    void other
    const { job: j } = job(run, { locks, lock: { mode: 'each-run', retryMs: 10_000 } })
    expect(await callsAfter(9_999, run)).toBe(0)
    expect(request).toHaveBeenLastCalledWith('test-job', { ifAvailable: true }, expect.any(Function))
    expect(await callsAfter(1, request)).toBe(3)
    j.stop()

    const free = exclusiveLocks()
    const second = job(run, { locks: free.locks }).job
    expect(await callsAfter(0, run)).toBe(1)
    expect(heldDuringRun).toBe(true)
    expect(free.held()).toBe(false)
    second.stop()
  })

  it('stops: no run from its timer, events or trigger() after stop(), and a run in flight schedules nothing', async () => {
    let release: () => void = () => undefined
    const run = vi.fn(() => new Promise<RunResult>((resolve) => (release = () => resolve(undefined))))
    const onResult = vi.fn()
    const { win, job: j } = job(run, { triggers: { events: ['online', 'focus'], everyMs: 1_000 }, onResult })
    expect(await callsAfter(0, run)).toBe(1)
    j.stop()
    release()
    win.fire('online')
    win.fire('focus')
    j.trigger()
    expect(await callsAfter(60_000, run)).toBe(1)
    expect(onResult).not.toHaveBeenCalled()
  })
})

describe('backoffDelay', () => {
  it('keeps the delay within [50%, 100%] of the exponential ceiling, capped at 5 minutes', () => {
    expect(backoffDelay(1, () => 0)).toBe(500)
    expect(backoffDelay(3, () => 0.5)).toBe(3000)
    expect(backoffDelay(30, () => 1)).toBe(300_000)
  })
})

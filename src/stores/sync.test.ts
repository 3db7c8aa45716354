// @vitest-environment happy-dom
/** The sync store's lifecycle: one scheduler for whoever was started last, none after a stop. */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionFor } from '../../tests/support/people'

const platform = vi.hoisted(() => ({
  /** loadPlatform waits for this (the Firebase chunk still loading); `release` ends the wait. */
  loaded: Promise.resolve(),
  release: () => undefined as void,
  schedulers: [] as { stopped: boolean }[],
}))

vi.mock('@/platform/load', () => ({
  loadPlatform: async () => {
    await platform.loaded
    return { transport: () => ({}) }
  },
}))
vi.mock('@/sync/scheduler', () => ({
  startScheduler: () => {
    const s = { stopped: false, trigger: () => undefined, stop: () => (s.stopped = true) }
    platform.schedulers.push(s)
    return s
  },
}))

const { useSyncStore } = await import('./sync')

beforeEach(() => {
  setActivePinia(createPinia())
  platform.schedulers.length = 0
  platform.loaded = new Promise<void>((resolve) => (platform.release = resolve))
})

/** The platform finishes loading; every pending start goes on. */
async function loadAll(starts: Promise<void>[]) {
  platform.release()
  await Promise.all(starts)
}

describe('sync store', () => {
  it('runs one scheduler when a second start overtakes one still loading the platform', async () => {
    const sync = useSyncStore()
    const first = sync.start(sessionFor())
    const second = sync.start(sessionFor({ role: 'lead', uid: 'me' }))
    await loadAll([first, second])
    expect(platform.schedulers.filter((s) => !s.stopped)).toHaveLength(1)
    expect(sync.phase).not.toBe('signed-out')
  })

  it('a stop while the platform loads leaves nothing running', async () => {
    const sync = useSyncStore()
    const started = sync.start(sessionFor())
    sync.stop()
    await loadAll([started])
    expect(platform.schedulers.filter((s) => !s.stopped)).toHaveLength(0)
    expect(sync.phase).toBe('signed-out')
  })
})

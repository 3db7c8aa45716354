import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, watch } from 'vue'
import { inTurn, useRevealed } from './use-revealed'

describe('useRevealed', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('renders the first screenful with the data, then a few more per task until all are in', async () => {
    const total = ref(0)
    const scope = effectScope()
    const limit = scope.run(() => useRevealed(() => total.value, { first: 4, step: 3 }))!
    expect(limit.value).toBe(4)
    total.value = 12
    await nextTick()
    // Microtasks alone (the rest of this render) add nothing: the rest waits for a later task.
    expect(limit.value).toBe(4)
    const seen = [limit.value]
    scope.run(() => watch(limit, (n) => seen.push(n), { flush: 'sync' }))
    await vi.runAllTimersAsync()
    // A step at a time, never the whole list at once.
    expect(seen).toEqual([4, 7, 10, 13])
    scope.stop()
  })

  it('starts again from the first screenful when the list changes (another theme), and stops when the view goes', async () => {
    const total = ref(20)
    const key = ref('all')
    const scope = effectScope()
    const limit = scope.run(() => useRevealed(() => total.value, { first: 4, step: 3, key: () => key.value }))!
    await vi.runAllTimersAsync()
    expect(limit.value).toBe(22)
    key.value = 'visibility'
    total.value = 9
    await nextTick()
    expect(limit.value).toBe(4)
    scope.stop()
    await vi.runAllTimersAsync()
    expect(limit.value).toBe(4)
  })
})

describe('inTurn', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resolves each loader in a later task than the one before it, in the order asked, past a failure too', async () => {
    const turn = inTurn()
    const done: string[] = []
    const loaders = ['a', 'b', 'c'].map((name) =>
      turn(async () => {
        if (name === 'b') throw new Error('offline')
        return name
      }),
    )
    const results = loaders.map((load, i) =>
      load().then(
        (v) => done.push(v),
        () => done.push(`failed ${i}`),
      ),
    )
    await Promise.resolve()
    expect(done).toEqual([])
    // Timer by timer (an animation frame, then a task, per loader): never two in one task.
    const counts: number[] = []
    while (done.length < 3 && counts.length < 20) {
      vi.advanceTimersToNextTimer()
      for (let i = 0; i < 20; i++) await Promise.resolve()
      counts.push(done.length)
    }
    await Promise.all(results)
    expect(done).toEqual(['a', 'failed 1', 'c'])
    expect(counts).toEqual([1, 2, 3])
  })
})

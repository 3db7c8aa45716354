import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, watch } from 'vue'
import { useRevealed } from './use-revealed'

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

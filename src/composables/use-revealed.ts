import { onScopeDispose, ref, watch, type Ref } from 'vue'

/** Resolves in a task after the browser has painted (a hidden page paints nothing: then at once, in a task). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden'
    if (visible && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0))
    else setTimeout(resolve, 0)
  })
}

/**
 * How many items of a long list to render: the first screenful with the data, then `step` more per
 * task after each paint until all are in. The first cards paint without waiting for the rest, and
 * no task renders the whole list (Plan's 36 action cards in one task were 900 ms at 4× CPU).
 * Returns a count to `slice` by; it restarts when the list's key (a plan, a filter) changes.
 */
export function useRevealed(total: () => number, options: { first?: number; step?: number; key?: () => unknown } = {}): Ref<number> {
  const first = options.first ?? 4
  const step = options.step ?? 3
  const limit = ref(first)
  let run = 0
  let stopped = false
  async function reveal(mine: number) {
    while (!stopped && mine === run && limit.value < total()) {
      await afterPaint()
      if (stopped || mine !== run) return
      limit.value += step
    }
  }
  watch(
    () => [total(), options.key?.()] as const,
    ([count, key], previous) => {
      if (previous && previous[1] !== key) limit.value = first
      if (count > limit.value) void reveal(++run)
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    stopped = true
  })
  return limit
}

/**
 * Wraps loaders (of `defineAsyncComponent`) so each resolves a paint after the one before it: the
 * components they load set up and render one per task instead of all in the task their code
 * arrives in (Home's five cards mounted together were one 230 ms task at 4× CPU). A group that
 * waits for all of them (SettledGroup's Suspense) still shows them together.
 */
export function inTurn(): <T>(load: () => Promise<T>) => () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve()
  return (load) => () => {
    const mine = last.then(afterPaint).then(load)
    last = mine.catch(() => undefined)
    return mine
  }
}

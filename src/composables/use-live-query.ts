import { liveQuery, type Subscription } from 'dexie'
import { getCurrentInstance, getCurrentScope, onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'
import { firstAnswers, injectSettleGate } from './settle-gate'

export interface UseLiveQueryOptions<T> {
  /** Value until the first result arrives (views render it at once, so keep it cheap). */
  initial: T
  /** Re-subscribe when this changes (e.g. a route param the query depends on). */
  deps?: WatchSource
  /** Where query errors go; defaults to console.error so a broken query is never silent. */
  onError?: (error: unknown) => void
}

/**
 * A Dexie live query as a shallow ref: re-runs whenever the tables it read change (in this tab
 * or another) and unsubscribes when the calling component or effect scope is disposed.
 */
export function useLiveQuery<T>(querier: () => T | Promise<T>, options: UseLiveQueryOptions<T>): ShallowRef<T> {
  const result = shallowRef(options.initial) as ShallowRef<T>
  const onError = options.onError ?? ((error: unknown) => console.error('Live query failed', error))
  let subscription: Subscription | undefined
  // Inside a settle group (Home), the group waits for this query's first answer before showing.
  const gate = getCurrentInstance() ? injectSettleGate() : null
  let answered: (() => void) | undefined
  const first = new Promise<void>((resolve) => (answered = resolve))
  firstAnswers.track(first)
  if (gate) gate.track(first)

  const subscribe = () => {
    subscription?.unsubscribe()
    subscription = liveQuery(querier).subscribe({
      next: (value) => {
        result.value = value
        answered?.()
      },
      error: (error: unknown) => {
        answered?.()
        onError(error)
      },
    })
  }

  if (options.deps) watch(options.deps, subscribe, { immediate: true })
  else subscribe()

  if (getCurrentScope()) {
    onScopeDispose(() => {
      answered?.()
      subscription?.unsubscribe()
      subscription = undefined
    })
  }
  return result
}

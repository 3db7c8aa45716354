import { inject, provide, type InjectionKey } from 'vue'

/**
 * A group of views that should appear together, once their first data is in, rather than one by
 * one (each arrival pushing the others down is layout shift: Home measured CLS 0.32 without it).
 * Live queries started inside the group report their first result here.
 */
export interface SettleGate {
  track(first: Promise<unknown>): void
  /** Resolves when every tracked query has answered once, including ones tracked meanwhile. */
  settled(): Promise<void>
}

const KEY: InjectionKey<SettleGate> = Symbol('settle-gate')

export function createSettleGate(): SettleGate {
  const pending = new Set<Promise<unknown>>()
  return {
    track(first) {
      const p = first.catch(() => undefined).finally(() => pending.delete(p))
      pending.add(p)
    },
    async settled() {
      // A query that answers may mount a child that starts another: wait until none is left.
      while (pending.size) await Promise.all([...pending])
    },
  }
}

/**
 * Every live query's first answer, app-wide: the start-up waits on it before it swaps the
 * prerendered shell's last-seen picture for the app's page (src/features/shell/last-seen.ts).
 */
export const firstAnswers: SettleGate = createSettleGate()

export function provideSettleGate(gate: SettleGate = createSettleGate()): SettleGate {
  provide(KEY, gate)
  return gate
}

/** The group this component renders in, if any (only callable from setup). */
export function injectSettleGate(): SettleGate | null {
  return inject(KEY, null)
}

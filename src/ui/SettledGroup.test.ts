// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- small test components, defined beside the test */
import { flushPromises, mount } from '@vue/test-utils'
import Dexie, { type Table } from 'dexie'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { defineAsyncComponent, defineComponent, h, type Component } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import SettledGroup from './SettledGroup.vue'

class CardsDb extends Dexie {
  counts!: Table<{ key: string; value: number }, string>
  constructor() {
    super(`settled-group-test-${Math.random()}`)
    this.version(1).stores({ counts: 'key' })
  }
}
const db = new CardsDb()
afterAll(() => db.delete())

/** A Home-style card: its live query reads the device database; it renders '…' until then. */
function countCard(key: string): Component {
  return defineComponent({
    setup() {
      const count = useLiveQuery(async () => (await db.counts.get(key))?.value ?? 0, { initial: null as number | null })
      return () => h('p', `${key}: ${count.value ?? '…'}`)
    },
  })
}

/** The group's element, found in the page (the wrapper's root is a Suspense boundary). */
const group = () => document.body.querySelector<HTMLElement>('div.stack')!
const visible = () => group()?.style.display !== 'none'
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 10_000 })

describe('SettledGroup', () => {
  it('shows its cards together once each has loaded its code and answered its first query, never with placeholders', async () => {
    await db.counts.bulkPut([
      { key: 'Open surveys', value: 2 },
      { key: 'CPD hours', value: 12 },
    ])
    let load!: (c: Component) => void
    const LateCard = defineAsyncComponent(() => new Promise<Component>((resolve) => (load = resolve)))
    const Surveys = countCard('Open surveys')
    const w = mount(SettledGroup, {
      props: { timeoutMs: 10_000 },
      slots: { default: () => [h(Surveys), h(LateCard)] },
      attachTo: document.body,
    })
    await flushPromises()
    // The ready card's query has answered (a read queued after it has): the late card still holds the group.
    await db.counts.toArray()
    await flushPromises()
    // One card is ready, the other's code is still loading: nothing shows yet.
    expect(group() === null || !visible()).toBe(true)

    load(countCard('CPD hours'))
    await until(() => group() !== null && visible())
    expect(visible()).toBe(true)
    expect(group().textContent).toBe('Open surveys: 2CPD hours: 12')
    w.unmount()
  })

  it('shows what it has after the timeout when a query never answers', async () => {
    const Stuck = defineComponent({
      setup() {
        const value = useLiveQuery(() => new Promise<string>(() => {}), { initial: '…' })
        return () => h('p', value.value)
      },
    })
    const w = mount(SettledGroup, {
      props: { timeoutMs: 60 },
      slots: { default: () => [h('h2', 'At a glance'), h(Stuck)] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(visible()).toBe(false)
    await until(visible)
    expect(visible()).toBe(true)
    expect(group().textContent).toBe('At a glance…')
    w.unmount()
  })
})

import Dexie, { type Table } from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useLiveQuery } from './use-live-query'

interface Note {
  id: string
  kind: string
}

class NotesDb extends Dexie {
  notes!: Table<Note, string>
  constructor() {
    super(`live-query-test-${Math.random()}`)
    this.version(1).stores({ notes: 'id, kind' })
  }
}

const db = new NotesDb()
afterEach(() => db.notes.clear())

/** Waits until `check` holds (liveQuery re-runs asynchronously after a write). */
async function until(check: () => boolean) {
  await vi.waitFor(() => expect(check()).toBe(true), { timeout: 10_000 })
}

describe('useLiveQuery', () => {
  it('starts with the initial value and follows writes', async () => {
    const scope = effectScope()
    const notes = scope.run(() => useLiveQuery(() => db.notes.toArray(), { initial: [] as Note[] }))!
    expect(notes.value).toEqual([])
    await db.notes.add({ id: 'a', kind: 'x' })
    await until(() => notes.value.length === 1)
    scope.stop()
  })

  it('stops following when its scope is disposed', async () => {
    const scope = effectScope()
    const count = scope.run(() => useLiveQuery(() => db.notes.count(), { initial: -1 }))!
    await until(() => count.value === 0)
    scope.stop()
    // A second query, still followed, sees the write: by then the stopped one would have too.
    const witness = effectScope()
    const seen = witness.run(() => useLiveQuery(() => db.notes.count(), { initial: -1 }))!
    await until(() => seen.value === 0)
    await db.notes.add({ id: 'b', kind: 'x' })
    await until(() => seen.value === 1)
    expect(count.value).toBe(0)
    witness.stop()
  })

  it('re-subscribes when its deps change', async () => {
    await db.notes.bulkAdd([
      { id: 'c', kind: 'x' },
      { id: 'd', kind: 'y' },
    ])
    const kind = ref('x')
    const scope = effectScope()
    const ids = scope.run(() =>
      useLiveQuery(async () => (await db.notes.where('kind').equals(kind.value).toArray()).map((n) => n.id), {
        initial: [] as string[],
        deps: kind,
      }),
    )!
    await until(() => ids.value.join() === 'c')
    kind.value = 'y'
    await nextTick()
    await until(() => ids.value.join() === 'd')
    scope.stop()
  })
})

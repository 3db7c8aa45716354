/**
 * The sync status line and the engine's lifecycle: starts when a member is signed in, stops on
 * sign-out. Counts come from Dexie live queries, so every tab shows the same status.
 */
import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '@/domain/collections'
import { db, type Rejection } from '@/db/database'
import { loadPlatform } from '@/platform/load'
import { SyncEngine } from '@/sync/engine'
import { TransportError, type Session } from '@/sync/ports'
import { startScheduler, type Scheduler } from '@/sync/scheduler'
import { syncStatusText, type SyncPhase } from '@/sync/status'

export const useSyncStore = defineStore('sync', () => {
  const pending = ref(0)
  const rejections = shallowRef<Rejection[]>([])
  const lastSyncedAt = ref<number | null>(null)
  const phase = ref<SyncPhase>('signed-out')
  const lastError = ref<string | null>(null)
  /** Passes refused for the session (token or permission): the session layer then re-checks it. */
  const authFailures = ref(0)
  const now = ref(Date.now())
  const statusText = computed(() =>
    syncStatusText({
      phase: phase.value,
      pending: pending.value,
      rejected: rejections.value.length,
      lastSyncedAt: lastSyncedAt.value,
      now: now.value,
    }),
  )
  const subscriptions: Subscription[] = []
  let scheduler: Scheduler | null = null
  let clock: ReturnType<typeof setInterval> | undefined
  /** Counts stops, so a start still loading the platform knows it was overtaken. */
  let generation = 0

  watchLocal()
  return { pending, rejections, lastSyncedAt, phase, lastError, authFailures, statusText, start, stop, syncNow, dismiss }

  /** Starts syncing for a member; a session without an institution syncs only its own tree. */
  async function start(session: Session): Promise<void> {
    stop()
    const mine = generation
    const platform = await loadPlatform()
    // A stop, or a start for someone else, while the platform loaded: that one stands.
    if (mine !== generation) return
    const transport = platform.transport(() => ({ uid: session.uid, institutionId: session.institutionId ?? '' }))
    const engine = new SyncEngine({ db, transport, collections: () => collectionsFor(session) })
    phase.value = navigator.onLine ? 'idle' : 'offline'
    scheduler = startScheduler({
      run: async () => {
        phase.value = 'syncing'
        await engine.sync()
      },
      onResult: (outcome) => {
        if (outcome.ok) {
          phase.value = 'idle'
          lastError.value = null
        } else {
          phase.value = navigator.onLine ? 'error' : 'offline'
          lastError.value = outcome.error instanceof Error ? outcome.error.message : String(outcome.error)
          if (outcome.error instanceof TransportError && outcome.error.kind === 'unauthenticated') authFailures.value++
        }
      },
    })
    addEventListener('offline', markOffline)
    clock = setInterval(() => (now.value = Date.now()), 30_000)
  }

  function stop(): void {
    generation++
    scheduler?.stop()
    scheduler = null
    clearInterval(clock)
    removeEventListener('offline', markOffline)
    phase.value = 'signed-out'
  }

  function syncNow(): void {
    scheduler?.trigger()
  }

  /** The author has seen a refused change; it leaves the list (its content is in the message). */
  async function dismiss(mutationId: string): Promise<void> {
    await db.rejections.delete(mutationId)
  }

  function markOffline(): void {
    phase.value = 'offline'
  }

  function watchLocal(): void {
    let previous = 0
    subscriptions.push(
      liveQuery(() => db.outbox.count()).subscribe((n) => {
        pending.value = n
        // A new local change (from any tab) asks for a push.
        if (n > previous) scheduler?.trigger()
        previous = n
      }),
      liveQuery(() => db.rejections.orderBy('mutationId').toArray()).subscribe((r) => (rejections.value = r)),
      liveQuery(() => db.meta.get('lastSyncedAt')).subscribe((m) => (lastSyncedAt.value = typeof m?.value === 'number' ? m.value : null)),
    )
  }
})

/** What a session may pull: its own tree always; shared collections once it has an institution. */
export function collectionsFor(session: Pick<Session, 'institutionId'>): CollectionName[] {
  return COLLECTION_NAMES.filter((c) => COLLECTIONS[c].scope === 'user' || session.institutionId !== null)
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))

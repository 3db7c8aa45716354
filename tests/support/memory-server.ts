/**
 * An in-memory stand-in for Firestore + the push callable, running the same pure merge code as
 * the real function (src/domain/merge.ts). Used only by property tests, to run thousands of
 * schedules quickly; the same properties then run against the emulators.
 */
import { collectionPath, docPath, COLLECTIONS, type Caller, type CollectionName } from '@/domain/collections'
import { mutationFingerprint, reusedIdResult } from '@/domain/ledger'
import { mergeMutation, resultFor, type ServerDoc } from '@/domain/merge'
import { placesOf } from '@/domain/rules/profile'
import { MutationSchema, type Checkpoint, type Mutation, type MutationResult, type PushResponse, type SyncMeta } from '@/domain/sync'
import { validate } from '@/domain/validation'
import { TransportError, type SyncTransport } from '@/sync/ports'

export class MemoryServer {
  readonly docs = new Map<string, ServerDoc>()
  readonly ledger = new Map<string, MutationResult>()
  /** Ledger key → fingerprint of the mutation recorded under it. */
  readonly hashes = new Map<string, string>()
  /** How many times each mutation was actually applied (must never exceed 1). */
  readonly applyCount = new Map<string, number>()
  pullReads = 0
  private time = 1_000

  /**
   * `tick`: how far the clock moves between commits (≥ 1); `realTime`: the world's time, which
   * commits never precede (so devices' clocks, right or skewed, compare with the server's).
   */
  constructor(
    private readonly tick: () => number = () => 1,
    private readonly realTime: () => number = () => 0,
  ) {}

  /**
   * One push is one commit: every document it writes shares the commit time, as in a Firestore
   * transaction with server timestamps — so ties on updatedAt are the rule, not the exception.
   */
  push(caller: Caller, mutations: unknown[]): PushResponse {
    const results: MutationResult[] = []
    this.time = Math.max(this.time + Math.max(1, this.tick()), this.realTime())
    for (const raw of mutations) {
      const parsed = validate(MutationSchema, raw)
      if (!parsed.ok) throw new Error('invalid-argument')
      const m = parsed.value
      const key = `${caller.uid}__${m.mutationId}`
      const recorded = this.ledger.get(key)
      const hash = mutationFingerprint(m as Mutation)
      if (recorded) {
        results.push(this.hashes.get(key) === hash ? recorded : reusedIdResult(m as Mutation))
        continue
      }
      const ids = { uid: caller.uid, institutionId: caller.institutionId ?? '' }
      const path = docPath(m.collection, ids, m.docId)
      const existing = this.docs.get(path) ?? null
      const stamp = { now: this.time, mutationId: m.mutationId }
      // As syncPush: a profile's places are checked against the institution's lists.
      const places =
        m.collection === 'profiles' && caller.institutionId
          ? placesOf(this.docs.get(docPath('institutions', ids, caller.institutionId)))
          : undefined
      // As syncPush: a comment's author name comes from the author's profile.
      const profile = this.docs.get(docPath('profiles', ids, caller.uid))
      const authorName = profile && !profile.deleted && typeof profile.displayName === 'string' ? profile.displayName : undefined
      const outcome = mergeMutation(caller, m as Mutation, existing, { ...stamp, places, authorName })
      if (outcome.kind === 'write') {
        this.docs.set(path, outcome.doc)
        for (const d of outcome.derived) {
          const dPath = docPath(d.collection, ids, d.docId)
          this.docs.set(dPath, d.build(this.docs.get(dPath) ?? null, stamp))
        }
        this.applyCount.set(m.mutationId, (this.applyCount.get(m.mutationId) ?? 0) + 1)
      }
      const result = resultFor(m as Mutation, outcome, existing)
      this.ledger.set(key, result)
      this.hashes.set(key, hash)
      results.push(result)
    }
    return { results }
  }

  pull(caller: Caller, collection: CollectionName, after: Checkpoint | null, limit: number): SyncMeta[] {
    const ids = { uid: caller.uid, institutionId: caller.institutionId ?? '' }
    const prefix = COLLECTIONS[collection].scope === 'root' ? null : `${collectionPath(collection, ids)}/`
    const rows = [...this.docs.entries()]
      .filter(([path]) =>
        prefix ? path.startsWith(prefix) && !path.slice(prefix.length).includes('/') : path === `institutions/${ids.institutionId}`,
      )
      .map(([, doc]) => doc)
      .filter((d) => {
        // As the Firebase transport asks (and the rules allow): only documents naming the caller.
        const field = COLLECTIONS[collection].readersField
        return !field || (Array.isArray(d[field]) && (d[field] as unknown[]).includes(caller.uid))
      })
      .filter((d) => !after || d.updatedAt > after.updatedAt || (d.updatedAt === after.updatedAt && d.id > after.id))
      .sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
    this.pullReads += rows.length
    return structuredClone(rows)
  }

  /** Live documents of a collection for one caller, by id. */
  live(caller: Caller, collection: CollectionName): Map<string, ServerDoc> {
    const ids = { uid: caller.uid, institutionId: caller.institutionId ?? '' }
    const prefix = `${collectionPath(collection, ids)}/`
    return new Map([...this.docs.entries()].filter(([p, d]) => p.startsWith(prefix) && !d.deleted).map(([, d]) => [d.id, d]))
  }
}

/** Faults a transport can inject into one push: lost request, lost reply, or a duplicate. */
export type PushFault = 'none' | 'lost-request' | 'lost-reply' | 'duplicate'

export interface FaultyTransport extends SyncTransport {
  online: boolean
  nextFault: PushFault
  roundTrips: number
}

/**
 * Wraps a transport with switchable connectivity and one-shot push faults. `onResults` sees every
 * answer the server gave, including the ones the fault then throws away.
 */
export function withFaults(inner: SyncTransport, onResults?: (results: MutationResult[]) => void): FaultyTransport {
  const t: FaultyTransport = {
    online: true,
    nextFault: 'none',
    roundTrips: 0,
    async push(mutations) {
      t.roundTrips++
      if (!t.online) throw new TransportError('offline', 'offline')
      const fault = t.nextFault
      t.nextFault = 'none'
      if (fault === 'lost-request') throw new TransportError('request lost', 'offline')
      const response = await inner.push(structuredClone(mutations))
      onResults?.(response.results)
      if (fault === 'duplicate') onResults?.((await inner.push(structuredClone(mutations))).results)
      if (fault === 'lost-reply') throw new TransportError('reply lost', 'offline')
      return response
    },
    async pull(collection, after, limit) {
      t.roundTrips++
      if (!t.online) throw new TransportError('offline', 'offline')
      return inner.pull(collection, after, limit)
    },
  }
  return t
}

/** A client's view of the in-memory server. */
export function memoryTransport(server: MemoryServer, caller: Caller): FaultyTransport {
  return withFaults({
    push: async (mutations) => server.push(caller, mutations),
    pull: async (collection, after, limit) => server.pull(caller, collection, after, limit),
  })
}

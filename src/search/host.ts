/**
 * The index host: keeps a directory index in step with the local `members` table and answers
 * searches. Runs inside the search worker (src/search/directory.worker.ts), or on the main thread
 * where workers are unavailable (unit tests). Dexie tells it about every change, from this tab,
 * another tab or the sync engine, through a live query.
 *
 * It rebuilds as little as it can:
 * - A change updates only the members it touched. Members come only from the server, which
 *   stamps `updatedAt` (its commit time) on every change, so the changed ones are those stamped
 *   after the newest the index has seen, those at that stamp it has not seen there (the rest of a
 *   commit, on the pull's next page), and ids it has never seen (a new account's first pull, with
 *   older stamps); the removed ones are the ids it knew that the table no longer holds. Only
 *   keys are read to find them; only the changed profiles are read whole.
 * - The built index is kept in the `meta` table with that position, so opening the directory
 *   again (a cold start too) loads it and catches up on what changed since, instead of reading
 *   every profile and building again. A stored index of another format, institution, faculty
 *   names or skill merges is rebuilt.
 * - A full build happens the first time, when many members changed at once (a first sync), or
 *   when changed members have left too many stale slots behind.
 */
import { liveQuery, type Subscription } from 'dexie'
import type { HubDb } from '@/db/database'
import type { Institution, Member } from '@/domain/entities'
import { withSkillMerges } from '@/domain/skill-merges'
import {
  createDirectoryIndex,
  exportIndex,
  importIndex,
  packStrings,
  search,
  staleSlots,
  unpackStrings,
  updateDirectoryIndex,
  type DirectoryFilters,
  type DirectoryIndex,
  type DirectoryResult,
  type PackedStrings,
  type StoredIndex,
} from './directory-index'

export type HostRequest =
  | { type: 'open'; institutionId: string }
  | { type: 'search'; seq: number; query: string; filters: DirectoryFilters; limit: number }
  | { type: 'close' }

/** How the index came to be: built from every profile, loaded from the device, or updated in place. */
export type IndexKind = 'built' | 'loaded' | 'updated'

export type HostResponse =
  /**
   * `current`: the index has been checked against the members table since the directory opened.
   * A stored index is searchable as soon as it is loaded (`current` false), and is current once the
   * first check finds nothing changed (kind `loaded` again) or has caught up (`updated` or `built`).
   */
  | { type: 'indexed'; size: number; buildMs: number; kind: IndexKind; current: boolean }
  | { type: 'result'; seq: number; result: DirectoryResult; ready: boolean }
  | { type: 'error'; message: string }

export interface IndexHost {
  handle(request: HostRequest): void
}

export interface IndexHostOptions {
  now?: () => number
  /** How long after the last change the index is stored (ms). */
  saveDelayMs?: number
}

/** Collapses bursts of changes (a sync pull lands page by page) into one update. */
const UPDATE_DELAY_MS = 150
const SAVE_DELAY_MS = 1000
/** The `meta` row holding the stored index. */
export const STORED_INDEX_KEY = 'search:directory-index'

/** Where the index stands against the members table. */
interface Position {
  institutionId: string
  /** Faculty names and skill merges the index was built with. */
  settings: string
  /** Every member id in the table when last looked (listed or not). */
  known: Set<string>
  /** The newest `updatedAt` seen, and the ids of the members stamped with it. */
  newest: number
  atNewest: Set<string>
}

/** The `meta` row's value. */
interface StoredDirectory {
  institutionId: string
  settings: string
  /** Packed, as the index's own lists. */
  known: PackedStrings
  knownCount: number
  newest: number
  atNewest: string[]
  stored: StoredIndex
}

export function createIndexHost(db: HubDb, post: (response: HostResponse) => void, options: IndexHostOptions = {}): IndexHost {
  const now = options.now ?? (() => performance.now())
  const saveDelay = options.saveDelayMs ?? SAVE_DELAY_MS
  let index: DirectoryIndex = createDirectoryIndex([])
  let position: Position | null = null
  let ready = false
  /** Checked against the table since this open (see HostResponse). */
  let current = false
  let subscription: Subscription | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let saveTimer: ReturnType<typeof setTimeout> | undefined
  /** Bumped on every open and close, so work for a closed directory stops. */
  let generation = 0
  let running: Promise<void> | null = null
  let again = false

  return {
    handle(request) {
      if (request.type === 'open') open(request.institutionId)
      else if (request.type === 'search') {
        post({ type: 'result', seq: request.seq, result: search(index, request.query, request.filters, request.limit), ready })
      } else close()
    },
  }

  function open(institutionId: string) {
    close()
    const gen = generation
    index = createDirectoryIndex([])
    position = null
    ready = false
    current = false
    void load(institutionId, gen)
      .catch(() => undefined)
      .then(() => {
        if (gen !== generation) return
        // Any change to the members or the institution reruns this (the count reads the whole table).
        subscription = liveQuery(() => Promise.all([db.members.count(), db.institutions.get(institutionId)])).subscribe({
          // The first run catches up at once; later ones wait for the burst to end.
          next: () => {
            clearTimeout(timer)
            if (ready) timer = setTimeout(() => catchUp(institutionId, gen), UPDATE_DELAY_MS)
            else catchUp(institutionId, gen)
          },
          error: report,
        })
      })
  }

  function close() {
    generation++
    clearTimeout(timer)
    subscription?.unsubscribe()
    subscription = undefined
    // A pending store still happens: the index it holds is whole.
  }

  /** The stored index, if it belongs to this institution and format; searchable at once. */
  async function load(institutionId: string, gen: number) {
    const started = now()
    const row = (await db.meta.get(STORED_INDEX_KEY))?.value as StoredDirectory | undefined
    if (!row || row.institutionId !== institutionId || gen !== generation) return
    const loaded = importIndex(row.stored)
    if (!loaded) return
    index = loaded
    const known = new Set(unpackStrings(row.known, row.knownCount))
    position = { institutionId, settings: row.settings, known, newest: row.newest, atNewest: new Set(row.atNewest) }
    ready = true
    post({ type: 'indexed', size: index.size, buildMs: Math.round(now() - started), kind: 'loaded', current: false })
  }

  /** Runs `refresh` once at a time; a change during a run runs it again after. */
  function catchUp(institutionId: string, gen: number) {
    if (running) {
      again = true
      return
    }
    running = refresh(institutionId, gen)
      .catch(report)
      .finally(() => {
        running = null
        if (again && gen === generation) {
          again = false
          catchUp(institutionId, gen)
        }
      })
  }

  async function refresh(institutionId: string, gen: number) {
    const started = now()
    const at = position
    const seen = await db.transaction('r', db.members, db.institutions, async () => {
      const institution = await db.institutions.get(institutionId)
      const keys = (await db.members.toCollection().primaryKeys()) as string[]
      if (!at) return { institution, keys, changed: [] }
      // A later change to a member always has a later stamp: at the newest stamp, only ids not seen there are new.
      const newer = await db.members.where('updatedAt').above(at.newest).toArray()
      const atNewest = (await db.members.where('updatedAt').equals(at.newest).primaryKeys()) as string[]
      const unseen = new Set([...keys.filter((id) => !at.known.has(id)), ...atNewest.filter((id) => !at.atNewest.has(id))])
      const changed = [...newer, ...(unseen.size ? await db.members.bulkGet([...unseen]) : [])]
      return { institution, keys, changed: changed.filter((m): m is Member => m !== undefined) }
    })
    if (gen !== generation) return
    const settings = settingsOf(seen.institution)
    const keys = new Set(seen.keys)
    const removed = at ? [...at.known].filter((id) => !keys.has(id)) : []
    const many = Math.max(200, (at?.known.size ?? 0) / 4)
    const rebuild = !at || at.settings !== settings || seen.changed.length + removed.length > many
    let kind: IndexKind = 'updated'
    let members: readonly Member[] = seen.changed
    if (rebuild || staleSlots(index) + seen.changed.length > Math.max(500, index.size / 2)) {
      kind = 'built'
      members = await db.members.toArray()
      if (gen !== generation) return
    } else if (seen.changed.length === 0 && removed.length === 0) {
      // The stored index held everything: say so once (the directory's cold start is searchable from here).
      if (!current) {
        current = true
        post({ type: 'indexed', size: index.size, buildMs: Math.round(now() - started), kind: 'loaded', current })
      }
      return
    }
    const merged = members.map((m) => withSkillMerges(m, seen.institution?.skillMerges))
    if (kind === 'built') {
      const facultyNames = Object.fromEntries((seen.institution?.faculties ?? []).map((f) => [f.id, f.name]))
      index = createDirectoryIndex(merged, { institutionId, facultyNames })
      position = { institutionId, settings, known: new Set(members.map((m) => m.id)), newest: 0, atNewest: new Set() }
    } else {
      updateDirectoryIndex(index, { upsert: merged, remove: removed })
      position = { ...at!, known: keys }
    }
    advance(position, members)
    ready = true
    current = true
    post({ type: 'indexed', size: index.size, buildMs: Math.round(now() - started), kind, current })
    // A new build is stored at once (the worker may be closed before long); updates in a while.
    clearTimeout(saveTimer)
    if (kind === 'built') await save().catch(() => undefined)
    else saveTimer = setTimeout(() => void save().catch(() => undefined), saveDelay)
  }

  async function save() {
    if (!position) return
    const row: StoredDirectory = {
      institutionId: position.institutionId,
      settings: position.settings,
      known: packStrings([...position.known]),
      knownCount: position.known.size,
      newest: position.newest,
      atNewest: [...position.atNewest],
      stored: exportIndex(index),
    }
    await db.meta.put({ key: STORED_INDEX_KEY, value: row })
  }

  function report(error: unknown) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}

/** Moves the position past `members` (the newest stamp, and who carries it). */
function advance(position: Position, members: readonly Member[]) {
  for (const m of members) {
    if (m.updatedAt > position.newest) {
      position.newest = m.updatedAt
      position.atNewest = new Set()
    }
    if (m.updatedAt === position.newest) position.atNewest.add(m.id)
  }
}

/** What of the institution the index depends on. */
function settingsOf(institution: Institution | undefined): string {
  return JSON.stringify([(institution?.faculties ?? []).map((f) => [f.id, f.name]), institution?.skillMerges ?? null])
}

/**
 * The index host: keeps a directory index in step with the local `members` table and answers
 * searches. Runs inside the search worker (src/search/directory.worker.ts), or on the main thread
 * where workers are unavailable (unit tests). Dexie tells it about every change, from this tab,
 * another tab or the sync engine, through its live queries.
 */
import { liveQuery, type Subscription } from 'dexie'
import type { HubDb } from '@/db/database'
import { withSkillMerges } from '@/domain/skill-merges'
import { createDirectoryIndex, search, type DirectoryFilters, type DirectoryIndex, type DirectoryResult } from './directory-index'

export type HostRequest =
  | { type: 'open'; institutionId: string }
  | { type: 'search'; seq: number; query: string; filters: DirectoryFilters; limit: number }
  | { type: 'close' }

export type HostResponse =
  | { type: 'indexed'; size: number; buildMs: number }
  | { type: 'result'; seq: number; result: DirectoryResult; ready: boolean }
  | { type: 'error'; message: string }

export interface IndexHost {
  handle(request: HostRequest): void
}

/** Collapses bursts of changes (a sync pull lands page by page) into one rebuild. */
const REBUILD_DELAY_MS = 150

export function createIndexHost(db: HubDb, post: (response: HostResponse) => void, now: () => number = () => performance.now()): IndexHost {
  let index: DirectoryIndex = createDirectoryIndex([])
  let ready = false
  let subscription: Subscription | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

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
    index = createDirectoryIndex([])
    ready = false
    subscription = liveQuery(async () => {
      const [members, institution] = await Promise.all([db.members.toArray(), db.institutions.get(institutionId)])
      return { members, institution }
    }).subscribe({
      next: ({ members, institution }) => {
        clearTimeout(timer)
        const build = () => {
          const started = now()
          const facultyNames = Object.fromEntries((institution?.faculties ?? []).map((f) => [f.id, f.name]))
          // Skills a lead merged are searched (and shown) as the skill they now count as.
          const merged = members.map((m) => withSkillMerges(m, institution?.skillMerges))
          index = createDirectoryIndex(merged, { institutionId, facultyNames })
          ready = true
          post({ type: 'indexed', size: index.size, buildMs: Math.round(now() - started) })
        }
        // The first build runs at once; later ones wait for the burst to end.
        if (ready) timer = setTimeout(build, REBUILD_DELAY_MS)
        else build()
      },
      error: (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    })
  }

  function close() {
    clearTimeout(timer)
    subscription?.unsubscribe()
    subscription = undefined
  }
}

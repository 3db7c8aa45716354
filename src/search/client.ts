/**
 * The page's side of the directory search: one worker per open directory, searches answered in
 * order of asking (a stale answer is dropped by the caller via `seq`). Falls back to running the
 * index on this thread where Worker is missing (tests, very old browsers).
 */
import { db as defaultDb, type HubDb } from '@/db/database'
import type { DirectoryFilters, DirectoryResult } from './directory-index'
import { createIndexHost, type HostRequest, type HostResponse, type IndexKind } from './host'

export interface SearchAnswer {
  seq: number
  result: DirectoryResult
  /** False until the first index has been built (the answer is then empty). */
  ready: boolean
}

export interface DirectorySearchClient {
  search(seq: number, query: string, filters: DirectoryFilters, limit: number): void
  close(): void
}

export interface DirectorySearchOptions {
  institutionId: string
  onAnswer(answer: SearchAnswer): void
  /**
   * The index was built, loaded from the device or updated: search again to see changes. `current`:
   * checked against the device's profiles since opening (a stored index is first loaded as it was).
   */
  onIndexed(info: { size: number; buildMs: number; kind: IndexKind; current: boolean }): void
  onError?(message: string): void
  /** Run on this thread instead of a worker. */
  inline?: boolean
  db?: HubDb
}

export function createDirectorySearch(options: DirectorySearchOptions): DirectorySearchClient {
  let marked = false
  const receive = (response: HostResponse) => {
    if (response.type === 'result') options.onAnswer({ seq: response.seq, result: response.result, ready: response.ready })
    else if (response.type === 'indexed') {
      // When the directory first became searchable with every profile on the device, and how: the
      // stored index loaded as it was, loaded and updated, or built (read by scripts/bench/coldstart.mjs).
      if (!marked && response.current && typeof performance !== 'undefined') {
        performance.mark(`directory-index:${response.kind}`, { detail: { size: response.size } })
        marked = true
      }
      options.onIndexed({ size: response.size, buildMs: response.buildMs, kind: response.kind, current: response.current })
    } else (options.onError ?? console.error)(response.message)
  }
  let send: (request: HostRequest) => void
  let terminate = () => {}
  if (!options.inline && typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./directory.worker.ts', import.meta.url), { type: 'module', name: 'directory-search' })
    worker.onmessage = (event: MessageEvent<HostResponse>) => receive(event.data)
    worker.onerror = (event) => (options.onError ?? console.error)(event.message || 'The search worker failed')
    send = (request) => worker.postMessage(request)
    terminate = () => worker.terminate()
  } else {
    // Answers arrive asynchronously either way, so callers behave the same.
    const host = createIndexHost(options.db ?? defaultDb, (response) => queueMicrotask(() => receive(response)))
    send = (request) => host.handle(request)
    terminate = () => host.handle({ type: 'close' })
  }
  send({ type: 'open', institutionId: options.institutionId })
  return {
    search: (seq, query, filters, limit) => send({ type: 'search', seq, query, filters: { ...filters }, limit }),
    close() {
      send({ type: 'close' })
      terminate()
    },
  }
}

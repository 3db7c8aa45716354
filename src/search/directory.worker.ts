/**
 * The directory search worker: builds the index from IndexedDB and answers every keystroke, so
 * neither reading 10,000 profiles nor indexing them ever blocks the page.
 */
import { createDb } from '@/db/database'
import { createIndexHost, type HostRequest, type HostResponse } from './host'

/** The worker's global scope, typed without pulling the WebWorker lib into the DOM program. */
const scope = self as unknown as {
  postMessage(message: HostResponse): void
  onmessage: ((event: MessageEvent<HostRequest>) => void) | null
}

const host = createIndexHost(createDb(), (response) => scope.postMessage(response))
scope.onmessage = (event) => host.handle(event.data)

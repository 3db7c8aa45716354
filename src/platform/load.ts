/**
 * Loads the backend platform after first paint. The dynamic import keeps Firebase out of the
 * initial bundle; the app shell and every local read work without it.
 */
import type { Platform } from './firebase'

let loading: Promise<Platform> | null = null

export function loadPlatform(): Promise<Platform> {
  loading ??= import('./firebase').then((m) => m.createPlatform())
  return loading
}

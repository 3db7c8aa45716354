/**
 * Builds the service worker's push handlers (src/sw/push.ts) into one classic script, `sw-push.js`,
 * beside Workbox's generated worker, which loads it with `importScripts` (vite.config.ts
 * `workbox.importScripts`). A classic script because a worker's importScripts takes no modules;
 * bundled with the same Rolldown Vite uses, so the handlers are TypeScript with their words
 * imported from src/locales (only the `pushTitle` sections reach the script).
 */
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'
import type { Plugin } from 'vite'

export const SW_PUSH_FILE = 'sw-push.js'

export function swPush(entry = fileURLToPath(new URL('../../src/sw/push.ts', import.meta.url))): Plugin {
  return {
    name: 'technician-hub:sw-push',
    apply: 'build',
    async generateBundle() {
      const result = await build({
        input: entry,
        write: false,
        platform: 'browser',
        output: { format: 'iife', minify: true },
      })
      const chunk = result.output.find((o) => o.type === 'chunk')
      if (!chunk) throw new Error(`${SW_PUSH_FILE}: nothing built from ${entry}`)
      this.emitFile({ type: 'asset', fileName: SW_PUSH_FILE, source: chunk.code })
    },
  }
}

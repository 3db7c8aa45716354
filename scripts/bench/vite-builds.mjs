/**
 * Vite builds the bench makes beside the app: the framework floor (size baseline) and the
 * browser harness pages (whole-table directory, search, local write). Both use the app's '@'
 * alias and Vue plugin; neither adds anything to the app's own build.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'
import { ROOT, WORK_DIR } from './lib.mjs'

const FIREBASE_MODULE = /[\\/]node_modules[\\/](?:firebase|@firebase)[\\/]/
const alias = { '@': join(ROOT, 'src') }

/** The app's chunking rule (vite.config.ts): Firebase in one chunk whose name says so. */
const codeSplitting = {
  groups: [
    { name: 'firebase', test: FIREBASE_MODULE, priority: 10 },
    { name: 'dexie', test: /[\\/]node_modules[\\/]dexie[\\/]/, priority: 5 },
  ],
}

/** Vue + Pinia + vue-router hello app with a lazy Firebase SDK chunk → WORK_DIR/floor. */
export async function buildFloor() {
  const outDir = join(WORK_DIR, 'floor')
  rmSync(outDir, { recursive: true, force: true })
  await build({
    configFile: false,
    root: join(ROOT, 'scripts', 'bench', 'floor'),
    logLevel: 'warn',
    plugins: [vue()],
    resolve: { alias },
    build: { outDir, emptyOutDir: true, target: 'es2022', manifest: true, rolldownOptions: { output: { codeSplitting } } },
  })
  return outDir
}

export const HARNESS_PAGES = ['whole-table', 'search', 'write']

/** The harness pages (scripts/bench/harness/*.html) → WORK_DIR/harness. */
export async function buildHarness() {
  const root = join(ROOT, 'scripts', 'bench', 'harness')
  const outDir = join(WORK_DIR, 'harness')
  rmSync(outDir, { recursive: true, force: true })
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [vue()],
    resolve: { alias },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: Object.fromEntries(HARNESS_PAGES.map((p) => [p, join(root, `${p}.html`)])), output: { codeSplitting } },
    },
  })
  return outDir
}

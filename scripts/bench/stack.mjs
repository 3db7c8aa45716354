/**
 * What the bench sections stand on, started only when a chosen section needs it, and stopped
 * together at the end: the emulator-mode app build (DIST_DIR of the STACK_SLOT), the emulators
 * (scripts/emulators.mjs), the demo seed, `vite preview` of the build, the harness pages, a
 * static server for them and the static baseline page, and one Chromium.
 */
import { join } from 'node:path'
import { APP_PORT, APP_URL, DIST_DIR, buildApp, runSeed, serveApp, start } from '../emulators.mjs'
import { launchBrowser } from './browser.mjs'
import { log, ROOT } from './lib.mjs'
import { serveStatic } from './static-server.mjs'
import { buildHarness } from './vite-builds.mjs'

/** The harness/static server sits 100 ports above the app (4173 + slot + 100). */
const STATIC_PORT = APP_PORT + 100

/** The seed's arguments for BENCH_MEMBERS (none when unset: the demo's own size). */
export function seedArgs(env = process.env) {
  const raw = env.BENCH_MEMBERS
  if (!raw) return []
  const members = Number(raw)
  if (!Number.isInteger(members) || members < 3) throw new Error(`BENCH_MEMBERS must be a whole number ≥ 3 (got ${raw})`)
  return ['--members', String(members), '--accounts', 'demo']
}

export function createStack() {
  const stops = []
  const once = new Map()
  const memo = (key, fn) => () => {
    if (!once.has(key)) once.set(key, fn())
    return once.get(key)
  }
  /** `vite build` in emulator mode into DIST_DIR. */
  const build = memo('build', async () => {
    const t0 = Date.now()
    await buildApp()
    return { seconds: (Date.now() - t0) / 1000 }
  })
  /** Emulators (Firestore, Auth, Functions); resolves with their env (also put into process.env). */
  const emulators = memo('emulators', async () => {
    const stack = await start({ functions: true })
    stops.push(() => stack.stop())
    Object.assign(process.env, stack.env)
    return stack.env
  })
  /**
   * The demo institution (lead@ / champion@ / tech@ with their data). BENCH_MEMBERS=n seeds n
   * members instead of the demo's 36 (Auth accounts for the three demo sign-ins only), e.g. 10000
   * for the Lighthouse pages with a large institution.
   */
  const seed = memo('seed', async () => {
    await emulators()
    return runSeed(seedArgs())
  })
  /** `vite preview` of DIST_DIR on APP_URL (build first, unless measuring an existing build). */
  const serve = memo('serve', async () => {
    const server = await serveApp()
    stops.push(() => server.stop())
    return server.url
  })
  /** Harness pages and the static baseline page on one static server; resolves with its URL. */
  const statics = memo('statics', async () => {
    const harness = await buildHarness()
    const server = await serveStatic({ '/': harness, '/static/': join(ROOT, 'scripts', 'bench', 'static') }, STATIC_PORT)
    stops.push(() => server.close())
    log('stack', `harness pages on ${server.url}`)
    return server.url
  })
  const browser = memo('browser', async () => {
    const b = await launchBrowser()
    stops.push(() => b.close())
    return b
  })
  async function stop() {
    for (const fn of stops.splice(0).reverse()) {
      try {
        await fn()
      } catch (err) {
        console.error(`[bench] stopping: ${err.message}`)
      }
    }
  }
  return { appUrl: APP_URL, distDir: DIST_DIR, build, emulators, seed, serve, statics, browser, stop }
}

#!/usr/bin/env node
// The local Firebase stack: the Cloud Firestore emulator (the gcloud jar, run with java) plus
// firebase-tools' Auth and Functions emulators pointed at it. Importable (start() → { env, stop })
// and a CLI (`node scripts/emulators.mjs` starts and waits for Ctrl-C).
//
// Every child runs in its own process group (detached) and is stopped by killing the whole group,
// so no java or functions worker outlives us: on stop(), on SIGINT/SIGTERM/SIGHUP, on exit, and —
// through a small watchdog process — even when this process is killed with SIGKILL.
// Output goes to .tmp/emulators/*.log; the console gets one-line status messages.
//
// Env overrides: STACK_SLOT (see PORTS), FIRESTORE_PORT (default 8080), FIRESTORE_EMULATOR_JAR,
// APP_PORT (4173), APP_HOST (127.0.0.1). Auth/Functions/Hub ports come from firebase.json, moved
// by STACK_SLOT. The project is always demo-technician-hub (emulator-only).
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readFileSync, unwatchFile, watchFile, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { vapidEnv, vapidKeys } from './vapid.mjs'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const LOG_DIR = join(ROOT, '.tmp', process.env.STACK_SLOT ? `emulators-${process.env.STACK_SLOT}` : 'emulators')
const require = createRequire(import.meta.url)

const firebaseJson = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'))
const em = firebaseJson.emulators ?? {}
const HOST = '127.0.0.1'

/** demo-* project ids are emulator-only: nothing can reach a real Firebase project. */
export const PROJECT_ID = 'demo-technician-hub'
// STACK_SLOT=n (1–9) moves every port so several stacks can run side by side on one machine
// (parallel work, benchmarks): firestore 8080+100n, auth 9099+100n, functions 5001+100n,
// hub 4400+10n, logging 4500+10n, app 4173+n. Slot 0 is firebase.json's ports.
const SLOT = Number(process.env.STACK_SLOT || 0)
export const PORTS = {
  firestore: Number(process.env.FIRESTORE_PORT || (em.firestore?.port || 8080) + 100 * SLOT),
  auth: Number((em.auth?.port || 9099) + 100 * SLOT),
  functions: Number((em.functions?.port || 5001) + 100 * SLOT),
  hub: Number((em.hub?.port || 4400) + 10 * SLOT),
  logging: Number((em.logging?.port || 4500) + 10 * SLOT),
}
const FIRESTORE_JAR =
  process.env.FIRESTORE_EMULATOR_JAR || '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar'
// FUNCTIONS_ENTRY: bundle another entry instead of functions/src/index.ts (smoke tests).
const FUNCTIONS_ENTRY = process.env.FUNCTIONS_ENTRY ? resolve(process.env.FUNCTIONS_ENTRY) : join(ROOT, 'functions', 'src', 'index.ts')
const RULES_FILE = join(ROOT, firebaseJson.firestore?.rules ?? 'firestore.rules')

/** The environment a client of the stack needs (tests, seed, the app build). */
export function emulatorEnv() {
  return {
    FIRESTORE_EMULATOR_HOST: `${HOST}:${PORTS.firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `${HOST}:${PORTS.auth}`,
    FUNCTIONS_EMULATOR_ORIGIN: `http://${HOST}:${PORTS.functions}`,
    GCLOUD_PROJECT: PROJECT_ID,
    GOOGLE_CLOUD_PROJECT: PROJECT_ID,
    // Where this slot's logs are (a test reads which Node the Functions emulator runs on).
    EMULATOR_LOG_DIR: LOG_DIR,
    // Web Push keys (scripts/vapid.mjs): the functions sign and encrypt with them.
    ...vapidEnv(),
  }
}

// ---------------------------------------------------------------------------------------------
// small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
let quiet = false
export function status(msg) {
  if (!quiet) console.log(`[emulators] ${msg}`)
}

async function httpGet(url, timeoutMs = 1500) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    return { status: res.status, body: await res.text() }
  } catch {
    return null
  }
}

/** Is something listening on host:port (any HTTP answer at all)? */
async function answers(port) {
  return (await httpGet(`http://${HOST}:${port}/`, 1000)) !== null
}

async function firestoreUp() {
  const r = await httpGet(`http://${HOST}:${PORTS.firestore}/`)
  return r !== null && r.status === 200 && r.body.trim() === 'Ok'
}
async function authUp() {
  const r = await httpGet(`http://${HOST}:${PORTS.auth}/`)
  return r !== null && r.body.includes('authEmulator')
}
async function hubEmulators() {
  const r = await httpGet(`http://${HOST}:${PORTS.hub}/emulators`)
  if (!r || r.status !== 200) return null
  try {
    return JSON.parse(r.body)
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// process groups

/** Children we started: { name, child, pgid, exited }. */
const started = []
let watchdog = null

function spawnGroup(name, cmd, args, { env, logFile, cwd = ROOT }) {
  mkdirSync(LOG_DIR, { recursive: true })
  const out = createWriteStream(logFile, { flags: 'w' })
  const child = spawn(cmd, args, {
    cwd,
    env,
    detached: true, // own process group: kill(-pid) reaches every descendant
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const rec = { name, child, pgid: child.pid, exited: false, code: null, logFile, output: '' }
  const collect = (chunk) => {
    out.write(chunk)
    if (rec.output.length < 200_000) rec.output += chunk.toString()
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  child.on('exit', (code, signal) => {
    rec.exited = true
    rec.code = code ?? signal
    out.end()
  })
  child.on('error', (err) => {
    rec.exited = true
    rec.code = err.message
    collect(`\n[spawn error] ${err.message}\n`)
  })
  started.push(rec)
  ensureWatchdog()
  watchdogAdd(rec.pgid)
  return rec
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal)
  } catch {
    /* already gone */
  }
}

/** SIGTERM the group, wait up to timeoutMs for every process in it to go, then SIGKILL. */
export async function stopGroup(rec, timeoutMs = 5000) {
  if (!rec || !groupAlive(rec.pgid)) return
  killGroup(rec.pgid, 'SIGTERM')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && groupAlive(rec.pgid)) await sleep(100)
  if (groupAlive(rec.pgid)) {
    killGroup(rec.pgid, 'SIGKILL')
    const d2 = Date.now() + 2000
    while (Date.now() < d2 && groupAlive(rec.pgid)) await sleep(50)
  }
}

// A detached watchdog: if this process dies without cleaning up (kill -9), it kills our groups.
const WATCHDOG_SRC = `
const parent = Number(process.argv[1]); const groups = new Set();
process.stdin.setEncoding('utf8'); let buf = '';
process.stdin.on('data', (d) => { buf += d; let i; while ((i = buf.indexOf('\\n')) >= 0) { const l = buf.slice(0, i); buf = buf.slice(i + 1);
  if (l.startsWith('+')) groups.add(Number(l.slice(1))); else if (l.startsWith('-')) groups.delete(Number(l.slice(1))); } });
const alive = (p) => { try { process.kill(p, 0); return true } catch { return false } };
const kill = (g, s) => { try { process.kill(-g, s) } catch {} };
let reaping = false;
function reap() { if (reaping) return; reaping = true; for (const g of groups) kill(g, 'SIGTERM'); const t0 = Date.now();
  setInterval(() => { const left = [...groups].filter((g) => { try { process.kill(-g, 0); return true } catch { return false } });
    if (!left.length) process.exit(0); if (Date.now() - t0 > 6000) { for (const g of left) kill(g, 'SIGKILL'); process.exit(0) } }, 200) }
process.stdin.on('end', () => { if (groups.size) reap(); else process.exit(0) });
setInterval(() => { if (!alive(parent)) reap() }, 1000);
`
function ensureWatchdog() {
  if (watchdog) return
  watchdog = spawn(process.execPath, ['-e', WATCHDOG_SRC, String(process.pid)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  watchdog.unref()
  watchdog.stdin.on('error', () => {})
  // Do not keep the event loop alive because of the pipe.
  watchdog.stdin._handle?.unref?.()
}
function watchdogAdd(pgid) {
  watchdog?.stdin.write(`+${pgid}\n`)
}
function watchdogRemove(pgid) {
  watchdog?.stdin.write(`-${pgid}\n`)
}
function stopWatchdog() {
  if (!watchdog) return
  try {
    watchdog.stdin.end()
  } catch {
    /* ignore */
  }
  watchdog = null
}

/** Stop everything this process started (newest first). Safe to call more than once. */
export async function stopAll() {
  const recs = started.splice(0).reverse()
  await Promise.all(
    recs.map(async (r) => {
      await stopGroup(r)
      watchdogRemove(r.pgid)
    }),
  )
  stopWatchdog()
}

/** Synchronous last resort for process 'exit': SIGKILL whatever is still running. */
function killAllSync() {
  for (const r of started) killGroup(r.pgid, 'SIGKILL')
}

let handlersInstalled = false
/**
 * Ctrl-C / SIGTERM / SIGHUP: stop every group we started, run `onSignal` hooks, then exit.
 * `extraStops` are awaited before the emulators are stopped (e.g. vite preview, a test command).
 */
const extraStops = []
export function onShutdown(fn) {
  extraStops.push(fn)
}
export function installSignalHandlers() {
  if (handlersInstalled) return
  handlersInstalled = true
  let stopping = false
  const handler = (sig) => {
    if (stopping) {
      // A second Ctrl-C: no more waiting.
      killAllSync()
      process.exit(130)
    }
    stopping = true
    status(`${sig}: stopping…`)
    Promise.allSettled(extraStops.map((f) => f()))
      .then(() => stopAll())
      .finally(() => process.exit(sig === 'SIGINT' ? 130 : 143))
  }
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => handler(sig))
  process.on('exit', killAllSync)
}

// ---------------------------------------------------------------------------------------------
// pieces of the stack

async function waitFor(what, check, rec, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    if (rec?.exited) {
      throw new Error(`${what} exited (${rec.code}) before it was ready; see ${rel(rec.logFile)}:\n${tail(rec.output)}`)
    }
    await sleep(150)
  }
  throw new Error(
    `${what} not ready after ${Math.round(timeoutMs / 1000)} s; see ${rec ? rel(rec.logFile) : 'logs'}${rec ? `:\n${tail(rec.output)}` : ''}`,
  )
}
const rel = (p) => p.replace(ROOT + '/', '')
const tail = (s, n = 15) =>
  s
    .trim()
    .split('\n')
    .slice(-n)
    .map((l) => `    ${l}`)
    .join('\n')

async function startFirestore() {
  if (await firestoreUp()) {
    status(`firestore: reusing the emulator already on ${HOST}:${PORTS.firestore}`)
    return null
  }
  if (await answers(PORTS.firestore))
    throw new Error(`port ${PORTS.firestore} is taken by something that is not the Firestore emulator (set FIRESTORE_PORT)`)
  if (!existsSync(FIRESTORE_JAR)) {
    throw new Error(
      `Cloud Firestore emulator jar not found at ${FIRESTORE_JAR}. Install it with: apt-get install google-cloud-cli-firestore-emulator (or set FIRESTORE_EMULATOR_JAR)`,
    )
  }
  const rec = spawnGroup(
    'firestore',
    'java',
    [
      '-cp',
      FIRESTORE_JAR,
      'com.google.cloud.datastore.emulator.firestore.CloudFirestore',
      'start',
      `--host=${HOST}`,
      `--port=${PORTS.firestore}`,
    ],
    { env: process.env, logFile: join(LOG_DIR, 'firestore.log') },
  )
  await waitFor('Firestore emulator', firestoreUp, rec, 60_000)
  return rec
}

/** Load firestore.rules into the Firestore emulator (it starts open when no rules are loaded). */
export async function loadRules() {
  if (!existsSync(RULES_FILE)) return false
  const content = readFileSync(RULES_FILE, 'utf8')
  const res = await fetch(`http://${HOST}:${PORTS.firestore}/emulator/v1/projects/${PROJECT_ID}:securityRules`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content }] } }),
  })
  if (!res.ok) {
    const body = await res.text()
    status(`firestore: rules NOT loaded (${res.status}): ${body.replace(/\s+/g, ' ').slice(0, 300)}`)
    return false
  }
  return true
}

/**
 * The project's pinned Node (.nvmrc, installed as the optional dependency node-<os>-<arch>): firebase-tools
 * runs the Functions emulator on the Node it runs on, which must be the deployed runtime's major
 * (firebase.json). Falls back to this process's Node where that package is not installed.
 */
export function pinnedNode() {
  const bin = join(ROOT, 'node_modules', '.bin', 'node')
  return existsSync(bin) ? bin : process.execPath
}

function firebaseBin() {
  const pkgPath = require.resolve('firebase-tools/package.json')
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.firebase
  return join(dirname(pkgPath), bin)
}

/** Bundle functions/src into functions/lib; writes only when the output changed (the emulator watches lib/). */
export async function buildFunctions() {
  if (!existsSync(FUNCTIONS_ENTRY)) return false
  const { buildOptions } = await import(join(ROOT, 'functions', 'build.mjs'))
  const esbuild = await import('esbuild')
  const result = await esbuild.build({ ...buildOptions({ entry: FUNCTIONS_ENTRY }), write: false })
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true })
    const old = existsSync(file.path) ? readFileSync(file.path) : null
    if (!old || !old.equals(Buffer.from(file.contents))) writeFileSync(file.path, file.contents)
  }
  return true
}

/** firebase.json, or for another slot a copy beside it (paths in it are relative to its folder) with moved ports. */
function firebaseConfigFile() {
  if (!SLOT) return join(ROOT, 'firebase.json')
  const file = join(ROOT, `.firebase-slot-${SLOT}.json`)
  const emulators = {
    ...em,
    auth: { ...em.auth, port: PORTS.auth },
    functions: { ...em.functions, port: PORTS.functions },
    firestore: { ...em.firestore, port: PORTS.firestore },
    hub: { ...em.hub, port: PORTS.hub },
    logging: { ...em.logging, port: PORTS.logging },
    // firebase-tools may also start these for functions; their defaults (9299, 9499) would land
    // on other slots' Auth ports.
    eventarc: { ...em.eventarc, port: 9200 + 10 * SLOT },
    tasks: { ...em.tasks, port: 9400 + 10 * SLOT },
  }
  writeFileSync(file, JSON.stringify({ ...firebaseJson, emulators }, null, 2))
  return file
}

async function startFirebaseTools(withFunctions) {
  const hub = await hubEmulators()
  if (hub) {
    const names = Object.keys(hub)
    if (!names.includes('auth'))
      throw new Error(`an emulator suite is already running on hub port ${PORTS.hub} without auth (${names.join(', ')})`)
    status(
      `firebase-tools: reusing the suite already running (${names.filter((n) => !['hub', 'logging', 'eventarc', 'tasks'].includes(n)).join(', ')})`,
    )
    return null
  }
  for (const [name, port] of [
    ['auth', PORTS.auth],
    ['functions', PORTS.functions],
    ['hub', PORTS.hub],
  ]) {
    if (await answers(port)) throw new Error(`port ${port} (${name}) is already in use by another program`)
  }
  const only = withFunctions ? 'auth,functions' : 'auth'
  const env = {
    ...process.env,
    ...emulatorEnv(),
    NO_UPDATE_NOTIFIER: '1',
    FORCE_COLOR: '0',
    // No GCE metadata-server probe for default credentials (a demo project needs none; the probe
    // costs seconds on a closed network).
    METADATA_SERVER_DETECTION: 'none',
    // Loading the functions' definitions takes well over firebase-tools' default 10 s on a busy
    // 2-core machine (seen: "Failed to load function definition", every call then 404s).
    FUNCTIONS_DISCOVERY_TIMEOUT: process.env.FUNCTIONS_DISCOVERY_TIMEOUT ?? '120',
  }
  delete env.FIREBASE_EMULATOR_HUB
  // cwd = the log folder so firebase-debug.log lands there, not in the repository root.
  const rec = spawnGroup(
    'firebase',
    pinnedNode(),
    [firebaseBin(), 'emulators:start', '--only', only, '--project', PROJECT_ID, '--config', firebaseConfigFile()],
    { env, logFile: join(LOG_DIR, 'firebase.log'), cwd: LOG_DIR },
  )
  await waitFor(
    'firebase-tools emulators',
    async () => /All emulators ready/.test(rec.output),
    rec,
    Number(process.env.EMULATOR_START_TIMEOUT_MS ?? 300_000),
  )
  await waitFor('Auth emulator', authUp, rec, 10_000)
  const failed = rec.output.match(/Failed to load function definition[^\n]*/)
  const runtime = rec.output.match(/Using node@(\d+) from host/)
  if (withFunctions) status(`functions: running on Node ${runtime ? runtime[1] : '(unknown)'}`)
  if (failed) status(`functions: WARNING ${failed[0].slice(0, 300)} (see ${rel(rec.logFile)})`)
  else if (withFunctions) {
    const loaded = rec.output.match(/Loaded functions definitions from source: ([^\n]*)/)
    status(`functions: loaded ${loaded ? loaded[1].replace(/\.$/, '') : '(none)'}`)
  }
  return rec
}

/**
 * Start one worker per HTTP function before anything calls it. The Functions emulator starts a
 * Node worker (which loads firebase-admin) on a function's first request, the CORS preflight
 * included: about 2 s on an idle machine, 30 s at load 20, long enough for a page's first call to
 * outlast its wait. Idle workers are reused, so later calls skip that start. Two at a time.
 */
async function warmFunctions(rec) {
  // eslint-disable-next-line no-control-regex -- the log is coloured: "\x1b[1mhttp\x1b[22m function initialized (…)"
  const plain = rec.output.replace(/\x1b\[[0-9;]*m/g, '')
  const urls = [...plain.matchAll(/http function initialized \((http:[^)\s]+)\)/g)].map((m) => m[1])
  const t0 = Date.now()
  let next = 0
  const one = async () => {
    while (next < urls.length) {
      const url = urls[next++]
      const ctrl = new AbortController()
      const timer = setTimeout(() => ctrl.abort(), 120_000)
      await fetch(url, {
        method: 'OPTIONS',
        headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' },
        signal: ctrl.signal,
      }).catch(() => undefined)
      clearTimeout(timer)
    }
  }
  await Promise.all([one(), one()])
  if (urls.length) status(`functions: ${urls.length} warmed in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

/** Run a command to completion in its own process group (killed with the rest on Ctrl-C). */
export async function runGroup(name, cmd, args, { env = process.env, logFile, cwd = ROOT } = {}) {
  const rec = spawnGroup(name, cmd, args, { env, cwd, logFile: logFile ?? join(LOG_DIR, `${name}.log`) })
  await new Promise((r) => (rec.exited ? r() : rec.child.on('close', r)))
  const i = started.indexOf(rec)
  if (i >= 0) started.splice(i, 1)
  watchdogRemove(rec.pgid)
  return { code: rec.code, output: rec.output, logFile: rec.logFile }
}

export const APP_PORT = Number(process.env.APP_PORT || 4173 + SLOT)
/** Where the emulator-mode build goes; another slot builds beside it so stacks do not clobber each other. */
export const DIST_DIR = SLOT ? `dist-slot-${SLOT}` : 'dist'
export const APP_HOST = process.env.APP_HOST || '127.0.0.1'
export const APP_URL = `http://${APP_HOST === '0.0.0.0' ? '127.0.0.1' : APP_HOST}:${APP_PORT}`

/** The build-time env of the PWA in emulator mode (read by src/platform/firebase/config.ts). */
export function appBuildEnv() {
  return {
    VITE_USE_EMULATORS: '1',
    VITE_FIREBASE_PROJECT_ID: PROJECT_ID,
    VITE_AUTH_EMULATOR_PORT: String(PORTS.auth),
    VITE_FIRESTORE_EMULATOR_PORT: String(PORTS.firestore),
    VITE_FUNCTIONS_EMULATOR_PORT: String(PORTS.functions),
    VITE_VAPID_PUBLIC_KEY: vapidKeys().publicKey,
  }
}

function viteBin() {
  return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js')
}

/** `vite build` in emulator mode (needs no emulator, so it can run while they start). Throws with the build's tail. */
export async function buildApp() {
  const t = Date.now()
  const res = await runGroup('app-build', process.execPath, [viteBin(), 'build', '--outDir', DIST_DIR], {
    env: { ...process.env, ...appBuildEnv() },
  })
  if (res.code !== 0) throw new Error(`app build failed (exit ${res.code}); see ${rel(res.logFile)}:\n${tail(res.output, 20)}`)
  status(`app: built in ${((Date.now() - t) / 1000).toFixed(1)} s`)
}

/** `vite preview` of dist/ on APP_PORT (strict) in its own process group; resolves once it answers. */
export async function serveApp() {
  const existing = await httpGet(`${APP_URL}/`)
  if (existing) {
    // Another `vite preview` of this repo serves dist/ from disk (no caching), so it serves this build too.
    if (existing.status === 200 && existing.body.includes('<title>Technician Hub')) {
      status(`app: reusing the server already on ${APP_URL} (it serves the fresh dist/)`)
      return { url: APP_URL, stop: async () => {} }
    }
    throw new Error(`port ${APP_PORT} is already in use by something else; stop it or set APP_PORT`)
  }
  const rec = spawnGroup(
    'app-preview',
    process.execPath,
    [viteBin(), 'preview', '--outDir', DIST_DIR, '--port', String(APP_PORT), '--strictPort', '--host', APP_HOST],
    {
      env: { ...process.env, ...appBuildEnv() },
      logFile: join(LOG_DIR, 'app-preview.log'),
    },
  )
  await waitFor('vite preview', async () => (await httpGet(`${APP_URL}/`))?.status === 200, rec, 30_000)
  return { url: APP_URL, stop: () => stopGroup(rec) }
}

/**
 * Bundle scripts/seed.ts (it imports src/domain, so it needs the '@' alias and TypeScript) and
 * run it with node against the emulators. The bundle goes under node_modules/.cache so neither
 * git nor ESLint sees it. Resolves with { summary, signIns, password, joinCode, members, sample };
 * rejects with the seed's output.
 */
/** Bundles a TypeScript admin script (it may import `@/…` and functions/src) to an ES module; returns its path. */
export async function bundleScript(entry) {
  const esbuild = await import('esbuild')
  const { aliasPlugin } = await import(join(ROOT, 'functions', 'build.mjs'))
  const outfile = join(ROOT, 'node_modules', '.cache', 'technician-hub', `${basename(entry, '.ts')}.mjs`)
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    logLevel: 'error',
    external: ['firebase-admin', 'firebase-admin/*'],
    plugins: [aliasPlugin],
  })
  return outfile
}

export async function runSeed(args = [], { env = {} } = {}) {
  const outfile = await bundleScript(join(ROOT, 'scripts', 'seed.ts'))
  const child = spawn(process.execPath, [outfile, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...emulatorEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const code = await new Promise((r) => child.on('close', r))
  mkdirSync(LOG_DIR, { recursive: true })
  writeFileSync(join(LOG_DIR, 'seed.log'), out)
  if (code !== 0) throw new Error(`seed failed (exit ${code}):\n${tail(out, 25)}`)
  const lines = out.trim().split('\n')
  const summary = lines.filter((l) => l.startsWith('seed:')).pop() ?? 'seed: done'
  status(summary)
  const json = lines.filter((l) => l.startsWith('seed-json: ')).pop()
  return { summary, ...(json ? JSON.parse(json.slice('seed-json: '.length)) : {}) }
}

// ---------------------------------------------------------------------------------------------

/**
 * Start (or reuse) the stack. Resolves once Firestore answers, Auth is up and the Functions
 * emulator has loaded the functions. Returns { env, stop, reused }.
 */
export async function start({ functions = true, watchRules = false, signals = true, silent = false } = {}) {
  quiet = silent
  if (signals) installSignalHandlers()
  const t0 = Date.now()
  try {
    let withFunctions = false
    const fsPromise = startFirestore()
    if (functions) {
      try {
        withFunctions = await buildFunctions()
        if (!withFunctions) status('functions: functions/src/index.ts not found — starting Auth only')
      } catch (err) {
        status(`functions: build failed — starting Auth only (${String(err.message).split('\n')[0]})`)
      }
    }
    // The firebase-tools suite needs FIRESTORE_EMULATOR_HOST only at function run time, so both start together.
    const settled = await Promise.allSettled([fsPromise, startFirebaseTools(withFunctions)])
    const failed = settled.find((s) => s.status === 'rejected')
    if (failed) throw failed.reason
    const [fsRec, fbRec] = settled.map((s) => s.value)
    const rulesLoaded = await loadRules()
    if (withFunctions && fbRec) await warmFunctions(fbRec)
    if (watchRules && existsSync(RULES_FILE)) {
      watchFile(RULES_FILE, { interval: 1000 }, () => {
        loadRules().then((ok) => ok && status('firestore: rules reloaded'))
      })
    }
    status(
      `ready in ${((Date.now() - t0) / 1000).toFixed(1)} s — firestore ${HOST}:${PORTS.firestore}${rulesLoaded ? ' (rules loaded)' : ' (no rules: open)'}, auth ${HOST}:${PORTS.auth}, functions ${HOST}:${PORTS.functions}; logs in ${rel(LOG_DIR)}/`,
    )
    return {
      env: emulatorEnv(),
      reused: { firestore: fsRec === null, firebase: fbRec === null },
      startupMs: Date.now() - t0,
      stop: async () => {
        unwatchFile(RULES_FILE)
        await stopAll()
      },
    }
  } catch (err) {
    await stopAll()
    throw err
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const args = new Set(process.argv.slice(2))
  if (args.has('--help')) {
    console.log('usage: node scripts/emulators.mjs [--no-functions]   start the emulators and wait for Ctrl-C')
    process.exit(0)
  }
  try {
    const { stop, reused } = await start({ functions: !args.has('--no-functions'), watchRules: true })
    if (reused.firestore && reused.firebase) {
      status('everything was already running; nothing to stop here')
      await stop()
      process.exit(0)
    }
    status('running — Ctrl-C to stop')
    setInterval(() => {}, 1 << 30) // stay alive until a signal
  } catch (err) {
    console.error(`[emulators] ${err.message}`)
    process.exit(1)
  }
}

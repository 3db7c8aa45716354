#!/usr/bin/env node
/**
 * Size budget, run after `vite build`:
 * - initial JS (the entry script of dist/index.html, or the manifest's entry its inline loader adds,
 *   + every chunk it modulepreloads or imports statically) ≤ 90 KB gzip, and none of it may contain Firebase code;
 *   plus the English messages the shell awaits before mounting (src/i18n/route-messages.ts);
 * - the lazily loaded Firebase chunk ≤ 80 KB gzip, reached only through dynamic import();
 * Also reports the first route's lazy chunks and the service worker's precache total.
 * Exit code 1 when a budget is broken.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { GLOBAL_NAMESPACES } from '../src/i18n/route-messages.ts'

// `--dist=<folder>` measures another build (a STACK_SLOT build, the bench's baseline bundles);
// `--json` adds one `size-json: {…}` line with the figures (read by scripts/bench/size.mjs).
const distArg = process.argv.find((a) => a.startsWith('--dist='))
const DIST = distArg ? resolve(distArg.slice('--dist='.length)) : new URL('../dist/', import.meta.url).pathname
const INITIAL_BUDGET = 90 * 1024
const FIREBASE_BUDGET = 80 * 1024
/** Strings only Firebase's own code contains (a chunk *name* in an import map is not code). */
const FIREBASE_MARKERS = ['@firebase/', 'FirebaseError', 'firebaseapp.com', 'identitytoolkit.googleapis.com', 'firestore.googleapis.com']
const FIREBASE_NAME = /firebase/i

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('size-budget: dist/index.html not found; run `vite build` first.')
  process.exit(1)
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8')
const manifest = readJson(join(DIST, '.vite', 'manifest.json'))
const failures = []

const tagEntries = [...html.matchAll(/<script[^>]+type="module"[^>]*\ssrc="\/?([^"]+)"/g)].map((m) => m[1])
// The app's HTML has no entry tag: its inline loader adds the entry and Vite's preloads after the
// first paint (scripts/vite/route-preload.ts). The manifest's entry is then the one the HTML names,
// and its static imports (what Vite modulepreloads) are counted below all the same.
const entryFiles = tagEntries.length
  ? tagEntries
  : Object.values(manifest ?? {})
      .filter((c) => c.isEntry && c.src === 'index.html' && html.includes(`"/${c.file}"`))
      .map((c) => c.file)
const preloadFiles = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*\shref="\/?([^"]+)"/g)].map((m) => m[1])
if (entryFiles.length === 0) failures.push('no entry <script type="module"> in dist/index.html, nor an entry of the manifest it loads')
// Static imports of the entry load before first paint even when not modulepreloaded.
const initial = closeOverStaticImports([...entryFiles, ...preloadFiles])

const rows = []
let initialTotal = 0
for (const file of initial) {
  const { gzip, text } = measure(file)
  initialTotal += gzip
  const firebase = FIREBASE_NAME.test(file) || FIREBASE_MARKERS.some((m) => text.includes(m))
  if (firebase) failures.push(`initial chunk ${file} contains Firebase code`)
  rows.push({ group: 'initial', file, gzip, note: firebase ? 'FIREBASE!' : entryFiles.includes(file) ? 'entry' : 'preload' })
}
// The shell's messages (English, the default) are awaited before the app mounts: part of the
// initial load. Every other namespace loads with its page; both languages are reported.
const messageChunks = Object.entries(manifest ?? {})
  .map(([src, chunk]) => ({ match: /^src\/locales\/([a-z]+)\/([A-Za-z]+)\.json$/.exec(src), file: chunk.file }))
  .filter((c) => c.match)
  .map((c) => ({ locale: c.match[1], namespace: c.match[2], file: c.file, gzip: measure(c.file).gzip }))
for (const c of messageChunks.filter((c) => c.locale === 'en' && GLOBAL_NAMESPACES.includes(c.namespace))) {
  initialTotal += c.gzip
  rows.push({ group: 'initial', file: c.file, gzip: c.gzip, note: `messages: en/${c.namespace}` })
}
const messages = Object.fromEntries(
  ['en', 'cy'].map((l) => {
    const mine = messageChunks.filter((c) => c.locale === l)
    const sum = (list) => list.reduce((t, c) => t + c.gzip, 0)
    return [l, { shell: sum(mine.filter((c) => GLOBAL_NAMESPACES.includes(c.namespace))), all: sum(mine), files: mine.length }]
  }),
)
if (initialTotal > INITIAL_BUDGET) failures.push(`initial JS ${kb(initialTotal)} > ${kb(INITIAL_BUDGET)} gzip`)

const assetsDir = join(DIST, 'assets')
const firebaseFiles = readdirSync(assetsDir)
  .filter((f) => f.endsWith('.js') && FIREBASE_NAME.test(f))
  .map((f) => `assets/${f}`)
let firebaseTotal = 0
for (const file of firebaseFiles) {
  const { gzip } = measure(file)
  firebaseTotal += gzip
  rows.push({ group: 'firebase (lazy)', file, gzip, note: '' })
}
if (firebaseTotal > FIREBASE_BUDGET) failures.push(`Firebase chunk ${kb(firebaseTotal)} > ${kb(FIREBASE_BUDGET)} gzip`)

// Only the platform loader may reach Firebase, through a dynamic import(): a feature chunk that
// imports it statically would drag Firebase into that route's first paint.
for (const chunk of Object.values(manifest ?? {})) {
  if (FIREBASE_NAME.test(chunk.file)) continue
  for (const key of chunk.imports ?? []) {
    const dep = manifest[key]?.file ?? ''
    if (FIREBASE_NAME.test(dep)) failures.push(`${chunk.file} imports ${dep} statically (it must be a dynamic import())`)
  }
}

// Informational: what the Home route adds after the entry (lazy, but needed for the first view).
const home = manifest && Object.values(manifest).find((c) => c.src === 'src/features/home/HomeView.vue')
let homeTotal = 0
if (home) {
  for (const file of closeOverStaticImports([home.file]).filter((f) => !initial.includes(f))) {
    const { gzip } = measure(file)
    homeTotal += gzip
    rows.push({ group: 'home route (lazy)', file, gzip, note: '' })
  }
}

printTable(rows)
console.log('')
console.log(`initial JS (entry + preloads): ${kb(initialTotal)} gzip (budget ${kb(INITIAL_BUDGET)})`)
for (const [l, m] of Object.entries(messages))
  console.log(
    `messages ${l}:                   ${kb(m.shell)} gzip before mount, ${kb(m.all)} in all (${m.files} namespaces, each with its page)`,
  )
if (home) console.log(`first view adds (Home route):  ${kb(homeTotal)} gzip, loaded lazily`)
console.log(
  firebaseFiles.length
    ? `Firebase chunk(s):             ${kb(firebaseTotal)} gzip (budget ${kb(FIREBASE_BUDGET)})`
    : 'Firebase chunk(s):             none built (nothing imports src/platform/firebase yet)',
)
const precache = precacheSize()
if (precache) console.log(`service worker precache:       ${precache.count} files, ${kb(precache.bytes)} raw, ${kb(precache.gzip)} gzip`)
if (process.argv.includes('--json')) {
  console.log(
    `size-json: ${JSON.stringify({ initialGzip: initialTotal, initialFiles: initial, homeGzip: homeTotal, firebaseGzip: firebaseTotal, firebaseFiles, messages, precache, failures })}`,
  )
}

if (failures.length) {
  console.error(`\nsize budget FAILED:\n- ${failures.join('\n- ')}`)
  process.exit(1)
}
console.log('\nsize budget OK')

/** The files plus everything they import statically, per the build manifest (file paths). */
function closeOverStaticImports(files) {
  const byFile = new Map(Object.entries(manifest ?? {}).map(([key, chunk]) => [chunk.file, { key, chunk }]))
  const seen = new Set()
  const queue = [...files]
  while (queue.length) {
    const file = queue.shift()
    if (seen.has(file)) continue
    seen.add(file)
    for (const key of byFile.get(file)?.chunk.imports ?? []) {
      const dep = manifest[key]?.file
      if (dep) queue.push(dep)
    }
  }
  return [...seen].filter((f) => f.endsWith('.js'))
}

function measure(file) {
  const buffer = readFileSync(join(DIST, file))
  return { gzip: gzipSync(buffer).length, text: buffer.toString('utf8') }
}

function precacheSize() {
  const swPath = join(DIST, 'sw.js')
  if (!existsSync(swPath)) return null
  const urls = new Set([...readFileSync(swPath, 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]))
  let bytes = 0
  let gzip = 0
  for (const url of urls) {
    const path = join(DIST, url)
    if (!existsSync(path)) continue
    bytes += statSync(path).size
    gzip += gzipSync(readFileSync(path)).length
  }
  return { count: urls.size, bytes, gzip }
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`
}

function printTable(list) {
  const header = ['group', 'file', 'gzip', 'note']
  const lines = list.map((r) => [r.group, r.file, kb(r.gzip), r.note])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const fmt = (cells) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')
  console.log(fmt(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const l of lines) console.log(fmt(l))
}

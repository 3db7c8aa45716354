/**
 * Sizes: the app's initial JS (entry + modulepreloads + their static imports), its lazy Firebase
 * chunk and the service worker's precache, gzip — measured by scripts/size-budget.mjs on the
 * emulator-mode build — beside the framework floor (Vue + Pinia + vue-router hello app with the
 * same Firebase SDK entry points) built in the same run.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { kb, log, ROOT, row } from './lib.mjs'
import { buildFloor } from './vite-builds.mjs'

/** Runs size-budget.mjs on a build folder; its figures and whether the budget held. */
export function measureBuild(dist) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'size-budget.mjs'), `--dist=${dist}`, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('size-json: '))
  if (!line) throw new Error(`size-budget.mjs gave no figures for ${dist}:\n${r.stdout}\n${r.stderr}`)
  return { ...JSON.parse(line.slice('size-json: '.length)), ok: r.status === 0, output: r.stdout }
}

/** Every file of a build, gzip (the floor has no service worker: its whole output is the baseline). */
function totalGzip(dir) {
  let bytes = 0
  let count = 0
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) {
        if (name !== '.vite') walk(p)
      } else {
        bytes += gzipSync(readFileSync(p)).length
        count++
      }
    }
  }
  walk(dir)
  return { bytes, count }
}

/** @param {{ distDir: string }} ctx (the app is already built there) */
export async function runSize(ctx) {
  const app = measureBuild(join(ROOT, ctx.distDir))
  log(
    'size',
    `app: initial ${kb(app.initialGzip)} KB, Firebase ${kb(app.firebaseGzip)} KB, precache ${app.precache ? kb(app.precache.gzip) : '?'} KB gzip`,
  )
  const floorDir = await buildFloor()
  const floor = measureBuild(floorDir)
  const floorTotal = totalGzip(floorDir)
  log(
    'size',
    `floor: initial ${kb(floor.initialGzip)} KB, Firebase SDK ${kb(floor.firebaseGzip)} KB, all files ${kb(floorTotal.bytes)} KB gzip`,
  )
  const budget = (text, target) => ({ op: '<=', target, text })
  const rows = [
    row(
      'size',
      'initial JS (entry + preloads), gzip',
      kb(app.initialGzip),
      'KB',
      kb(floor.initialGzip),
      'vue+pinia+router hello',
      budget('≤ 90 KB (gated)', 90),
      app.failures.some((f) => f.includes('Firebase')) ? 'FIREBASE IN INITIAL JS' : `${app.initialFiles.length} files, no Firebase`,
    ),
    row(
      'size',
      'i18n: messages before mount (en | cy), gzip',
      kb(app.messages.en.shell),
      'KB',
      null,
      '',
      null,
      `cy ${kb(app.messages.cy.shell)} KB; all pages ${kb(app.messages.en.all)} | ${kb(app.messages.cy.all)} KB, loaded per page; in the initial JS above`,
    ),
    row('size', 'Home route adds (lazy), gzip', kb(app.homeGzip), 'KB', null, '', null, 'first view after the shell'),
    row(
      'size',
      'Firebase chunk (lazy), gzip',
      kb(app.firebaseGzip),
      'KB',
      kb(floor.firebaseGzip),
      'same SDK entry points, bare',
      budget('≤ 80 KB (gated)', 80),
    ),
    row(
      'size',
      'service worker precache, gzip',
      app.precache ? kb(app.precache.gzip) : null,
      'KB',
      kb(floorTotal.bytes),
      'floor build, all files',
      null,
      app.precache ? `${app.precache.count} files, ${kb(app.precache.bytes)} KB raw` : 'no sw.js',
    ),
  ]
  return { rows, data: { app: strip(app), floor: strip(floor), floorTotal, budgetOk: app.ok } }
}

function strip({ output: _output, ...rest }) {
  return rest
}

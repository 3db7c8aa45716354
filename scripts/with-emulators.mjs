#!/usr/bin/env node
// Run a command against the local Firebase stack, then stop everything and exit with its code.
//
//   node scripts/with-emulators.mjs [--seed] [--serve] [--no-functions] -- <command...>
//     --seed          seed the demo institution first (scripts/seed.ts)
//     --serve         build the PWA in emulator mode and serve it on APP_URL (vite preview :4173)
//     --no-functions  Auth + Firestore only
//
// The command gets FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST, GCLOUD_PROJECT,
// FUNCTIONS_EMULATOR_ORIGIN and APP_URL, and node_modules/.bin on PATH. Emulators already running
// (e.g. under `npm start`) are reused and left running.
import { spawn } from 'node:child_process'
import { delimiter, join } from 'node:path'
import { APP_URL, DIST_DIR, ROOT, buildApp, installSignalHandlers, onShutdown, runSeed, serveApp, start, status } from './emulators.mjs'

const argv = process.argv.slice(2)
const sep = argv.indexOf('--')
const opts = new Set(sep >= 0 ? argv.slice(0, sep) : argv)
const command = sep >= 0 ? argv.slice(sep + 1) : []
if (command.length === 0 || opts.has('--help')) {
  console.error('usage: node scripts/with-emulators.mjs [--seed] [--serve] [--no-functions] -- <command...>')
  process.exit(command.length === 0 ? 2 : 0)
}
for (const o of opts) {
  if (!['--seed', '--serve', '--no-functions'].includes(o)) {
    console.error(`with-emulators: unknown option ${o}`)
    process.exit(2)
  }
}

let child = null
onShutdown(async () => {
  // The command shares our terminal's process group, so Ctrl-C reached it too; give it a moment.
  if (child && child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))])
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
})
installSignalHandlers()

let stack = null
let code = 1
try {
  // The app build needs no emulator: run it while they start.
  const built = opts.has('--serve')
    ? buildApp().then(
        () => null,
        (err) => err,
      )
    : null
  stack = await start({ functions: !opts.has('--no-functions') })
  if (opts.has('--seed')) await runSeed()
  if (built) {
    const buildError = await built
    if (buildError) throw buildError
    await serveApp()
  }

  const env = {
    ...process.env,
    ...stack.env,
    APP_URL,
    DIST_DIR,
    PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
  }
  status(`running: ${command.join(' ')}`)
  child = spawn(command[0], command.slice(1), { stdio: 'inherit', env, cwd: process.cwd() })
  code = await new Promise((resolve) => {
    child.on('error', (err) => {
      console.error(`with-emulators: cannot run ${command[0]}: ${err.message}`)
      resolve(127)
    })
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1)))
  })
} catch (err) {
  console.error(`with-emulators: ${err.message}`)
  code = 1
} finally {
  await stack?.stop()
}
process.exit(code)

function signalNumber(sig) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[sig]
}

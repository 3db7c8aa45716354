#!/usr/bin/env node
// `npm start`: the whole local stack on this machine, no credentials needed.
//   1. Cloud Firestore emulator (java) + firebase-tools Auth and Functions emulators
//   2. the demo institution seeded into them (scripts/seed.ts)
//   3. the PWA built in emulator mode and served by `vite preview`
// then prints the URL and the demo sign-ins and waits. Ctrl-C stops every process it started.
//
//   node scripts/start.mjs [--no-app] [--no-seed] [--reset] [--members N]
//     --no-app     emulators + seed only (e.g. while you run `npm run dev` against them)
//     --no-seed    start empty
//     --reset      overwrite demo documents that already exist (when reusing running emulators)
//     --members N  seed N members (default 36)
import { relative } from 'node:path'
import { APP_URL, LOG_DIR, PORTS, ROOT, buildApp, installSignalHandlers, runSeed, serveApp, start, status } from './emulators.mjs'

const argv = process.argv.slice(2)
const flags = new Set(argv)
if (flags.has('--help') || flags.has('-h')) {
  console.log('usage: npm start -- [--no-app] [--no-seed] [--reset] [--members N]')
  process.exit(0)
}
const membersIdx = argv.indexOf('--members')
const seedArgs = []
if (membersIdx >= 0) seedArgs.push('--members', argv[membersIdx + 1])
if (flags.has('--reset')) seedArgs.push('--reset')

installSignalHandlers()
const t0 = Date.now()
// The app build needs no emulator: run it while they start.
const withApp = !flags.has('--no-app')
const built = withApp
  ? buildApp().then(
      () => null,
      (err) => err,
    )
  : Promise.resolve(null)
let stack
let seeded = null
try {
  stack = await start({ watchRules: true })
  if (!flags.has('--no-seed')) seeded = await runSeed(seedArgs)
} catch (err) {
  console.error(`[start] ${err.message}`)
  await stack?.stop()
  process.exit(1)
}

let appUrl = null
if (withApp) {
  try {
    const buildError = await built
    if (buildError) throw buildError
    appUrl = (await serveApp()).url
  } catch (err) {
    console.error(`[start] ${err.message}`)
    console.error('[start] the emulators keep running; fix the app and run `npm run build:app`, or use `npm run dev`.')
  }
}

const secs = ((Date.now() - t0) / 1000).toFixed(1)
const line = '─'.repeat(64)
console.log(`\n${line}`)
console.log(`  Technician Hub — local stack up in ${secs} s`)
console.log(
  appUrl ? `  App:        ${appUrl}` : `  App:        not served${flags.has('--no-app') ? ' (--no-app)' : ''} — expected at ${APP_URL}`,
)
console.log(`  Emulators:  Firestore 127.0.0.1:${PORTS.firestore} · Auth 127.0.0.1:${PORTS.auth} · Functions 127.0.0.1:${PORTS.functions}`)
if (seeded?.signIns) {
  console.log(`  Demo sign-ins (password for all: ${seeded.password}):`)
  for (const s of seeded.signIns) console.log(`    ${s.email.padEnd(28)} ${s.role.padEnd(11)} ${s.displayName}`)
  console.log(`    + ${seeded.members - seeded.signIns.length} generated members, e.g. ${seeded.sample.join(', ')}`)
  console.log(`  Join code (addresses outside example.ac.uk): ${seeded.joinCode}`)
}
console.log(`  Logs:       ${relative(ROOT, LOG_DIR)}/   ·   Ctrl-C stops everything`)
console.log(`${line}\n`)
status('waiting (Ctrl-C to stop)')
setInterval(() => {}, 1 << 30) // stay alive until a signal

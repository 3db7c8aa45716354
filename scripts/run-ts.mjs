#!/usr/bin/env node
// Runs a TypeScript admin script (one that may import `@/domain/...` and `functions/src/...`):
// bundles it with esbuild (firebase-admin stays external) and runs it with this Node.
//
//   node scripts/run-ts.mjs scripts/migrate.ts [args...]
//
// Against the emulators, run it inside `node scripts/with-emulators.mjs -- …` (or export
// FIRESTORE_EMULATOR_HOST / FIREBASE_AUTH_EMULATOR_HOST); against a real project, with
// GOOGLE_APPLICATION_CREDENTIALS (or `gcloud auth application-default login`) and
// GOOGLE_CLOUD_PROJECT=your-project.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { bundleScript } from './emulators.mjs'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <script.ts> [args...]')
  process.exit(2)
}
const outfile = await bundleScript(resolve(entry))
const child = spawn(process.execPath, [outfile, ...args], { stdio: 'inherit' })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

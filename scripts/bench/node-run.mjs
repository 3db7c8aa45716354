/**
 * Runs a TypeScript bench module (scripts/bench/node/*.ts) in its own Node process: bundled with
 * esbuild (the app's '@' alias; packages stay external and resolve from node_modules), with
 * `import.meta.env` defined as the emulator-mode build env so src/platform/firebase reads the
 * right ports. The child prints progress lines and one final `bench-json: {…}` line.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import * as esbuild from 'esbuild'
import { appBuildEnv } from '../emulators.mjs'
import { aliasPlugin } from '../../functions/build.mjs'
import { ROOT } from './lib.mjs'

const CACHE = join(ROOT, 'node_modules', '.cache', 'technician-hub', 'bench')

/** Bare package imports stay external (Node resolves them); '@/…' is the app's alias. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./@]|^@[^/]/ }, (args) => ({ path: args.path, external: true }))
  },
}

/** Bundles `entry` (relative to the repository) to an .mjs file; returns its path. */
export async function bundleNode(entry, name) {
  mkdirSync(CACHE, { recursive: true })
  const outfile = join(CACHE, `${name}.mjs`)
  await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'error',
    plugins: [aliasPlugin, externalPackages],
    define: { 'import.meta.env': JSON.stringify({ ...appBuildEnv(), VITE_EMULATOR_HOST: '127.0.0.1', PROD: true, DEV: false }) },
  })
  return outfile
}

/**
 * Runs a bundled module with `args` and extra `env`; streams its progress lines with a prefix and
 * resolves with the parsed `bench-json` payload (rejects when it exits without one).
 */
export async function runNodeModule(entry, name, { env = {}, args = [], prefix = name, timeoutMs = 10 * 60_000 } = {}) {
  const file = await bundleNode(entry, name)
  const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let payload = null
  let tail = ''
  const onLine = (line) => {
    if (line.startsWith('bench-json: ')) payload = JSON.parse(line.slice('bench-json: '.length))
    else if (line.trim()) {
      console.log(`[bench:${prefix}] ${line}`)
      tail = `${tail}\n${line}`.slice(-4000)
    }
  }
  const split = (stream) => {
    let buf = ''
    stream.on('data', (d) => {
      buf += d
      let i
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i))
        buf = buf.slice(i + 1)
      }
    })
    stream.on('end', () => buf && onLine(buf))
  }
  split(child.stdout)
  split(child.stderr)
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await new Promise((r) => child.on('close', r))
  clearTimeout(timer)
  if (!payload) throw new Error(`${entry} exited (${code}) without figures:${tail}`)
  return payload
}

export const hasFile = (rel) => existsSync(join(ROOT, rel))

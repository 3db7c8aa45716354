#!/usr/bin/env node
// Bundles functions/src/index.ts (and the shared src/domain code it imports) into functions/lib/index.js.
// firebase-admin and firebase-functions stay external: at runtime Node resolves them from
// functions/node_modules when present (real deploys), else from the repository's root node_modules.
//
//   node functions/build.mjs            one build
//   node functions/build.mjs --watch    rebuild on change (the functions emulator reloads lib/)
//   node functions/build.mjs --entry /tmp/x.ts   bundle another entry (smoke tests)
import * as esbuild from 'esbuild'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const srcRoot = resolve(here, '../src')

/** '@/domain/x' → <repo>/src/domain/x, resolved with esbuild's own extension rules. */
export const aliasPlugin = {
  name: 'alias-at',
  setup(build) {
    build.onResolve({ filter: /^@\// }, (args) =>
      build.resolve(`./${args.path.slice(2)}`, { resolveDir: srcRoot, kind: args.kind, importer: args.importer }),
    )
  },
}

export function buildOptions({ entry = resolve(here, 'src/index.ts'), outfile = resolve(here, 'lib/index.js') } = {}) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    // CommonJS: functions/package.json has no "type", so Node and the emulator load lib/index.js as CJS.
    format: 'cjs',
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
    legalComments: 'none',
    external: ['firebase-admin', 'firebase-admin/*', 'firebase-functions', 'firebase-functions/*'],
    plugins: [aliasPlugin],
    // Lets an entry outside the repository (smoke tests) resolve the repo's packages too.
    nodePaths: [resolve(here, '../node_modules')],
  }
}

/** Build once; throws on errors. Returns the output path. */
export async function buildFunctions(opts = {}) {
  const options = buildOptions(opts)
  if (!existsSync(options.entryPoints[0])) throw new Error(`functions entry not found: ${options.entryPoints[0]}`)
  await esbuild.build(options)
  return options.outfile
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const args = process.argv.slice(2)
  const entryIdx = args.indexOf('--entry')
  const opts = entryIdx >= 0 ? { entry: resolve(args[entryIdx + 1]) } : {}
  try {
    if (args.includes('--watch')) {
      const ctx = await esbuild.context(buildOptions(opts))
      await ctx.watch()
      console.log('functions: watching for changes')
    } else {
      const t = Date.now()
      const out = await buildFunctions(opts)
      console.log(`functions: built ${out} in ${Date.now() - t} ms`)
    }
  } catch (err) {
    console.error(`functions: build failed: ${err.message}`)
    process.exit(1)
  }
}

/**
 * The namespace lists are complete: walking each route's component and everything it imports
 * (statically or lazily) finds no message key of a namespace its route does not load.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NOTIFICATION_KINDS } from '@/domain/notifications'
import { GLOBAL_NAMESPACES, ROUTE_MESSAGES } from './route-messages'

const ROOT = resolve(__dirname, '../..')
const NAMESPACES = readdirSync(join(ROOT, 'src/locales/en')).map((f) => f.replace(/\.json$/, ''))
const KEY = new RegExp(`['"\`](${NAMESPACES.join('|')})\\.[A-Za-z][\\w.]*`, 'g')
/** Codes that read like keys but are not: a notification kind such as 'registration.milestone'. */
const CODES = new Set<string>(NOTIFICATION_KINDS)
const DOMAIN = join(ROOT, 'src/domain/')
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, 'src', spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null
  if (!base) return null
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (/\.(ts|vue)$/.test(candidate) && existsSync(candidate)) return candidate
  return null
}

/** Namespaces used by a file and everything it imports within src (tests excluded). */
function namespacesOf(start: string): Set<string> {
  const seen = new Set<string>()
  const found = new Set<string>()
  const queue = [start]
  while (queue.length) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    // The domain words nothing (its comments may name the keys the client uses for its codes).
    if (!file.startsWith(DOMAIN)) for (const m of text.matchAll(KEY)) if (!CODES.has(m[0].slice(1))) found.add(m[1]!)
    for (const m of text.matchAll(IMPORT)) {
      const next = resolveImport(file, m[1]!)
      if (next && !next.endsWith('.test.ts')) queue.push(next)
    }
  }
  return found
}

const router = readFileSync(join(ROOT, 'src/router/index.ts'), 'utf8')
const routes = [...router.matchAll(/name: '([^']+)',\s*component: \(\) => import\('([^']+)'\)/g)].map((m) => ({
  name: m[1]!,
  file: resolveImport(join(ROOT, 'src/router/index.ts'), m[2]!)!,
}))

describe('route message lists', () => {
  it('cover every route', () => {
    expect(routes.length).toBeGreaterThan(20)
    expect(Object.keys(ROUTE_MESSAGES).sort()).toEqual(routes.map((r) => r.name).sort())
  })

  it('list only namespaces that exist', () => {
    for (const ns of [...GLOBAL_NAMESPACES, ...Object.values(ROUTE_MESSAGES).flat()]) expect(NAMESPACES).toContain(ns)
  })

  it('load what the shell uses before mount', () => {
    const missing = [...namespacesOf(join(ROOT, 'src/App.vue'))].filter((ns) => !GLOBAL_NAMESPACES.includes(ns))
    expect(missing).toEqual([])
  })

  for (const route of routes) {
    it(`${route.name}: loads every namespace its components use`, () => {
      const loads = new Set([...GLOBAL_NAMESPACES, ...(ROUTE_MESSAGES[route.name] ?? [])])
      expect([...namespacesOf(route.file)].filter((ns) => !loads.has(ns)).sort()).toEqual([])
    })
  }
})

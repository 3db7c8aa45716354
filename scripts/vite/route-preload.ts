/**
 * Route preloading for the first load: the built index.html learns which chunks each top-level
 * route needs, and a tiny inline script asks for the current route's chunks at once, in parallel
 * with the entry, instead of after the entry has run and the router has resolved the route
 * (one round trip less before the page's first content on a slow phone network).
 */
import { resolve } from 'node:path'
import type { OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'

/** Path → the route component's source file, for the routes people open the app on. */
export type RouteModules = Record<string, string>

/** Path → the message namespaces that page shows first (the global ones under '*'). */
export type RouteNamespaces = Record<string, readonly string[]>

export function routePreload(routes: RouteModules, namespaces: RouteNamespaces, root = process.cwd()): Plugin {
  return {
    name: 'technician-hub:route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html
        const map = preloadMap(ctx.bundle, routes, root)
        const locales = localeChunks(ctx.bundle, root)
        // The route's chunks, and the messages it awaits before it shows, in the language chosen on
        // this device (else the browser's): src/i18n loads the same ones.
        const script = `<script>(()=>{const m=${JSON.stringify(map)},L=${JSON.stringify(locales)},N=${JSON.stringify(namespaces)},p=location.pathname.replace(/\\/+$/,'')||'/';let c=null;try{c=localStorage.getItem('th-locale')||localStorage.getItem('th-locale-followed')}catch{}if(!L[c])c=(navigator.languages||[]).some(l=>/^cy\\b/i.test(l))?'cy':'en';const a=f=>{const l=document.createElement('link');l.rel='modulepreload';l.href='/'+f;document.head.appendChild(l)};for(const f of m[p]||[])a(f);for(const n of N[p]||N['*']||[])if(L[c][n])a(L[c][n])})()</script>`
        // Before the stylesheet: an inline script after it would wait for it to download.
        return html.replace('<title>', `${script}\n    <title>`)
      },
    },
  }
}

/** For each route, its chunk and the chunks it imports statically, less what the entry loads anyway. */
export function preloadMap(bundle: OutputBundle, routes: RouteModules, root: string): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk')
  const byModule = new Map(chunks.filter((c) => c.facadeModuleId).map((c) => [c.facadeModuleId!, c]))
  const closure = (start: OutputChunk) => {
    const seen = new Set<string>()
    const visit = (c: OutputChunk | undefined) => {
      if (!c || seen.has(c.fileName)) return
      seen.add(c.fileName)
      for (const name of c.imports) visit(bundle[name] as OutputChunk | undefined)
    }
    visit(start)
    return seen
  }
  const entry = chunks.find((c) => c.isEntry)
  const initial = entry ? closure(entry) : new Set<string>()
  const map: Record<string, string[]> = {}
  for (const [path, file] of Object.entries(routes)) {
    const chunk = byModule.get(resolve(root, file))
    if (!chunk) throw new Error(`route-preload: no chunk for ${file} (route ${path})`)
    map[path] = [...closure(chunk)].filter((f) => !initial.has(f))
  }
  return map
}

/** Each language's message chunks by namespace (one chunk per src/locales/<l>/<namespace>.json). */
export function localeChunks(bundle: OutputBundle, root: string): Record<string, Record<string, string>> {
  const dir = resolve(root, 'src/locales')
  const out: Record<string, Record<string, string>> = {}
  for (const c of Object.values(bundle)) {
    if (c.type !== 'chunk' || !c.facadeModuleId?.startsWith(dir)) continue
    const [locale, file] = c.facadeModuleId.slice(dir.length + 1).split(/[\\/]/)
    if (!locale || !file?.endsWith('.json')) continue
    ;(out[locale] ??= {})[file.slice(0, -'.json'.length)] = c.fileName
  }
  return out
}

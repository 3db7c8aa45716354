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

export function routePreload(routes: RouteModules, root = process.cwd()): Plugin {
  return {
    name: 'technician-hub:route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html
        const map = preloadMap(ctx.bundle, routes, root)
        const locales = localeChunks(ctx.bundle)
        // The route's chunks, and the messages the app awaits before it mounts: English (every
        // language's fallback) and the language chosen on this device (src/i18n).
        const script = `<script>(()=>{const m=${JSON.stringify(map)},L=${JSON.stringify(locales)},p=location.pathname.replace(/\\/+$/,'')||'/';let c=null;try{c=localStorage.getItem('th-locale')}catch{}const a=f=>{const l=document.createElement('link');l.rel='modulepreload';l.href='/'+f;document.head.appendChild(l)};for(const f of m[p]||[])a(f);for(const k of new Set(['en',c]))if(L[k])a(L[k])})()</script>`
        return html.replace('</head>', `    ${script}\n  </head>`)
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

/** The messages chunk of each language (vite.config.ts names them `locale-<code>`). */
export function localeChunks(bundle: OutputBundle): Record<string, string> {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk' && /^locale-[a-z]+$/.test(c.name))
  return Object.fromEntries(chunks.map((c) => [c.name.slice('locale-'.length), c.fileName]))
}

/**
 * The first load's scripts, after the first paint. index.html holds a prerendered shell
 * (scripts/vite/prerender-shell.ts) that paints with the HTML and the stylesheet alone, so no
 * script is requested before it: the entry `<script type="module">` and Vite's
 * `<link rel="modulepreload">`s are taken out of the built HTML, and a tiny inline script adds them
 * once the shell has painted (a script requested earlier competes with the stylesheet for the
 * network, and Lighthouse's simulation counts every request started before the first paint as on
 * its path). With them it asks for the chunks of the route the app opens on and the messages that
 * page awaits, so they load in parallel with the entry instead of after the router has resolved
 * the route (one round trip less before the page's content on a slow phone network).
 */
import { resolve } from 'node:path'
import type { OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'

/** Path → the route component's source file, for the routes people open the app on. */
export type RouteModules = Record<string, string>

/** Path → the message namespaces that page shows first (the global ones under '*'). */
export type RouteNamespaces = Record<string, readonly string[]>

/** What the loader asks for: the entry, Vite's preloads, and per route its chunks and messages. */
export interface LoaderData {
  entry: string
  preloads: string[]
  routes: Record<string, string[]>
  locales: Record<string, Record<string, string>>
  namespaces: RouteNamespaces
}

/**
 * Links added per task: adding a `<link rel="modulepreload">` costs about 12 ms of main thread at
 * 4× CPU (measured in Chromium here), so a route's twenty in one task made a 220 ms long task
 * right after the first paint. The rest follow, a few per task.
 */
export const LINKS_PER_TASK = 3

/** If no first contentful paint is reported by then (no paint timing, a page that paints nothing), load anyway. */
export const LOAD_ANYWAY_MS = 3000

/**
 * A start that has not mounted this long after its entry was requested, while the service worker
 * serves every file from the device, is stuck (a module load that never settles: a CI check under
 * load saw the prerendered shell still in #app after 30 s, no error): the page reloads once, which starts it
 * afresh. Not again within START_RETRY_GAP_MS (sessionStorage), so a start that fails every time
 * stays on its shell instead of reloading for ever.
 */
export const START_RETRY_MS = 15_000
export const START_RETRY_GAP_MS = 60_000

export function routePreload(routes: RouteModules, namespaces: RouteNamespaces, root = process.cwd()): Plugin {
  return {
    name: 'technician-hub:route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html
        return deferScripts(html, { routes: preloadMap(ctx.bundle, routes, root), locales: localeChunks(ctx.bundle, root), namespaces })
      },
    },
  }
}

const ENTRY = /[ \t]*<script\b[^>]*\btype="module"[^>]*><\/script>[ \t]*\n?/g
const PRELOAD = /[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>[ \t]*\n?/g
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1]

/**
 * Takes the entry script and the modulepreload links out of the built HTML and puts the loader
 * (which adds them after the first paint) first in <head>.
 */
export function deferScripts(html: string, data: Omit<LoaderData, 'entry' | 'preloads'>): string {
  const entries = [...html.matchAll(ENTRY)].map((m) => attr(m[0], 'src'))
  if (entries.length !== 1 || !entries[0])
    throw new Error(`route-preload: expected one entry <script type="module" src>, found ${entries.length}`)
  const preloads = [...html.matchAll(PRELOAD)].map((m) => {
    const href = attr(m[0], 'href')
    if (!href) throw new Error(`route-preload: a modulepreload link with no href: ${m[0]}`)
    return href
  })
  const script = `<script>${loaderScript({ ...data, entry: entries[0], preloads })}</script>`
  // Before the stylesheet: an inline script after it would wait for it to download.
  return html.replace(ENTRY, '').replace(PRELOAD, '').replace('<title>', `${script}\n    <title>`)
}

/**
 * The inline loader. The language is chosen as src/i18n does (this device's choice, else the
 * browser's). It waits for the first contentful paint (paint timing), or where that is not
 * reported for the frame after the first (requestAnimationFrame, then a task); a hidden page paints
 * nothing, so it loads at once, and after LOAD_ANYWAY_MS in any case; a start still not mounted
 * START_RETRY_MS later reloads once. Same origin: the elements need
 * no crossorigin attribute (module scripts and modulepreloads are fetched in CORS mode anyway).
 */
export function loaderScript(d: LoaderData): string {
  return `(()=>{const m=${JSON.stringify(d.routes)},L=${JSON.stringify(d.locales)},N=${JSON.stringify(d.namespaces)},p=location.pathname.replace(/\\/+$/,'')||'/',h=document.head;let c=null,done=false;try{c=localStorage.getItem('th-locale')||localStorage.getItem('th-locale-followed')}catch{}if(!L[c])c=(navigator.languages||[]).some(l=>/^cy\\b/i.test(l))?'cy':'en';const a=f=>{const l=document.createElement('link');l.rel='modulepreload';l.href=f;h.appendChild(l)},go=()=>{if(done)return;done=true;const s=document.createElement('script');s.type='module';s.src=${JSON.stringify(d.entry)};h.appendChild(s);setTimeout(()=>{try{if(!document.querySelector('#app>.th-shell')||!navigator.serviceWorker||!navigator.serviceWorker.controller)return;const k='th-start-retry',t=Number(sessionStorage.getItem(k))||0;if(Date.now()-t<${START_RETRY_GAP_MS})return;sessionStorage.setItem(k,String(Date.now()));location.reload()}catch{}},${START_RETRY_MS});const q=[...${JSON.stringify(d.preloads)}];for(const f of m[p]||[])q.push('/'+f);for(const n of N[p]||N['*']||[])if(L[c][n])q.push('/'+L[c][n]);const step=()=>{for(const f of q.splice(0,${LINKS_PER_TASK}))a(f);if(q.length)setTimeout(step)};step()};if(document.visibilityState==='hidden')go();else{setTimeout(go,${LOAD_ANYWAY_MS});document.addEventListener('visibilitychange',go,{once:true});let o=false;try{if(PerformanceObserver.supportedEntryTypes.includes('paint')){new PerformanceObserver(l=>{if(l.getEntriesByName('first-contentful-paint').length)go()}).observe({type:'paint',buffered:true});o=true}}catch{}if(!o)requestAnimationFrame(()=>setTimeout(go))}})()`
}

/**
 * For each route, its chunk, the chunks it imports statically, and the components it loads at once
 * with `defineAsyncComponent` (its dynamic imports: Home's cards) with theirs, less what the entry
 * loads anyway. Listed here, they are requested in small steps before the app mounts; left to
 * Vite's preload helper, each `<link>` it adds while the page mounts (about 12 ms each at 4× CPU)
 * lengthened the mount's one long task. Their stylesheets stay with the helper, which holds a
 * component back until its styles have loaded (no unstyled flash, no shift).
 */
export function preloadMap(bundle: OutputBundle, routes: RouteModules, root: string): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk')
  const byModule = new Map(chunks.filter((c) => c.facadeModuleId).map((c) => [c.facadeModuleId!, c]))
  const closure = (starts: (OutputChunk | undefined)[]) => {
    const seen = new Set<string>()
    const visit = (c: OutputChunk | undefined) => {
      if (!c || seen.has(c.fileName)) return
      seen.add(c.fileName)
      for (const name of c.imports) visit(bundle[name] as OutputChunk | undefined)
    }
    starts.forEach(visit)
    return seen
  }
  const entry = chunks.find((c) => c.isEntry)
  const initial = entry ? closure([entry]) : new Set<string>()
  const map: Record<string, string[]> = {}
  for (const [path, file] of Object.entries(routes)) {
    const chunk = byModule.get(resolve(root, file))
    if (!chunk) throw new Error(`route-preload: no chunk for ${file} (route ${path})`)
    const starts = [chunk, ...chunk.dynamicImports.map((name) => bundle[name] as OutputChunk | undefined)]
    map[path] = [...closure(starts)].filter((f) => !initial.has(f))
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

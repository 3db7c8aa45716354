/**
 * A prerendered shell: at build time, index.html gets each top-level route's shell (header, the
 * navigation, the page's heading and intro, a skeleton of its first card) in both languages, so
 * the first contentful paint happens when the HTML and the stylesheet are in, before any script
 * has run. The one index.html serves every route (the service worker's navigateFallback, and the
 * server's SPA fallback), so a tiny inline script in <head> picks the route and the language
 * (the same choice as src/i18n's initialLocale) before the body is parsed: it sets `<html lang>`
 * and `data-shell-route`, and CSS shows that route's shell in that language.
 *
 * The shell is the content of #app, inert and aria-hidden (a picture, not yet the page): Vue's
 * mount replaces it with the app (src/main.ts mounts
 * once the first route is resolved, so the page comes in one go). Every node of the app is new,
 * so the swap moves nothing that was on screen (no layout shift) and no heading or landmark is
 * there twice.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

export type ShellLocale = 'en' | 'cy'

export interface ShellPage {
  /** Route name, as in src/router (and MAIN_NAV). */
  route: string
  path: string
  /** Message key of the page's heading, e.g. 'cpd.view.title'. */
  title: string
  /** Message key of the paragraph under it, if the page has one. */
  intro?: string
  /** The intro is muted (class="muted") on the page. */
  mutedIntro?: boolean
  /** Skeleton cards below (the page's first cards or list, before its data is in). */
  skeletons?: number
}

export interface ShellNavItem {
  name: string
  labelKey: string
  icon: string
}

export interface ShellOptions {
  pages: readonly ShellPage[]
  nav: readonly ShellNavItem[]
  icons: Readonly<Record<string, string>>
  /** BCP 47 tag per language (src/i18n/locales.ts LANGUAGE_TAG). */
  tags: Record<ShellLocale, string>
  /**
   * This build's id (also the app's __BUILD_ID__): a last-seen picture taken with another build
   * (other scoped style attributes) is not shown.
   */
  buildId: string
  /** Message lookup; default: src/locales/<locale>/<namespace>.json under `root`. */
  message?: (locale: ShellLocale, key: string) => string
  root?: string
}

const LOCALES: readonly ShellLocale[] = ['en', 'cy']

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A message from src/locales/<locale>/<namespace>.json; plain text only (the shell has no interpolation). */
export function fileMessages(root: string): (locale: ShellLocale, key: string) => string {
  const cache = new Map<string, unknown>()
  return (locale, key) => {
    const [ns, ...path] = key.split('.')
    const file = resolve(root, 'src/locales', locale, `${ns}.json`)
    if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')))
    let value = cache.get(file)
    for (const part of path) value = (value as Record<string, unknown> | undefined)?.[part]
    if (typeof value !== 'string') throw new Error(`prerender-shell: no message ${key} in ${locale}`)
    if (/[{}@|]/.test(value)) throw new Error(`prerender-shell: ${locale} ${key} is not plain text: ${value}`)
    return value
  }
}

/** The element in each language; CSS hides the one <html lang> does not ask for. */
function both(tag: string, attrs: string, key: string, o: Required<Pick<ShellOptions, 'message' | 'tags'>>): string {
  return LOCALES.map(
    (l) => `<${tag}${attrs ? ` ${attrs}` : ''} lang="${o.tags[l]}" data-shell-l="${l}">${escape(o.message(l, key))}</${tag}>`,
  ).join('')
}

/** The shell's markup: what goes inside <div id="app">. */
export function shellHtml(options: ShellOptions): string {
  const o = { ...options, message: options.message ?? fileMessages(options.root ?? process.cwd()) }
  const pathOf = new Map(o.pages.map((p) => [p.route, p.path]))
  const icon = (name: string) =>
    `<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="${escape(o.icons[name] ?? '')}"/></svg>`
  const nav = o.nav
    .map((item) => {
      const path = pathOf.get(item.name)
      if (!path) throw new Error(`prerender-shell: no page for the navigation's ${item.name}`)
      return `<li><a class="th-shell-link" href="${path}" data-shell-nav="${item.name}"><span class="th-shell-icon">${icon(item.icon)}</span>${both('span', 'class="th-shell-label"', item.labelKey, o)}</a></li>`
    })
    .join('')
  const pages = o.pages
    .map((p) => {
      const intro = p.intro ? both('p', p.mutedIntro ? 'class="muted"' : '', p.intro, o) : ''
      const skeletons = '<div class="card th-shell-skeleton"></div>'.repeat(p.skeletons ?? 1)
      return `<article class="stack th-shell-page" data-shell-page="${p.route}">${both('h1', '', p.title, o)}${intro}${skeletons}</article>`
    })
    .join('')
  return (
    // A picture of the page until the app takes over: inert and hidden from assistive technology,
    // so nothing is announced or focused twice and tests and screen readers meet the app itself.
    `<div class="th-shell" inert aria-hidden="true">` +
    `<header class="th-shell-header"><div class="th-shell-bar"><a class="th-shell-brand" href="/"><img src="/logo.svg" alt="" width="32" height="32" />${both('span', '', 'shell.brand', o)}</a></div></header>` +
    `<div class="th-shell-body"><nav class="th-shell-nav"><ul class="th-shell-list">${nav}</ul></nav><main class="th-shell-main">${pages}</main></div>` +
    `</div>`
  )
}

/** The shell's styles: the layout of App.vue, AppHeader.vue and MainNav.vue (keep in step), on theme.css's variables. */
export function shellCss(options: Pick<ShellOptions, 'pages'>): string {
  const routes = options.pages.map((p) => p.route)
  return [
    `html[lang^="cy"] [data-shell-l="en"],html:not([lang^="cy"]) [data-shell-l="cy"],.th-shell-page{display:none}`,
    routes.map((r) => `html[data-shell-route="${r}"] [data-shell-page="${r}"]`).join(',') + `{display:block}`,
    routes.map((r) => `html[data-shell-route="${r}"] [data-shell-nav="${r}"]`).join(',') + `{color:var(--color-on-primary-soft)}`,
    routes.map((r) => `html[data-shell-route="${r}"] [data-shell-nav="${r}"] .th-shell-icon`).join(',') +
      `{background:var(--color-primary-soft)}`,
    `.th-shell-header{position:sticky;top:0;z-index:15;background:var(--color-surface);border-bottom:1px solid var(--color-divider)}`,
    `.th-shell-bar{display:flex;align-items:center;min-height:56px;padding:var(--space-1) var(--space-4);padding-top:max(var(--space-1),env(safe-area-inset-top))}`,
    `.th-shell-brand{display:inline-flex;align-items:center;gap:var(--space-2);min-height:var(--target);color:var(--color-text);font-size:1.125rem;font-weight:700;text-decoration:none}`,
    `.th-shell-nav{position:fixed;inset:auto 0 0 0;z-index:10;background:var(--color-surface);border-top:1px solid var(--color-divider);padding-bottom:env(safe-area-inset-bottom)}`,
    `.th-shell-list{display:grid;grid-template-columns:repeat(5,1fr);list-style:none;margin:0;padding:0}`,
    `.th-shell-link{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:2px;min-height:var(--nav-height);padding:var(--space-1) 2px;color:var(--color-text-muted);font-size:.75rem;font-weight:600;text-decoration:none}`,
    `.th-shell-icon{display:inline-flex;align-items:center;justify-content:center;width:56px;height:30px;border-radius:15px}`,
    `.th-shell-main{display:block;width:100%;max-width:48rem;margin:0 auto;padding:var(--space-4) var(--space-4) calc(var(--nav-height) + var(--space-6) + env(safe-area-inset-bottom))}`,
    `.th-shell-skeleton{min-height:7rem}`,
    // While the app mounts beneath a last-seen picture (src/features/shell/last-seen.ts holdShell).
    `html.th-holding #app{visibility:hidden;position:absolute;top:0;left:0;right:0}`,
    `@media (min-width:900px){` +
      `.th-shell-body{display:grid;grid-template-columns:var(--rail-width) minmax(0,1fr)}` +
      `.th-shell-nav{position:sticky;inset:auto;top:var(--header-height);align-self:start;width:var(--rail-width);height:calc(100dvh - var(--header-height));border-top:0;border-right:1px solid var(--color-divider);padding:var(--space-4) 0 0}` +
      `.th-shell-list{grid-template-columns:1fr;gap:var(--space-2)}` +
      `.th-shell-link{min-height:72px;font-size:.8125rem}` +
      `.th-shell-main{padding:var(--space-6)}` +
      `}`,
  ].join('')
}

/**
 * Runs in <head> before the body is parsed: the language (as src/i18n initialLocale picks it: the
 * choice on this device, else the one followed, else the browser's languages, else English) into
 * <html lang>, and the route into data-shell-route.
 */
export function shellScript(options: Pick<ShellOptions, 'pages' | 'tags'>): string {
  const routes = Object.fromEntries(options.pages.map((p) => [p.path, p.route]))
  return `(()=>{const d=document.documentElement,T=${JSON.stringify(options.tags)},R=${JSON.stringify(routes)};let c=null;try{const s=localStorage.getItem('th-locale');c=T[s]?s:localStorage.getItem('th-locale-followed')}catch{}if(!T[c]){c='en';for(const t of navigator.languages||[]){const b=t.toLowerCase().split('-')[0];if(T[b]){c=b;break}}}d.lang=T[c];const r=R[location.pathname.replace(/\\/+$/,'')||'/'];if(r)d.dataset.shellRoute=r})()`
}

/**
 * Runs as the HTML is parsed, right after the shell: when this device keeps a last-seen picture of
 * the route (src/db/last-seen.ts), taken with this build in this language, with every stylesheet it
 * was drawn with, the picture replaces the shell's page (still inert and aria-hidden), so the first
 * paint shows the member's own page. It goes into a shadow root of the shell's <main> with those
 * stylesheets, in the order the page had them: the app's own stylesheets, added to the document as
 * it loads, cannot restyle it (in the document they re-ordered the cascade and moved it: CLS 0.02–0.15).
 * Anything amiss (no picture, another build or language, a sheet missing, storage blocked): the
 * plain shell.
 */
export function lastSeenScript(buildId: string): string {
  return `(()=>{try{const d=document.documentElement,L=localStorage,B=${JSON.stringify(buildId)},r=d.dataset.shellRoute;if(!r)return;const p=JSON.parse(L.getItem('th-last-seen:'+r)||'null');if(!p||p.b!==B||p.l!==d.lang||typeof p.h!=='string'||!Array.isArray(p.c))return;const m=document.querySelector('.th-shell-main');if(!m||!m.attachShadow)return;const c=JSON.parse(L.getItem('th-last-seen-css')||'null');let t='';for(const h of p.c){const x=c&&c.b===B&&c.sheets&&c.sheets[h];if(typeof x!=='string')return;t+=x}const o=m.attachShadow({mode:'open'}),s=document.createElement('style');o.innerHTML=p.h;s.textContent=t;o.prepend(s);d.setAttribute('data-shell-picture','')}catch{}})()`
}

export function prerenderShell(options: ShellOptions): Plugin {
  return {
    name: 'technician-hub:prerender-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const mount = '<div id="app"></div>'
        if (!html.includes(mount)) throw new Error(`prerender-shell: index.html has no ${mount}`)
        // First in <head> (before the stylesheet, which a later inline script would wait for).
        return html
          .replace('<title>', `<script>${shellScript(options)}</script>\n    <style>${shellCss(options)}</style>\n    <title>`)
          .replace(mount, `<div id="app">${shellHtml(options)}<script>${lastSeenScript(options.buildId)}</script></div>`)
      },
    },
  }
}

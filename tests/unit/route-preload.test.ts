import type { OutputBundle, OutputChunk } from 'rolldown'
import { describe, expect, it, vi } from 'vitest'
import {
  deferScripts,
  LINKS_PER_TASK,
  LOAD_ANYWAY_MS,
  loaderScript,
  START_RETRY_GAP_MS,
  START_RETRY_MS,
  localeChunks,
  preloadMap,
  type LoaderData,
} from '../../scripts/vite/route-preload'

const chunk = (fileName: string, imports: string[], extra: Partial<OutputChunk> = {}) =>
  ({ type: 'chunk', fileName, imports, dynamicImports: [], isEntry: false, facadeModuleId: null, ...extra }) as unknown as OutputChunk

describe('route preload map', () => {
  const bundle = Object.fromEntries(
    [
      chunk('assets/index.js', ['assets/vue.js'], { isEntry: true, facadeModuleId: '/app/index.html' }),
      chunk('assets/vue.js', []),
      chunk('assets/DirectoryView.js', ['assets/vue.js', 'assets/database.js'], { facadeModuleId: '/app/src/DirectoryView.vue' }),
      chunk('assets/database.js', ['assets/dexie.js']),
      chunk('assets/dexie.js', []),
      chunk('assets/HomeView.js', ['assets/vue.js'], {
        facadeModuleId: '/app/src/HomeView.vue',
        dynamicImports: ['assets/HomeStats.js'],
      }),
      chunk('assets/HomeStats.js', ['assets/vue.js', 'assets/database.js'], { facadeModuleId: '/app/src/HomeStats.vue' }),
      chunk('assets/ExportView.js', ['assets/docx.js'], { facadeModuleId: '/app/src/ExportView.vue' }),
      chunk('assets/docx.js', []),
    ].map((c) => [c.fileName, c]),
  ) as OutputBundle

  it('lists each route’s chunk, what it imports and the components it loads at once, except what the entry already loads', () => {
    expect(preloadMap(bundle, { '/': 'src/HomeView.vue', '/directory': 'src/DirectoryView.vue' }, '/app')).toEqual({
      // Home's card (a dynamic import of the view) and its database chunks; nothing of other views.
      '/': ['assets/HomeView.js', 'assets/HomeStats.js', 'assets/database.js', 'assets/dexie.js'],
      '/directory': ['assets/DirectoryView.js', 'assets/database.js', 'assets/dexie.js'],
    })
  })

  it('fails the build when a route’s component has no chunk (a renamed view would silently lose its preload)', () => {
    expect(() => preloadMap(bundle, { '/cpd': 'src/CpdView.vue' }, '/app')).toThrow(/no chunk for src\/CpdView.vue/)
  })
})

describe('message chunks', () => {
  it('are found per language and namespace', () => {
    const bundle = Object.fromEntries(
      [
        chunk('assets/shell-a.js', [], { facadeModuleId: '/app/src/locales/en/shell.json' }),
        chunk('assets/shell-b.js', [], { facadeModuleId: '/app/src/locales/cy/shell.json' }),
        chunk('assets/cpd-c.js', [], { facadeModuleId: '/app/src/locales/cy/cpd.json' }),
        chunk('assets/HomeView.js', [], { facadeModuleId: '/app/src/HomeView.vue' }),
      ].map((c) => [c.fileName, c]),
    ) as OutputBundle
    expect(localeChunks(bundle, '/app')).toEqual({
      en: { shell: 'assets/shell-a.js' },
      cy: { shell: 'assets/shell-b.js', cpd: 'assets/cpd-c.js' },
    })
  })
})

/** Vite's built <head>, shortened: the entry script, its preloads and the stylesheet. */
const BUILT = `<head>
    <meta charset="UTF-8" />
    <title>Technician Hub</title>
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vue-B.js">
    <link rel="modulepreload" crossorigin href="/assets/i18n-C.js">
    <link rel="stylesheet" crossorigin href="/assets/index-D.css">
  </head>`

const DATA: Omit<LoaderData, 'entry' | 'preloads'> = {
  routes: { '/': ['assets/HomeView.js'], '/cpd': ['assets/CpdView.js', 'assets/dexie.js'] },
  locales: { en: { shell: 'assets/shell-en.js', cpd: 'assets/cpd-en.js' }, cy: { shell: 'assets/shell-cy.js', cpd: 'assets/cpd-cy.js' } },
  namespaces: { '*': ['shell'], '/cpd': ['shell', 'cpd'] },
}

describe('scripts after the first paint', () => {
  it('takes the entry script and the modulepreloads out of the HTML and puts the loader first in <head>, stylesheet kept', () => {
    const html = deferScripts(BUILT, DATA)
    expect(html).not.toMatch(/<script type="module"|modulepreload" crossorigin/)
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-D.css">')
    expect(html.indexOf('<script>(()=>')).toBeLessThan(html.indexOf('<title>'))
    expect(html).toContain('"/assets/index-A.js"')
    expect(html).toContain('["/assets/vue-B.js","/assets/i18n-C.js"]')
  })

  it('fails the build when the HTML has no entry script (nothing would start the app)', () => {
    expect(() => deferScripts(BUILT.replace(/<script type="module".*<\/script>/, ''), DATA)).toThrow(/expected one entry/)
  })

  /** Runs the loader against a stand-in page; returns what it added to <head> and the page's hooks. */
  function runLoader({
    path = '/',
    stored = {},
    languages = ['en-GB'],
    hidden = false,
    paintTiming = true,
    mounted = false,
    controlled = true,
    session = new Map<string, string>(),
  } = {}) {
    const added: string[] = []
    const reload = vi.fn()
    const timers: { fn: () => void; ms: number }[] = []
    const frames: (() => void)[] = []
    const observers: ((list: { getEntriesByName: (n: string) => unknown[] }) => void)[] = []
    let onVisibility: (() => void) | undefined
    const document = {
      visibilityState: hidden ? 'hidden' : 'visible',
      head: { appendChild: (el: Record<string, string>) => added.push(el.rel ? `${el.rel} ${el.href}` : `${el.type} ${el.src}`) },
      createElement: () => ({}),
      addEventListener: (type: string, fn: () => void) => type === 'visibilitychange' && (onVisibility = fn),
      // The prerendered shell stays in #app until the app mounts.
      querySelector: (selector: string) => (selector === '#app>.th-shell' && !mounted ? {} : null),
    }
    class PerformanceObserver {
      static supportedEntryTypes = paintTiming ? ['paint', 'largest-contentful-paint'] : ['resource']
      constructor(fn: (typeof observers)[number]) {
        observers.push(fn)
      }
      observe() {}
    }
    const script = loaderScript({ ...DATA, entry: '/assets/index-A.js', preloads: ['/assets/vue-B.js'] })
    new Function(
      'document',
      'localStorage',
      'sessionStorage',
      'navigator',
      'location',
      'PerformanceObserver',
      'requestAnimationFrame',
      'setTimeout',
      script,
    )(
      document,
      { getItem: (k: string) => stored[k as keyof typeof stored] ?? null },
      { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => session.set(k, v) },
      { languages, serviceWorker: { controller: controlled ? {} : null } },
      { pathname: path, reload },
      PerformanceObserver,
      (fn: () => void) => frames.push(fn),
      (fn: () => void, ms = 0) => timers.push({ fn, ms }),
    )
    const paint = (name: string) => observers.forEach((o) => o({ getEntriesByName: (n) => (n === name ? [{}] : []) }))
    /** Runs the zero-delay tasks the loader queued, one at a time, until none is left. */
    const flush = () => {
      for (let next = timers.findIndex((t) => t.ms === 0); next >= 0; next = timers.findIndex((t) => t.ms === 0))
        timers.splice(next, 1)[0]!.fn()
    }
    return { added, timers, frames, paint, flush, reload, visibilityChange: () => onVisibility?.() }
  }

  it('requests nothing before the first contentful paint, then the entry, its preloads, the route’s chunks and messages', () => {
    const page = runLoader({ path: '/cpd/', stored: { 'th-locale': 'cy' } })
    page.paint('first-paint')
    expect(page.added).toEqual([])
    page.paint('first-contentful-paint')
    // The entry at once; the links a few per task (each costs the main thread ~12 ms at 4× CPU).
    expect(page.added).toEqual(
      [
        'module /assets/index-A.js',
        'modulepreload /assets/vue-B.js',
        'modulepreload /assets/CpdView.js',
        'modulepreload /assets/dexie.js',
      ].slice(0, 1 + LINKS_PER_TASK),
    )
    page.flush()
    expect(page.added).toEqual([
      'module /assets/index-A.js',
      'modulepreload /assets/vue-B.js',
      'modulepreload /assets/CpdView.js',
      'modulepreload /assets/dexie.js',
      'modulepreload /assets/shell-cy.js',
      'modulepreload /assets/cpd-cy.js',
    ])
    // Later triggers (the safety timer) add nothing twice.
    page.timers.filter((t) => t.ms !== START_RETRY_MS).forEach((t) => t.fn())
    expect(page.added).toHaveLength(6)
  })

  it('without paint timing, loads in the task after the first frame', () => {
    const page = runLoader({ paintTiming: false })
    expect(page.added).toEqual([])
    page.frames.forEach((f) => f())
    expect(page.added).toEqual([])
    page.flush()
    expect(page.added).toEqual([
      'module /assets/index-A.js',
      'modulepreload /assets/vue-B.js',
      'modulepreload /assets/HomeView.js',
      'modulepreload /assets/shell-en.js',
    ])
  })

  it('loads at once on a hidden page (it paints nothing), when the page is hidden before painting, and after a while in any case', () => {
    const hidden = runLoader({ hidden: true })
    hidden.flush()
    expect(hidden.added).toHaveLength(4)
    const hiddenLater = runLoader()
    hiddenLater.visibilityChange()
    hiddenLater.flush()
    expect(hiddenLater.added).toHaveLength(4)
    const noPaint = runLoader()
    expect(noPaint.timers.map((t) => t.ms)).toEqual([LOAD_ANYWAY_MS])
    noPaint.timers[0]!.fn()
    expect(noPaint.added[0]).toBe('module /assets/index-A.js')
  })

  it('reloads a start that has not mounted 15 s after its entry was requested, once a minute at most, only when the service worker serves it', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const session = new Map<string, string>()
      const retry = (page: ReturnType<typeof runLoader>) => {
        page.paint('first-contentful-paint')
        const timer = page.timers.find((t) => t.ms === START_RETRY_MS)
        expect(timer).toBeDefined()
        timer!.fn()
      }
      const stuck = runLoader({ session })
      expect(stuck.timers.some((t) => t.ms === START_RETRY_MS)).toBe(false) // nothing before the entry is asked for
      retry(stuck)
      expect(stuck.reload).toHaveBeenCalledOnce()
      // Stuck again straight after: stays on its shell rather than reloading for ever.
      const again = runLoader({ session })
      retry(again)
      expect(again.reload).not.toHaveBeenCalled()
      vi.advanceTimersByTime(START_RETRY_GAP_MS)
      const later = runLoader({ session })
      retry(later)
      expect(later.reload).toHaveBeenCalledOnce()
      // A start that mounted, or one fetching over the network (no service worker yet): left alone.
      const mounted = runLoader({ mounted: true })
      retry(mounted)
      expect(mounted.reload).not.toHaveBeenCalled()
      const uncontrolled = runLoader({ controlled: false })
      retry(uncontrolled)
      expect(uncontrolled.reload).not.toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })
})

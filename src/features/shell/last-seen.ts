import { nextTick } from 'vue'
import type { Router } from 'vue-router'
import { saveLastSeen } from '@/db/last-seen'
import { afterPaint } from '@/composables/use-revealed'
import type { SettleGate } from '@/composables/settle-gate'

/**
 * The last-seen first screen of each main page. Once a page has rendered (nothing in it is still
 * aria-busy) and the browser is idle, and again when the app goes to the background, the first
 * screenful of its `<main>` is kept (src/db/last-seen.ts); the next start paints it inside the
 * prerendered shell before any script runs (scripts/vite/prerender-shell.ts), and the app keeps it
 * on screen until its own page has its data (holdShell), so the member sees their page at once and
 * nothing flashes. Only while someone is signed in; sign-out removes them all.
 */

/** The routes the shell has a page for (the bottom navigation's). */
export const PICTURED_ROUTES: ReadonlySet<string> = new Set(['home', 'directory', 'cpd', 'plan', 'surveys'])

/** Pictures stop below this many screen heights (the first screenful and some). */
export const SCREENS = 1.5
/** A page whose picture is larger than this (characters of HTML) is not kept. */
export const MAX_PICTURE = 150_000

const DROP = 'script,style,iframe,object,embed,template,noscript,dialog'
// References into the page (ids, labels) would point twice once the app is there too; the picture
// is aria-hidden and inert, so nothing in it needs them.
const DROP_ATTRIBUTES = /^(on|id$|for$|autofocus$|aria-(busy|live|labelledby|describedby|controls|owns|activedescendant)$|tabindex$)/i

/**
 * The cleaned first screenful of `main`'s content: elements whose top is more than `cutoff` pixels
 * down the page (`top`: in page coordinates) are left out, scripts and handlers and references are
 * taken out. Null when nothing is left or it is too large to keep.
 */
export function pictureOf(main: Element, cutoff: number, top: (el: Element) => number = pageTop): string | null {
  const copy = main.cloneNode(true) as Element
  trim(main, copy, cutoff, top)
  for (const el of [...copy.querySelectorAll(DROP)]) el.remove()
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const { name, value } of [...el.attributes]) {
      if (DROP_ATTRIBUTES.test(name) || (/^(href|src|action|formaction)$/i.test(name) && /^\s*javascript:/i.test(value)))
        el.removeAttribute(name)
    }
  }
  const html = copy.innerHTML.trim()
  return html && html.length <= MAX_PICTURE ? html : null
}

/** Walks the page and its copy side by side and removes from the copy what starts below the cut. */
function trim(live: Element, copy: Element, cutoff: number, top: (el: Element) => number): void {
  const copyChildren = [...copy.children]
  ;[...live.children].forEach((child, i) => {
    const twin = copyChildren[i]
    if (!twin) return
    if (top(child) > cutoff) twin.remove()
    else trim(child, twin, cutoff, top)
  })
}

function pageTop(el: Element): number {
  const box = el.getBoundingClientRect()
  // Hidden elements (display: none) have no box: keep them, they stay hidden in the picture.
  return box.width === 0 && box.height === 0 ? 0 : box.top + window.scrollY
}

/**
 * The texts of the page's own stylesheets (the HTML's and its lazy chunks', which Vite's helper
 * links by full URL), by path, in the page's order.
 */
export function stylesheetTexts(doc: Document = document): Record<string, string> {
  const texts: Record<string, string> = {}
  const here = doc.location?.href ?? 'http://localhost/'
  for (const sheet of [...doc.styleSheets]) {
    const link = sheet.ownerNode
    const href = link instanceof HTMLLinkElement ? link.getAttribute('href') : null
    if (!href) continue
    const url = new URL(href, here)
    if (url.origin !== new URL(here).origin) continue
    try {
      texts[url.pathname] = [...sheet.cssRules].map((rule) => rule.cssText).join('')
    } catch {
      // not readable: the picture goes without it
    }
  }
  return texts
}

export interface LastSeenOptions {
  router: Router
  buildId: string
  /** Whether the page may be kept now: someone is signed in and the page is the route's own (not a failure notice). */
  mayKeep: () => boolean
  doc?: Document
}

/**
 * Keeps the pictures up to date while the app runs. `refresh` takes the current page again once it
 * has rendered (after sign-in, say); `stop` ends it all (tests).
 */
export function followLastSeen(o: LastSeenOptions): { refresh: () => void; stop: () => void } {
  const doc = o.doc ?? document
  const win = doc.defaultView ?? window
  let pending: number | undefined
  let watching: ReturnType<typeof untilNoneMatch> | undefined

  const keep = () => {
    const route = String(o.router.currentRoute.value.name ?? '')
    const main = doc.getElementById('main')
    if (!PICTURED_ROUTES.has(route) || !main || !o.mayKeep() || main.querySelector('[aria-busy="true"]')) return
    const html = pictureOf(main, win.innerHeight * SCREENS)
    if (!html) return
    const sheets = stylesheetTexts(doc)
    saveLastSeen(route, { b: o.buildId, l: doc.documentElement.lang, h: html, c: Object.keys(sheets) }, sheets)
  }

  // After a navigation: once nothing in the page is aria-busy, when the browser is idle.
  const schedule = () => {
    watching?.cancel()
    if (pending !== undefined) win.clearTimeout(pending)
    const main = doc.getElementById('main')
    if (!main) return
    const watch = (watching = untilNoneMatch(main, '[aria-busy="true"]', 'aria-busy'))
    void watch.done.then(afterPaint).then(() => {
      if (watching !== watch) return // a later navigation took over
      watching = undefined
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(keep, { timeout: 3000 })
      else pending = win.setTimeout(keep, 500)
    })
  }

  const onHidden = () => {
    if (doc.visibilityState === 'hidden') keep()
  }
  const stopRouter = o.router.afterEach((to, _from, failure) => {
    if (!failure) void nextTick(schedule)
  })
  doc.addEventListener('visibilitychange', onHidden)
  win.addEventListener('pagehide', keep)
  return {
    refresh: schedule,
    stop: () => {
      stopRouter()
      watching?.cancel()
      watching = undefined
      if (pending !== undefined) win.clearTimeout(pending)
      doc.removeEventListener('visibilitychange', onHidden)
      win.removeEventListener('pagehide', keep)
    },
  }
}

/**
 * When the shell shows a last-seen picture, keeps it on screen over the mounting app until the
 * app's page has its first data (every live query answered once, no settle group still waiting),
 * or `timeoutMs` at most, then swaps in one frame. Call before mounting; returns the function to
 * call after `app.mount`, or null when there is no picture (the mount replaces the shell as before).
 */
export function holdShell(appEl: HTMLElement, gate: SettleGate, timeoutMs = 1500): (() => Promise<void>) | null {
  const root = appEl.ownerDocument.documentElement
  const shell = [...appEl.children].find((child): child is HTMLElement => child.classList.contains('th-shell'))
  if (!shell || !root.hasAttribute('data-shell-picture')) return null
  // Out of #app (the mount empties it), in the same place; the app renders hidden beneath it.
  appEl.before(shell)
  root.classList.add('th-holding')
  return async () => {
    await Promise.race([whenSettled(appEl, gate), new Promise((resolve) => setTimeout(resolve, timeoutMs))])
    await afterPaint()
    shell.remove()
    root.classList.remove('th-holding')
    root.removeAttribute('data-shell-picture')
  }
}

async function whenSettled(appEl: HTMLElement, gate: SettleGate): Promise<void> {
  await gate.settled()
  await nextTick()
  // A settle group (Home's cards) still waiting shows nothing yet: wait for it too.
  await untilNoneMatch(appEl, '[data-settling]', 'data-settling').done
}

/**
 * Resolves once nothing under `root` matches `selector`, watching `attribute` and the nodes added
 * or removed. `cancel` stops watching (the promise then stays pending).
 */
function untilNoneMatch(root: Element, selector: string, attribute: string): { done: Promise<void>; cancel: () => void } {
  let observer: MutationObserver | undefined
  const done = new Promise<void>((resolve) => {
    if (!root.querySelector(selector)) return resolve()
    observer = new MutationObserver(() => {
      if (root.querySelector(selector)) return
      observer?.disconnect()
      resolve()
    })
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: [attribute] })
  })
  return { done, cancel: () => observer?.disconnect() }
}

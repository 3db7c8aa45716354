/**
 * Debian's Chromium for the browser figures, driven by playwright-core (Playwright's own browser
 * download does not work here), plus the page-side helpers the sections share: CPU throttling
 * over CDP, signing in through the app's account page, writing documents into IndexedDB.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { sleep, WORK_DIR } from './lib.mjs'

export const CHROMIUM = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** Without the background-networking flags Chromium floods the closed network (TOOLCHAIN.md). */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--password-store=basic',
  '--use-mock-keychain',
]
/** The phone the browser tests use (playwright.config.ts). */
export const MOBILE = {
  viewport: { width: 390, height: 844 },
  screen: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
  serviceWorkers: 'allow',
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS, headless: true })
}

/** A persistent profile folder (IndexedDB, service worker) that a later Chromium can reopen. */
export function profileDir(name) {
  const dir = join(WORK_DIR, 'profiles', name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return dir
}

export function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROME_FLAGS, headless: true, ...MOBILE })
}

/**
 * Chromium on its own (no Playwright attached) with a DevTools port, for Lighthouse.
 * Resolves with { port, close }.
 */
export async function launchForLighthouse(dir, port) {
  const child = spawn(
    CHROMIUM,
    ['--headless', `--remote-debugging-port=${port}`, `--user-data-dir=${dir}`, ...CHROME_FLAGS, 'about:blank'],
    {
      detached: true,
      stdio: 'ignore',
    },
  )
  const close = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await sleep(100)
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      /* gone */
    }
  }
  process.once('exit', () => {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      /* gone */
    }
  })
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`)
      if (res.ok) return { port, close }
    } catch {
      /* not yet */
    }
    await sleep(100)
  }
  await close()
  throw new Error('Chromium did not open its DevTools port')
}

/** CPU throttling on one page (1 = off), through the Chrome DevTools Protocol. */
export async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return cdp
}

export async function waitForServiceWorkerControl(page) {
  await page.waitForFunction(
    () => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
    null,
    { timeout: 60_000 },
  )
}

/**
 * Signs in through /account as a person would (labels and button names), then waits until the
 * sync status says everything is saved — the same steps as tests/browser/session.ts.
 */
export async function signIn(page, appUrl, email, password) {
  await page.goto(`${appUrl}/account`)
  await waitForServiceWorkerControl(page)
  const main = page.getByRole('main')
  await main.getByLabel('Email', { exact: true }).fill(email)
  await main.getByLabel('Password', { exact: true }).fill(password)
  await main.getByRole('button', { name: 'Sign in', exact: true }).click()
  await main.getByRole('heading', { name: 'Sync' }).waitFor({ timeout: 60_000 })
  await waitForAllSaved(page)
}

/**
 * Opens each page as the member would and waits until the app has kept its last-seen picture
 * (src/features/shell/last-seen.ts), so the measured starts are a returning member's. Resolves with
 * the routes that kept none in time (logged by the caller).
 * @param {{ path: string, route: string }[]} pages
 */
export async function visitPages(page, appUrl, pages, timeout = 30_000) {
  const missing = []
  for (const p of pages) {
    await page.goto(`${appUrl}${p.path}`)
    const kept = await page
      .waitForFunction((route) => localStorage.getItem(`th-last-seen:${route}`) !== null, p.route, { timeout, polling: 250 })
      .then(() => true)
      .catch(() => false)
    if (!kept) missing.push(p.route)
  }
  return missing
}

export async function waitForAllSaved(page) {
  const main = page.getByRole('main')
  const status = main.getByRole('status', { name: 'Sync status' })
  const deadline = Date.now() + 90_000
  await main.getByRole('button', { name: 'Sync now' }).click()
  while (Date.now() < deadline) {
    if (/^All changes saved/.test((await status.textContent()) ?? '')) return
    await sleep(250)
  }
  throw new Error(`sync did not finish: "${await status.textContent()}"`)
}

/**
 * Puts documents into a store of the page origin's 'technician-hub' database (created by the
 * page's own Dexie schema), in chunks, the way a finished pull leaves them.
 */
export async function putDocuments(page, store, docs, chunk = 1000) {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'technician-hub'), null, {
    timeout: 30_000,
    polling: 200,
  })
  for (let i = 0; i < docs.length; i += chunk) {
    await page.evaluate(
      async ({ store: name, docs: part }) => {
        const db = await new Promise((resolve, reject) => {
          const req = indexedDB.open('technician-hub')
          req.onsuccess = () => resolve(req.result)
          req.onerror = () => reject(req.error)
        })
        const tx = db.transaction(name, 'readwrite')
        for (const doc of part) tx.objectStore(name).put(doc)
        await new Promise((resolve, reject) => {
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        })
        db.close()
      },
      { store, docs: docs.slice(i, i + chunk) },
    )
  }
}

/**
 * Init script: records when the app's first list item inside <main> is on screen (the frame after
 * it was inserted has been produced) and how many top-level items the list had then, and when the
 * first list item of any <main> was, the prerendered shell's last-seen picture (in its shadow
 * root) included (`firstSeen`). Read back with `readPaintMarks(page)`.
 */
export const PAINT_MARKS_SCRIPT = `(() => {
  const marks = { firstItem: null, items: 0, firstSeen: null }
  window.__benchMarks = marks
  const afterFrame = (fn) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => fn(performance.now()); ch.port2.postMessage(0) })
  const observer = new MutationObserver(() => {
    const picture = document.querySelector('.th-shell-main')?.shadowRoot
    if (marks.firstSeen === null && !marks.seenPending && (picture?.querySelector('li, [role="listitem"]') || document.querySelector('main li, main [role="listitem"]'))) {
      marks.seenPending = true
      afterFrame((t) => { marks.firstSeen = t })
    }
    const item = document.querySelector('main:not(.th-shell-main) li, main:not(.th-shell-main) [role="listitem"]')
    if (!item || marks.firstItem !== null || marks.pending) return
    marks.pending = true
    afterFrame((t) => { marks.firstItem = t; marks.items = document.querySelectorAll('main li:not(li li), main [role="listitem"]').length; observer.disconnect() })
  })
  // The last-seen picture is drawn into a shadow root, and marked on <html>.
  const start = () => observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-shell-picture'] })
  if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true })
})()`

export async function readPaintMarks(page, timeout = 60_000) {
  await page.waitForFunction(() => window.__benchMarks?.firstItem !== null && window.__benchMarks?.firstItem !== undefined, null, {
    timeout,
    polling: 100,
  })
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]
    const nav = performance.getEntriesByType('navigation')[0]
    return {
      firstItem: window.__benchMarks.firstItem,
      firstSeen: window.__benchMarks.firstSeen,
      items: window.__benchMarks.items,
      fcp: fcp ? fcp.startTime : null,
      dcl: nav ? nav.domContentLoadedEventEnd : null,
    }
  })
}

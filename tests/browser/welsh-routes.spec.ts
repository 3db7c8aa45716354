/**
 * Every screen in Welsh: each route is rendered in English and in Cymraeg (signed in as the
 * seeded lead, who can open every page), and any text shown identically in both must be data —
 * a name, a title, a skill, a number, an e-mail address or a code — never an untranslated word of
 * the app. axe finds no violation in Welsh.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { generateDemoData } from '../../scripts/demo/demo-data'
import { DEMO as FIXTURE_DEMO, expectHeading, recordErrors, waitUntilRendered } from './fixtures'
import { DEMO, signIn } from './session'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Pages with no parameter. */
const STATIC_ROUTES = [
  '/',
  '/directory',
  '/profile',
  '/requests',
  '/coverage',
  '/my-data',
  '/cpd',
  '/cpd/export',
  '/cpd/insights',
  '/registration',
  '/plan',
  '/plan/manage',
  '/plan/manage/import',
  '/ideas',
  '/dashboard',
  '/self-assessment',
  '/surveys',
  '/surveys/new',
  '/account',
  '/inbox',
  '/inbox/settings',
  '/no-such-page',
]

/** Pages about one item: the first link of that shape on a list page. */
const ITEM_ROUTES: { from: string; link: RegExp }[] = [
  { from: '/directory', link: /^\/directory\/[^/]+$/ },
  { from: '/cpd', link: /^\/cpd\/(?!export$|insights$)[^/]+$/ },
  { from: '/registration', link: /^\/registration\/[^/]+$/ },
  { from: '/plan', link: /^\/plan\/(?!manage$)[^/]+$/ },
  { from: '/plan/manage', link: /^\/plan\/manage\/actions\/[^/]+$/ },
  { from: '/surveys', link: /^\/surveys\/(?!new$)[^/]+$/ },
  { from: '/surveys', link: /^\/surveys\/[^/]+\/results$/ },
  { from: '/surveys', link: /^\/surveys\/[^/]+\/edit$/ },
]

/** The same in both languages on purpose: the switch names each language in itself; Advance HE is a body's name. */
const SAME_IN_BOTH = new Set(['English', 'Cymraeg', 'Language / Iaith', 'Advance HE'])

/** Everything the seed and the fixtures put in the database: names, titles, skills, places. */
const SEEDED = JSON.stringify([generateDemoData(), FIXTURE_DEMO])

/** The seed plus every document on this device (other tests' data included), as JSON text, also with line breaks as spaces. */
async function deviceData(page: Page): Promise<string> {
  const local = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('technician-hub')
        open.onsuccess = () => {
          const db = open.result
          const names = [...db.objectStoreNames]
          const tx = db.transaction(names, 'readonly')
          const all: unknown[] = []
          for (const name of names) tx.objectStore(name).getAll().onsuccess = (e) => all.push((e.target as IDBRequest).result)
          tx.oncomplete = () => resolve(JSON.stringify(all))
        }
        open.onerror = () => resolve('')
      }),
  )
  // Shown text has its white space collapsed: a multi-line idea body reads on one line.
  return SEEDED + local + local.replace(/(\\n|\s)+/g, ' ')
}

/** Text a person sees or hears on the page: visible text nodes and accessible names set in attributes. */
async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect?.()
      const style = getComputedStyle(el)
      return style.visibility !== 'hidden' && style.display !== 'none' && (box ? box.width > 0 || box.height > 0 : true)
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim()
      const parent = node.parentElement
      if (!text || !parent || parent.closest('script, style, template, [hidden]')) continue
      if (!visible(parent) && !parent.closest('.visually-hidden')) continue
      out.push(text)
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      if (!visible(el)) continue
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr)?.replace(/\s+/g, ' ').trim()
        if (value) out.push(value)
      }
    }
    return out
  })
}

/** A text allowed to read the same in English and Welsh: data, names, numbers, codes. */
function isData(text: string, data: string): boolean {
  if (SAME_IN_BOTH.has(text)) return true
  if (/^\d+ person$/.test(text)) return true // Welsh "person" is spelt the same
  // Data cut short for a card ("Grow the technician community channel…").
  if (text.endsWith('…') && data.includes(text.slice(0, -1).trim())) return true
  if (/^[\d\s\p{P}\p{S}]*$/u.test(text)) return true // numbers, dates as digits, punctuation
  if (/^[\w.+-]+@[\w.-]+$/.test(text)) return true // e-mail address
  if (/^[A-Z][A-Za-z]{0,8}\d*[+]?$/.test(text) && /[A-Z].*[A-Z\d]|^[A-Z]{2,}$/.test(text)) return true // codes: V1, CD3, RSciTech, CEng, AFHEA, RAG
  if (/^(V|R|CD|S)\d+$/.test(text)) return true
  if (data.includes(JSON.stringify(text).slice(1, -1))) return true
  // Data joined by separators ("Aisha Patel · Biosciences"), numbered or quoted ("1. …", "“…”").
  const parts = text
    .replace(/^\d+\.\s+/, '')
    .split(/\s*[·,:–—/()“”"]\s*|\s+-\s+/)
    .filter((p) => p.trim() !== '')
  return parts.length > 0 && parts.join('') !== text && parts.every((p) => isData(p.trim(), data))
}

/** The page's texts once it has settled (all of it rendered, and two readings a moment apart agree). */
async function settledTexts(page: Page): Promise<string[]> {
  await expectHeading(page)
  await waitUntilRendered(page, { timeout: 30_000 })
  let last: string[] = []
  await expect
    .poll(
      async () => {
        const now = await shownTexts(page)
        const same = JSON.stringify(now) === JSON.stringify(last)
        last = now
        return same
      },
      { intervals: [500, 500, 1000, 1000, 2000] },
    )
    .toBe(true)
  return last
}

async function show(page: Page, path: string, locale: 'en' | 'cy'): Promise<string[]> {
  await page.evaluate((l) => localStorage.setItem('th-locale', l), locale)
  await page.goto(path)
  await expect(page.locator('html')).toHaveAttribute('lang', locale === 'cy' ? 'cy-GB' : 'en-GB')
  return settledTexts(page)
}

async function itemPaths(page: Page): Promise<string[]> {
  const paths: string[] = []
  for (const { from, link } of ITEM_ROUTES) {
    await page.goto(from)
    await settledTexts(page)
    // A list read from the device can render after the page's text first settles on a busy machine: wait for the link itself.
    let found: string | undefined
    await expect
      .poll(
        async () => {
          const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
          found = hrefs.find((h) => link.test(h))
          return found
        },
        { message: `a link like ${link} on ${from}`, timeout: 30_000 },
      )
      .toBeTruthy()
    paths.push(found!)
  }
  return paths
}

test('every route in Cymraeg shows Welsh, except names, data and codes', async ({ page }) => {
  // About 30 pages, each rendered twice, plus an axe pass in Welsh: a long test on a busy machine.
  test.setTimeout(900_000)
  recordErrors(page)
  await signIn(page, DEMO.lead)
  const paths = [...STATIC_ROUTES, ...(await itemPaths(page))]
  const untranslated: Record<string, string[]> = {}
  for (const path of paths) {
    const english = await show(page, path, 'en')
    const welsh = await show(page, path, 'cy')
    const data = await deviceData(page)
    const same = [...new Set(welsh.filter((text) => english.includes(text) && !isData(text, data)))]
    if (same.length) untranslated[path] = same
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
    expect(axe.violations.map((v) => `${path}: ${v.id}`)).toEqual([])
  }
  expect(untranslated).toEqual({})
})

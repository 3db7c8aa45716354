import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import {
  NAV_ITEMS,
  OFFLINE_TEXT,
  dispatchInstallPrompt,
  TOP_ROUTES,
  openControlledApp,
  pageHeading,
  seedDemoData,
  waitForServiceWorkerControl,
} from './fixtures'
import { serveStatic } from './static-server'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

test('the first load is controlled by the service worker, without a reload', async ({ page }) => {
  await page.goto('/')
  await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
  // A marker on this document: it would vanish if anything reloaded the page.
  await page.evaluate(() => ((window as unknown as { firstDocument: boolean }).firstDocument = true))
  await waitForServiceWorkerControl(page)
  expect(await page.evaluate(() => (window as unknown as { firstDocument?: boolean }).firstDocument)).toBe(true)
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated')
})

test('every top-level route renders offline, after a reload too', async ({ page, context }) => {
  // Fourteen page loads: on a busy 2-core machine each takes seconds.
  test.slow()
  await openControlledApp(page)
  await context.setOffline(true)
  for (const route of TOP_ROUTES) {
    await page.goto(route.path)
    await expect(pageHeading(page, route.heading)).toBeVisible()
    await page.reload()
    await expect(pageHeading(page, route.heading)).toBeVisible()
    await expect(page).toHaveTitle(route.title)
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText(OFFLINE_TEXT)
  }
  await context.setOffline(false)
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('')
})

test('a page whose code cannot be fetched says so, and Try again loads it', async ({ page, context }) => {
  // A first visit (no service worker yet) whose connection drops the page's chunk.
  const dropped = /\/assets\/NotFoundView-[^/]*\.js$/
  await context.route(dropped, (route) => route.abort('internetdisconnected'))
  await page.goto('/no-such-page')
  const failed = pageHeading(page, 'This page did not load')
  await expect(failed).toBeVisible()
  await expect(page.getByRole('main')).toContainText('Check your connection, then try again.')
  expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations).toEqual([])

  await context.unroute(dropped)
  await page.getByRole('main').getByRole('link', { name: 'Try again' }).click()
  await expect(pageHeading(page, 'Page not found')).toBeVisible()
  await expect(failed).toBeHidden()
})

test('a CPD record written offline is still there after a reload', async ({ page, context }) => {
  await openControlledApp(page)
  await context.setOffline(true)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'CPD' }).click()
  await expect(pageHeading(page, 'CPD')).toBeFocused()

  // Field-level errors first: nothing saved, focus on the first invalid field.
  await page.getByRole('button', { name: 'Save CPD' }).click()
  const title = page.getByRole('textbox', { name: 'Title' })
  await expect(title).toBeFocused()
  await expect(title).toHaveAccessibleDescription(/Title is required/)
  await expect(page.getByRole('textbox', { name: 'Hours' })).toHaveAccessibleDescription(/Hours must be a number/)

  await title.fill('Confocal microscopy refresher')
  await page.getByRole('textbox', { name: 'Hours' }).fill('2.5')
  await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Formal or educational' })
  await page.getByRole('button', { name: 'Save CPD' }).click()
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/Saved .Confocal microscopy refresher. on this device/)
  const entry = page.getByRole('heading', { level: 3, name: 'Confocal microscopy refresher' })
  await expect(entry).toBeVisible()

  await page.reload()
  await expect(entry).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click()
  await expect(page.getByRole('link', { name: /2\.5 hours of CPD logged this year/ })).toBeVisible()
  await expect(page.getByRole('link', { name: '1 change waiting to sync' })).toBeVisible()
})

test('the keyboard reaches every navigation item, which then moves focus to the page heading', async ({ page }) => {
  await page.goto('/')
  await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page')

  const reached = new Set<string>()
  for (let i = 0; i < 20 && reached.size < NAV_ITEMS.length; i++) {
    await page.keyboard.press('Tab')
    for (const name of NAV_ITEMS) {
      if (await nav.getByRole('link', { name, exact: true }).evaluate((el) => el === document.activeElement)) reached.add(name)
    }
  }
  expect([...reached].sort()).toEqual([...NAV_ITEMS].sort())

  await nav.getByRole('link', { name: 'Directory' }).focus()
  await page.keyboard.press('Enter')
  await expect(pageHeading(page, 'Directory')).toBeFocused()
  await expect(nav.getByRole('link', { name: 'Directory' })).toHaveAttribute('aria-current', 'page')
  await expect(page).toHaveTitle('Directory · Technician Hub')
})

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/')
  await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
})

test('the account menu opens, closes with Escape and returns focus', async ({ page }) => {
  await page.goto('/')
  const button = page.getByRole('button', { name: 'Account menu' })
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await button.click()
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Theme follows your device’s light or dark setting.')
  await page.getByRole('link', { name: 'Account', exact: true }).focus()
  await page.keyboard.press('Escape')
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(button).toBeFocused()
  await button.click()
  await page.getByRole('link', { name: 'Account', exact: true }).click()
  await expect(pageHeading(page, 'Account')).toBeFocused()
  await expect(button).toHaveAttribute('aria-expanded', 'false')
})

test('installation is offered once and a dismissal is remembered', async ({ page }) => {
  const offerInstall = () => dispatchInstallPrompt(page)
  await page.goto('/')
  await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
  await offerInstall()
  const banner = page.getByRole('region', { name: 'Install Technician Hub' })
  await expect(banner).toBeVisible()
  await banner.getByRole('button', { name: 'Not now' }).click()
  await expect(banner).toBeHidden()

  await page.reload()
  await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
  await offerInstall()
  await expect(banner).toBeHidden()
})

test('the web manifest is installable and robots.txt is a real file', async ({ page, request }) => {
  await page.goto('/')
  const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'))
  expect(href).toBeTruthy()
  const manifest = (await (await request.get(href ?? '')).json()) as {
    name: string
    short_name: string
    display: string
    start_url: string
    theme_color: string
    background_color: string
    icons: { src: string; sizes: string; purpose?: string }[]
  }
  expect(manifest).toMatchObject({ name: 'Technician Hub', display: 'standalone', start_url: '/' })
  expect(manifest.short_name.length).toBeLessThanOrEqual(12)
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true)
  expect(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose !== 'maskable')).toBe(true)
  for (const icon of manifest.icons) expect((await request.get(`/${icon.src}`)).headers()['content-type']).toBe('image/png')

  const robots = await request.get('/robots.txt')
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/)
  expect(await robots.text()).toContain('User-agent')
})

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.2 AA violations on any route (${scheme})`, async ({ page }) => {
    // Seven page loads and seven axe runs: on a busy 2-core machine each takes seconds.
    test.slow()
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('/')
    await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
    await seedDemoData(page)
    for (const route of TOP_ROUTES) {
      await page.goto(route.path)
      await expect(pageHeading(page, route.heading)).toBeVisible()
      if (route.path === '/plan') await expect(page.getByRole('main')).toContainText('Green · done')
      if (route.path === '/directory') await expect(page.getByRole('heading', { name: 'Aisha Patel' })).toBeVisible()
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
      expect(results.violations.map((v) => `${route.path}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([])
    }
    // The open account menu and the field errors are part of the UI too.
    await page.goto('/cpd')
    await page.getByRole('button', { name: 'Save CPD' }).click()
    await page.getByRole('button', { name: 'Account menu' }).click()
    const withMenu = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
    expect(withMenu.violations.map((v) => `/cpd+menu: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([])
    await page.keyboard.press('Escape')
    await dispatchInstallPrompt(page)
    await expect(page.getByRole('region', { name: 'Install Technician Hub' })).toBeVisible()
    const withBanner = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
    expect(withBanner.violations.map((v) => `/cpd+install: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([])
  })
}

test('at 360 px wide no route scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 })
  await page.goto('/')
  await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
  await seedDemoData(page)
  for (const route of TOP_ROUTES) {
    await page.goto(route.path)
    await expect(pageHeading(page, route.heading)).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${route.path} overflows by ${overflow}px`).toBeLessThanOrEqual(0)
  }
})

test('wide screens get a side rail instead of the bottom bar', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 })
  await page.goto('/')
  const nav = page.getByRole('navigation', { name: 'Main' })
  const box = await nav.boundingBox()
  expect(box?.x).toBe(0)
  expect(box?.height ?? 0).toBeGreaterThan(600)
  expect(box?.width ?? 999).toBeLessThan(200)
})

test('after a deploy, "A new version is available" shows and Reload switches to it', async ({ page }) => {
  // The deploy is played on a private copy of the build, served by the test itself.
  const dist = process.env.DIST_DIR ?? 'dist'
  test.skip(!existsSync(join(dist, 'sw.js')), `no build at ${dist}: run vite build first`)
  const root = mkdtempSync(join(tmpdir(), 'technician-hub-deploy-'))
  cpSync(dist, root, { recursive: true })
  const server = await serveStatic(root)
  try {
    await openControlledApp(page, `${server.url}/`)
    await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
    deployNextVersion(root)
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    const prompt = page.getByRole('alert', { name: 'App update' })
    await expect(prompt).toContainText('A new version is available.')

    await prompt.getByRole('button', { name: 'Reload' }).click()
    // A locator assertion re-queries after the reload's navigation, so it waits for the new document.
    await expect(page.locator('meta[name="x-build"]')).toHaveAttribute('content', 'next')
    await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
    await expect(prompt).toBeHidden()
  } finally {
    await page.close()
    await server.close()
    rmSync(root, { recursive: true, force: true })
  }
})

/** A new build: a marked index.html and a service worker whose precache names its new revision. */
function deployNextVersion(root: string): void {
  const indexPath = join(root, 'index.html')
  writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('<head>', '<head><meta name="x-build" content="next">'))
  const swPath = join(root, 'sw.js')
  const sw = readFileSync(swPath, 'utf8').replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1next-deploy"')
  if (!sw.includes('next-deploy')) throw new Error('could not find index.html in the precache manifest of sw.js')
  writeFileSync(swPath, sw)
}

/**
 * The last-seen first paint: a member's main pages open as they last saw them, painted by the
 * HTML itself before any script has run (the prerendered shell, inert and hidden from assistive
 * technology, until the app takes over), in their language only, and never after sign-out.
 */
import { expect, test, type Page } from '@playwright/test'
import { DEMO, signIn } from './session'

// The demo plan's first action (tests/support's seed), as the plan page shows it.
const FIRST_ACTION = /Grow the technician community channel/

/**
 * Loads `path` with no service worker and every script refused (the HTML's inline scripts still
 * run), checks what the HTML alone painted, then lets scripts through again.
 */
async function withoutScripts<T>(page: Page, path: string, check: () => Promise<T>): Promise<T> {
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister()
  })
  await page.route('**/assets/*.js', (route) => route.abort())
  try {
    await page.goto(path)
    return await check()
  } finally {
    await page.unroute('**/assets/*.js')
  }
}

const picture = (page: Page) => page.evaluate(() => localStorage.getItem('th-last-seen:plan'))

test('the plan opens as last seen before any script runs, in its own language only, and not after sign-out', async ({ page }) => {
  test.slow() // sign-in, sync and six page loads on a busy machine
  await signIn(page, DEMO.tech)
  await page.goto('/plan')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1, name: 'Action plan' })).toBeVisible()
  await expect(main.getByText(FIRST_ACTION)).toBeVisible()
  // Kept once the page has rendered and the browser is idle.
  await expect.poll(() => picture(page), { timeout: 30_000 }).toMatch(FIRST_ACTION)

  const shell = page.locator('.th-shell')
  const pictured = await withoutScripts(page, '/plan', async () => {
    // The shell paints the member's plan (its text, from the HTML alone) but is no page yet: no
    // heading or landmark is exposed until the app is there.
    await expect(shell.getByText(FIRST_ACTION)).toBeVisible()
    const box = await shell.getByText(FIRST_ACTION).boundingBox()
    await expect(shell).toHaveAttribute('aria-hidden', 'true')
    await expect(page.getByRole('heading', { name: 'Action plan' })).toHaveCount(0)
    // In Welsh the English picture is not shown: the plain shell, in Welsh (no app runs meanwhile
    // to take a Welsh one).
    await page.evaluate(() => localStorage.setItem('th-locale', 'cy'))
    await page.reload()
    await expect(shell.getByText('Cynllun gweithredu', { exact: true })).toBeVisible()
    await expect(shell.getByText(FIRST_ACTION)).toHaveCount(0)
    await page.evaluate(() => localStorage.setItem('th-locale', 'en'))
    return box
  })

  // With its scripts, the app takes over: the same page, live, and the picture is gone.
  await page.goto('/plan')
  await expect(main.getByRole('heading', { level: 1, name: 'Action plan' })).toBeVisible()
  await expect(main.getByText(FIRST_ACTION)).toBeVisible()
  await expect(shell).toHaveCount(0)
  // Drawn with the page's own styles: the action's text sits where the picture had it.
  const live = await main.getByText(FIRST_ACTION).boundingBox()
  if (!live || !pictured)
    throw new Error(`no box for the action's text: live ${JSON.stringify(live)}, pictured ${JSON.stringify(pictured)}`)
  expect({ y: Math.round(live.y), height: Math.round(live.height) }).toEqual({
    y: Math.round(pictured.y),
    height: Math.round(pictured.height),
  })

  // Signing out removes every picture: the next start shows no one's page.
  await page.goto('/account')
  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click()
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('th-last-seen')))).toEqual([])
  await withoutScripts(page, '/plan', async () => {
    await expect(shell.getByText('Action plan', { exact: true })).toBeVisible()
    await expect(shell.getByText(FIRST_ACTION)).toHaveCount(0)
  })
})

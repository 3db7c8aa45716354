/**
 * Signing in and waiting for sync in browser tests, through the UI as a person would
 * (the account page's forms, found by role and accessible name).
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { waitForServiceWorkerControl } from './fixtures'

export const DEMO_PASSWORD = 'demo-password-1'
export const DEMO = { lead: 'lead@example.ac.uk', champion: 'champion@example.ac.uk', tech: 'tech@example.ac.uk' } as const

/** A fresh address in the demo institution's domain, unique per test run. */
export function newDemoEmail(prefix = 'new'): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.ac.uk`
}

/** Signs in on /account and waits until the session is restored and a first sync has run. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/account')
  await waitForServiceWorkerControl(page)
  const main = page.getByRole('main')
  await main.getByLabel('Email', { exact: true }).fill(email)
  await main.getByLabel('Password', { exact: true }).fill(password)
  await main.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(main.getByRole('heading', { name: 'Sync' })).toBeVisible({ timeout: 30_000 })
  await waitForAllSaved(page)
}

/**
 * Creates an account on /account. An address an institution registered joins it straight away
 * (wait for that with `joinByDomain`); any other is left at the join code.
 */
export async function signUp(page: Page, who: { name: string; email: string; password?: string }): Promise<void> {
  await page.goto('/account')
  await waitForServiceWorkerControl(page)
  const main = page.getByRole('main')
  await main.getByRole('button', { name: 'New here? Create an account' }).click()
  await main.getByLabel('Your name').fill(who.name)
  await main.getByLabel('Email', { exact: true }).fill(who.email)
  await main.getByLabel('Password', { exact: true }).fill(who.password ?? DEMO_PASSWORD)
  await main.getByRole('button', { name: 'Create account' }).click()
  await expect(main.getByRole('heading', { name: /^(Join your institution|Your membership)$/ })).toBeVisible({ timeout: 30_000 })
}

/** Waits on the account page until the new account has joined the demo institution by its address (no tap). */
export async function joinByDomain(page: Page): Promise<void> {
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'Your membership' })).toBeVisible({ timeout: 30_000 })
}

/** Waits on /account until the status line says everything is saved (pushed and pulled). */
export async function waitForAllSaved(page: Page): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/account')) await page.goto('/account')
  const main = page.getByRole('main')
  // A pass may already have run before this tab's last change: ask for one more.
  await main.getByRole('button', { name: 'Sync now' }).click()
  await expect(main.getByRole('status', { name: 'Sync status' })).toHaveText(/^All changes saved/, { timeout: 30_000 })
}

/** A second, independent device (its own IndexedDB and service worker). */
export async function newDevice(browser: Browser, like: BrowserContext): Promise<BrowserContext> {
  const options = { viewport: like.pages()[0]?.viewportSize() ?? { width: 390, height: 844 }, isMobile: true, hasTouch: true }
  return browser.newContext(options)
}

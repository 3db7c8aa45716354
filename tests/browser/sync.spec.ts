/** Issue 3: self-registration, offline edits that survive a reload, and convergence across devices. */
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { joinByDomain, newDemoEmail, newDevice, signIn, signUp, waitForAllSaved } from './session'

test('a new technician signs up, joins by domain, edits offline, and the edit reaches a second device', async ({
  page,
  context,
  browser,
}) => {
  const email = newDemoEmail('sync')
  await signUp(page, { name: 'Robin Example', email })
  await joinByDomain(page)
  const main = page.getByRole('main')
  await expect(main.getByRole('textbox', { name: 'Job title' })).toBeVisible({ timeout: 30_000 })
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual(
    [],
  )

  // Offline: the edit is kept on the device and counted as waiting.
  await context.setOffline(true)
  await main.getByRole('textbox', { name: 'Job title' }).fill('Senior Research Technician')
  await main.getByRole('button', { name: 'Save profile' }).click()
  await expect(main.getByRole('status', { name: 'Sync status' })).toHaveText(/1 change waiting/)
  await page.reload()
  await expect(main.getByRole('textbox', { name: 'Job title' })).toHaveValue('Senior Research Technician')
  await expect(main.getByRole('status', { name: 'Sync status' })).toHaveText(/1 change waiting/)

  // Online again: it syncs in the background.
  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect(main.getByRole('status', { name: 'Sync status' })).toHaveText(/^All changes saved/, { timeout: 30_000 })

  // The same person on another device sees it.
  const other = await newDevice(browser, context)
  const second = await other.newPage()
  await signIn(second, email)
  await expect(second.getByRole('main').getByRole('textbox', { name: 'Job title' })).toHaveValue('Senior Research Technician', {
    timeout: 30_000,
  })
  await other.close()
})

test('a change the server refuses is shown to its author, not dropped', async ({ page }) => {
  await signIn(page, 'tech@example.ac.uk')
  // A technician may not set RAG status: write one straight into the outbox, as a tampered or
  // out-of-date client would, and let the sync engine push it.
  await page.evaluate(async () => {
    const open = indexedDB.open('technician-hub')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = db.transaction('outbox', 'readwrite')
    tx.objectStore('outbox').add({
      mutationId: `m-tamper-${Date.now()}`,
      collection: 'ragChanges',
      docId: `rag-${Date.now()}`,
      op: 'put',
      payload: { actionId: 'any', status: 'green', rationale: '', at: Date.now(), byUid: 'someone-else' },
      clientTime: Date.now(),
      attempts: 0,
    })
    await new Promise((resolve) => (tx.oncomplete = resolve))
  })
  const main = page.getByRole('main')
  await main.getByRole('button', { name: 'Sync now' }).click()
  await expect(main.getByRole('heading', { name: 'Changes that were not accepted' })).toBeVisible({ timeout: 30_000 })
  await expect(main.getByText('RAG status: You are not allowed to make this change')).toBeVisible()
  await expect(main.getByRole('status', { name: 'Sync status' })).toHaveText(/1 change not accepted/)
  await main.getByRole('button', { name: 'Dismiss' }).click()
  await expect(main.getByRole('status', { name: 'Sync status' })).toHaveText(/^All changes saved/)
})

test('signing in restores the session after a reload, offline too', async ({ page, context }) => {
  await signIn(page, 'tech@example.ac.uk')
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('main').getByRole('heading', { name: 'Your membership' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('main').getByRole('status', { name: 'Sync status' })).toHaveText(/^Offline/)
  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await waitForAllSaved(page)
})

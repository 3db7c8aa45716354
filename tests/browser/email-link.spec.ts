/**
 * Passwordless self-registration: a technician asks for a sign-in link, opens it on the same phone,
 * and joins the demo institution by their address, with no tap. The link is the one the Auth emulator would
 * have emailed (read from its out-of-band codes endpoint).
 */
import { expect, test } from '@playwright/test'
import { waitForServiceWorkerControl } from './fixtures'
import { newDemoEmail } from './session'

const AUTH = process.env.FIREBASE_AUTH_EMULATOR_HOST
const PROJECT = process.env.GCLOUD_PROJECT

/** The newest sign-in link the Auth emulator holds for `email`. */
async function emailedLink(email: string): Promise<URL> {
  const res = await fetch(`http://${AUTH}/emulator/v1/projects/${PROJECT}/oobCodes`)
  const { oobCodes } = (await res.json()) as { oobCodes: { email: string; requestType: string; oobLink: string }[] }
  const mine = oobCodes.filter((c) => c.email === email && c.requestType === 'EMAIL_SIGNIN')
  expect(mine, `no sign-in link was sent to ${email}`).not.toHaveLength(0)
  return new URL(mine.at(-1)!.oobLink)
}

test('a technician signs up with an emailed link, with no password, and joins by their address', async ({ page }) => {
  expect(AUTH && PROJECT, 'run through scripts/with-emulators.mjs, which points this test at the Auth emulator').toBeTruthy()
  const email = newDemoEmail('link')
  await page.goto('/account')
  await waitForServiceWorkerControl(page)
  const main = page.getByRole('main')
  await main.getByLabel('Email', { exact: true }).fill(email)
  await main.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(main.getByText(`We sent a sign-in link to ${email}. Open it on this device.`)).toBeVisible({ timeout: 30_000 })

  // Opening the link: Firebase's action handler sends the phone to the continue URL with the code.
  const link = await emailedLink(email)
  const opened = new URL(link.searchParams.get('continueUrl')!)
  for (const key of ['mode', 'oobCode', 'apiKey', 'lang']) {
    const value = link.searchParams.get(key)
    if (value) opened.searchParams.set(key, value)
  }
  expect(opened.pathname).toBe('/account')
  await page.goto(opened.toString())
  // Signed in, the address joins the institution that registered its domain: nothing to tap.
  await expect(main.getByRole('heading', { name: 'Your membership' })).toBeVisible({ timeout: 30_000 })
  await expect(main).toContainText(email)
})

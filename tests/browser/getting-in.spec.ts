/**
 * Issue 17, "Getting in", on a phone: the signed-out Home says what the app is and leads to a new
 * account; an address no institution registered is led to the join code (a wrong code is worded,
 * never "[403]"); a forgotten password is reset from the emailed link (read from the Auth
 * emulator's out-of-band codes, as the email would carry it) and the new one signs in.
 */
import { expect, test } from '@playwright/test'
import { waitForServiceWorkerControl } from './fixtures'
import { joinByDomain, newDemoEmail, signIn, signUp } from './session'

const AUTH = process.env.FIREBASE_AUTH_EMULATOR_HOST
const PROJECT = process.env.GCLOUD_PROJECT

/** The code of the newest password-reset email the Auth emulator holds for `email`. */
async function emailedResetCode(email: string): Promise<string> {
  const res = await fetch(`http://${AUTH}/emulator/v1/projects/${PROJECT}/oobCodes`)
  const { oobCodes } = (await res.json()) as { oobCodes: { email: string; requestType: string; oobCode: string }[] }
  const mine = oobCodes.filter((c) => c.email === email && c.requestType === 'PASSWORD_RESET')
  expect(mine, `no password reset was sent to ${email}`).not.toHaveLength(0)
  return mine.at(-1)!.oobCode
}

test('signed out, Home says what the app is and leads to a new account; an unregistered address joins with a code', async ({ page }) => {
  await page.goto('/')
  await waitForServiceWorkerControl(page)
  const main = page.getByRole('main')
  const start = main.getByRole('region', { name: 'Get started' })
  await expect(start).toContainText('Technician Hub is the Technician Commitment app for technicians')
  await expect(start.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await start.getByRole('link', { name: 'Create an account' }).click()
  await expect(main.getByRole('heading', { name: 'Create your account' })).toBeVisible()

  // A fictional address at a domain no institution registered.
  const email = `visitor.${Date.now().toString(36)}@example.org`
  await main.getByLabel('Your name').fill('Vic Visitor')
  await main.getByLabel('Email', { exact: true }).fill(email)
  await main.getByLabel('Password', { exact: true }).fill('demo-password-1')
  await main.getByRole('button', { name: 'Create account' }).click()
  await expect(main.getByText('No institution has registered your email address. Enter the join code your lead gave you.')).toBeVisible({
    timeout: 30_000,
  })
  await expect(main.getByRole('button', { name: 'Join with my email address' })).toHaveCount(0)

  await main.getByRole('textbox', { name: 'Join code' }).fill('NOT-A-CODE')
  await main.getByRole('button', { name: 'Join with code' }).click()
  await expect(main.getByText(/^⚠ That join code is not valid/)).toBeVisible({ timeout: 30_000 })
  await expect(main).not.toContainText('[403]')
  await main.getByRole('textbox', { name: 'Join code' }).fill('DEMO-2026')
  await main.getByRole('button', { name: 'Join with code' }).click()
  await expect(main.getByRole('heading', { name: 'Your membership' })).toBeVisible({ timeout: 30_000 })
  await expect(main).toContainText(email)
})

test('a forgotten password is reset from the emailed link, and the new one signs in', async ({ page }) => {
  expect(AUTH && PROJECT, 'run through scripts/with-emulators.mjs, which points this test at the Auth emulator').toBeTruthy()
  const email = newDemoEmail('forgot')
  await signUp(page, { name: 'Frankie Forgetful', email })
  await joinByDomain(page)
  const main = page.getByRole('main')
  await main.getByRole('button', { name: 'Sign out' }).click()

  await main.getByRole('button', { name: 'Forgot password?' }).click()
  await expect(main.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  await main.getByLabel('Email', { exact: true }).fill(email)
  await main.getByRole('button', { name: 'Email me a reset link' }).click()
  await expect(main.getByText(`If ${email} has an account, we have emailed it a link to set a new password.`)).toBeVisible({
    timeout: 30_000,
  })

  // The email's link opens the account page (the project's email action URL) with its code.
  await page.goto(`/account?mode=resetPassword&oobCode=${encodeURIComponent(await emailedResetCode(email))}`)
  await expect(main.getByRole('heading', { name: 'Set a new password' })).toBeVisible({ timeout: 30_000 })
  await expect(main.getByText(`For ${email}`)).toBeVisible()
  await main.getByLabel('New password', { exact: true }).fill('new-password-42')
  await main.getByRole('button', { name: 'Save new password' }).click()
  await expect(main.getByText('Your password has been changed. Sign in with your new password.')).toBeVisible({ timeout: 30_000 })

  // The old password no longer works; the new one does.
  await main.getByLabel('Email', { exact: true }).fill(email)
  await main.getByLabel('Password', { exact: true }).fill('demo-password-1')
  await main.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(main.getByText('Email or password is incorrect.')).toBeVisible({ timeout: 30_000 })
  await signIn(page, email, 'new-password-42')
  await expect(main.getByRole('heading', { name: 'Your membership' })).toBeVisible()
})

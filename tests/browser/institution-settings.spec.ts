/**
 * Issue 16: a lead keeps the institution's details the self-assessment shows (the lead's contact
 * details, the head of institution who signs off, the signing date, the published plan's address)
 * on the account page, checked with the shared schema before anything is queued; the saved details
 * sync to the lead's other device. Found by role and name; axe checks the form, error shown too.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO, newDevice, signIn, waitForAllSaved } from './session'

async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('a lead edits the institution details the self-assessment uses; they sync to another device', async ({ page, context, browser }) => {
  test.slow()
  const main = page.getByRole('main')
  await signIn(page, DEMO.lead)
  await page.goto('/account')
  const details = main.getByRole('region', { name: 'Institution details for the self-assessment' })
  await expect(details.getByRole('textbox', { name: 'Institutional lead’s name' })).toHaveValue('Morwenna Halloran', { timeout: 30_000 })
  await expectAccessible(page, 'institution details')

  const email = details.getByRole('textbox', { name: 'Lead’s email address' })
  await email.fill('not an address')
  await details.getByRole('button', { name: 'Save institution details' }).click()
  await expect(details.getByRole('status', { name: 'Institution details status' })).toHaveText(
    'Nothing saved: correct the fields marked above.',
  )
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address/)
  await expectAccessible(page, 'institution details (error shown)')

  const phone = `01632 960 ${String(Date.now() % 1000).padStart(3, '0')}`
  await email.fill('lead@example.ac.uk')
  await details.getByRole('textbox', { name: 'Lead’s phone number' }).fill(phone)
  await details.getByRole('textbox', { name: 'Head of institution’s name' }).fill('Professor Ada Quarrie')
  await details.getByRole('textbox', { name: 'Head of institution’s title' }).fill('Vice-Chancellor')
  await details.getByRole('button', { name: 'Save institution details' }).click()
  await expect(details.getByRole('status', { name: 'Institution details status' })).toHaveText(
    'Saved on this device; it syncs when you are online.',
  )
  await waitForAllSaved(page)

  // The lead's laptop sees the same details after its sync.
  const laptop = await newDevice(browser, context)
  const other = await laptop.newPage()
  await signIn(other, DEMO.lead)
  await other.goto('/account')
  const there = other.getByRole('main').getByRole('region', { name: 'Institution details for the self-assessment' })
  await expect(there.getByRole('textbox', { name: 'Lead’s phone number' })).toHaveValue(phone, { timeout: 30_000 })
  await expect(there.getByRole('textbox', { name: 'Head of institution’s title' })).toHaveValue('Vice-Chancellor')
  await expect(there.getByRole('textbox', { name: 'Lead’s email address' })).toHaveValue('lead@example.ac.uk')
  await laptop.close()
})

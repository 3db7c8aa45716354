/**
 * Cymraeg / English: the switch on the signed-out home page and in the account menu, remembered
 * on the device, `<html lang>` following it, the browser's language on a first visit, and no axe
 * violation in Welsh. (Translation of the screens beyond the shell is tracked in issue 14.)
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { pageHeading } from './fixtures'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

test('a person switches to Cymraeg on the signed-out home page, and it stays after a reload', async ({ page }) => {
  // Two languages, a reload and an axe pass: longer than one screen's test on a busy machine.
  test.slow()
  await page.goto('/')
  await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB')
  const languages = page.getByRole('main').getByRole('group', { name: 'Language / Iaith' })
  await expect(languages.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')

  await languages.getByRole('button', { name: 'Cymraeg' }).click()
  await expect(pageHeading(page, 'Croeso i Hwb Technegwyr')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
  await expect(languages.getByRole('button', { name: 'Cymraeg' })).toHaveAttribute('aria-pressed', 'true')
  const nav = page.getByRole('navigation', { name: 'Prif' })
  for (const label of ['Hafan', 'Cyfeiriadur', 'DPP', 'Cynllun', 'Arolygon'])
    await expect(nav.getByRole('link', { name: label })).toBeVisible()
  expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations).toEqual([])

  await page.reload()
  await expect(pageHeading(page, 'Croeso i Hwb Technegwyr')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')

  // Back to English from the account menu, by keyboard.
  await page.getByRole('button', { name: 'Dewislen y cyfrif' }).click()
  const menuSwitch = page.getByRole('banner').getByRole('group', { name: 'Language / Iaith' })
  await menuSwitch.getByRole('button', { name: 'English' }).focus()
  await page.keyboard.press('Enter')
  await expect(pageHeading(page, 'Welcome to Technician Hub')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB')
})

test.describe('a first visit from a Welsh-language browser', () => {
  test.use({ locale: 'cy-GB' })

  test('shows Welsh without being asked', async ({ page }) => {
    await page.goto('/')
    await expect(pageHeading(page, 'Croeso i Hwb Technegwyr')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
  })
})

/**
 * Issue 4 on a phone: a new technician completes their profile and skills, finds a seeded
 * colleague offline by a misspelt skill and asks to learn; the colleague accepts on their own
 * device; both see the change after sync. Axe on every new screen.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO, joinByDomain, newDemoEmail, newDevice, signIn, signUp, waitForAllSaved } from './session'

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** A 2×2 PNG, as a phone would hand over a (much larger) photo. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4oaEBRAwQCgAhLgRhHuBtwgAAAABJRU5ErkJggg==', 'base64')
/** A seeded colleague (scripts/demo/demo-data.ts) who is happy to teach welding. */
const TEACHER = { name: 'Tobias Renfrew', email: DEMO.champion, skill: 'TIG and MIG welding' }

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

async function addSkill(page: Page, typed: string, option: RegExp): Promise<void> {
  const main = page.getByRole('main')
  const box = main.getByRole('combobox', { name: 'Add a skill' })
  await box.fill(typed)
  await main.getByRole('option', { name: option }).first().tap()
  await expect(main.getByRole('status', { name: 'Skills status' })).toContainText('Saved on this device')
}

test('profile, skills, an offline search with a typo, and a skill-share request accepted on another device', async ({
  page,
  context,
  browser,
}) => {
  test.slow()
  const name = `Robin Newcomer ${Math.random().toString(36).slice(2, 6).toUpperCase()}`
  await signUp(page, { name, email: newDemoEmail('dir') })
  await joinByDomain(page)
  await waitForAllSaved(page)
  const main = page.getByRole('main')

  // The profile, right after joining, from the account page.
  await main.getByRole('link', { name: 'Edit your profile' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible()
  await expect(main.getByRole('heading', { name: /^Profile \d+% complete$/ })).toBeVisible({ timeout: 30_000 })

  // Bad input is explained at the field and nothing is saved.
  await main.getByRole('textbox', { name: 'Short bio' }).fill('Hello <script>alert(1)</script>')
  await main.getByRole('button', { name: 'Save profile' }).click()
  await expect(main.getByText('Bio cannot contain HTML or script tags')).toBeVisible()
  await expect(main.getByRole('textbox', { name: 'Short bio' })).toBeFocused()

  await main.getByRole('textbox', { name: 'Name' }).fill(name)
  await main.getByRole('textbox', { name: 'Job title' }).fill('Laboratory Technician')
  await main.getByRole('combobox', { name: 'Role family' }).selectOption({ label: 'Laboratory' })
  await main.getByRole('combobox', { name: 'Faculty' }).selectOption({ label: 'Faculty of Science' })
  await main.getByRole('combobox', { name: 'Department' }).selectOption({ label: 'Biosciences' })
  await main.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Main Campus' })
  await main.getByRole('textbox', { name: 'Short bio' }).fill('I look after the plant growth rooms. Happy to show anyone the PCR set-up.')
  await main.getByRole('textbox', { name: 'Contact link (optional)' }).fill('https://teams.example.com/robin')
  await main.getByLabel('Photo (optional)').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PHOTO })
  await expect(main.getByText('Photo ready. Save your profile to keep it.')).toBeVisible()
  await expect(main.getByRole('img', { name: 'Your profile photo' })).toBeVisible()
  await main.getByRole('button', { name: 'Save profile' }).click()
  await expect(main.getByRole('status', { name: 'Profile status' })).toContainText('Profile saved on this device')

  // Three skills: a synonym resolves to the taxonomy skill; a free tag; one to learn.
  await addSkill(page, 'polymerase chain reaction', /^PCR/)
  await addSkill(page, 'Pyth', /^Python/)
  await addSkill(page, 'Plant tissue culture', /^Add “Plant tissue culture”/)
  const skills = main.getByRole('list', { name: 'Skills on your profile' })
  await expect(skills.getByRole('listitem')).toHaveCount(3)
  await main.getByRole('checkbox', { name: 'Happy to teach PCR' }).check()
  await main.getByRole('checkbox', { name: 'Want to learn Python' }).check()
  await expect(main.getByRole('status', { name: 'Skills status' })).toContainText('Python updated')
  await expect(main.getByRole('heading', { name: 'Profile 100% complete' })).toBeVisible()
  await expectNoAxeViolations(page)
  await waitForAllSaved(page)

  // Home suggests colleagues who can teach what they want to learn.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click()
  const suggestions = main.getByRole('region', { name: 'People who can teach what you want to learn' })
  await expect(suggestions.getByRole('heading', { name: 'Python' })).toBeVisible({ timeout: 30_000 })
  await expect(suggestions.getByRole('link').first()).toBeVisible()

  // Offline: the directory still searches, and tolerates a typo.
  await context.setOffline(true)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible()
  const search = main.getByRole('searchbox', { name: /Search by name, skill/ })
  await search.fill('weldnig')
  await expect(main.getByRole('status', { name: 'Search results' })).toHaveText(/technicians? with close matches for “weldnig”/, {
    timeout: 30_000,
  })
  const card = main.getByRole('article', { name: TEACHER.name })
  await expect(card.getByRole('listitem').filter({ hasText: 'matches your search' })).toContainText(TEACHER.skill)
  await main.getByRole('checkbox', { name: 'Can teach' }).check()
  await expect(card).toBeVisible()
  await expectNoAxeViolations(page)

  await card.getByRole('link', { name: TEACHER.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: TEACHER.name })).toBeVisible()
  await expect(main.getByRole('link', { name: `Email ${TEACHER.name}` })).toHaveAttribute('href', `mailto:${TEACHER.email}`)
  await main.getByRole('combobox', { name: 'Skill' }).selectOption({ label: TEACHER.skill })
  await main.getByRole('radio', { name: 'A demonstration' }).check()
  await main.getByRole('textbox', { name: 'Message' }).fill('Could you show me the TIG set-up for repairing our rig frames?')
  await expectNoAxeViolations(page)
  await main.getByRole('button', { name: 'Send request' }).click()
  await expect(main.getByText(`Request sent to ${TEACHER.name}`)).toBeVisible()

  await main.getByRole('link', { name: 'See your requests' }).click()
  const mine = main.getByRole('article', { name: `${TEACHER.skill} with ${TEACHER.name}` })
  await expect(mine.getByText('Waiting for a reply', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  // Online again: the request syncs.
  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await waitForAllSaved(page)

  // The colleague, on their own phone, accepts.
  const other = await newDevice(browser, context)
  const teacherPage = await other.newPage()
  await signIn(teacherPage, TEACHER.email)
  await teacherPage.goto('/requests')
  const asked = teacherPage.getByRole('main').getByRole('article', { name: `${TEACHER.skill} with ${name}` })
  await expect(asked.getByText('Waiting for a reply', { exact: true })).toBeVisible({ timeout: 30_000 })
  await asked.getByRole('button', { name: /^Accept/ }).click()
  await expect(asked.getByText('Accepted', { exact: true })).toBeVisible()
  await waitForAllSaved(teacherPage)
  await teacherPage.goto('/requests')
  await expect(
    teacherPage
      .getByRole('main')
      .getByRole('article', { name: `${TEACHER.skill} with ${name}` })
      .getByText('Accepted', { exact: true }),
  ).toBeVisible()

  // The learner sees it after their next sync.
  await waitForAllSaved(page)
  await page.goto('/requests')
  await expect(mine.getByText('Accepted', { exact: true })).toBeVisible({ timeout: 30_000 })

  // After the session: completed, and a prefilled CPD entry offered, saved once confirmed.
  await mine.getByRole('button', { name: /^Mark as completed/ }).click()
  await expect(mine.getByText('Completed', { exact: true })).toBeVisible()
  await expect(mine.getByText(`“${TEACHER.skill}: demonstration with ${TEACHER.name}”`, { exact: false })).toBeVisible()
  await mine.getByRole('textbox', { name: 'Hours' }).fill('1.5')
  await mine.getByRole('button', { name: 'Add to my CPD record' }).click()
  await expect(
    main.getByRole('article', { name: `${TEACHER.skill} with ${TEACHER.name}` }).getByText('Added to your CPD record.'),
  ).toBeVisible()
  await page.goto('/cpd')
  await expect(main.getByText(`${TEACHER.skill}: demonstration with ${TEACHER.name}`).first()).toBeVisible()
  await other.close()
})

test('leads see skills coverage and everyone can export their data, on accessible screens', async ({ page }) => {
  await signIn(page, DEMO.lead)
  const main = page.getByRole('main')
  await page.goto('/coverage')
  await expect(page.getByRole('heading', { level: 1, name: 'Skills coverage' })).toBeVisible()
  await expect(main.getByRole('heading', { name: 'Held by one person only' }).first()).toBeVisible({ timeout: 30_000 })
  const csv = page.waitForEvent('download')
  await main.getByRole('button', { name: 'Download as CSV' }).click()
  expect((await csv).suggestedFilename()).toMatch(/^skills-coverage-\d{4}-\d{2}-\d{2}\.csv$/)
  await expectNoAxeViolations(page)

  await page.goto('/my-data')
  await expect(page.getByRole('heading', { level: 1, name: 'My data' })).toBeVisible()
  const json = page.waitForEvent('download')
  await main.getByRole('button', { name: 'Download JSON' }).click()
  const file = await json
  const body = JSON.parse(
    await new Promise<string>((resolve, reject) => {
      void file.createReadStream().then((stream) => {
        let text = ''
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
        stream.on('end', () => resolve(text))
        stream.on('error', reject)
      })
    }),
  ) as { collections: Record<string, { id: string; gradeBand?: string }[]> }
  expect(body.collections.profiles?.[0]).toMatchObject({ id: 'demo-lead', gradeBand: 'Grade 8' })
  expect(body.collections.cpd?.length).toBeGreaterThan(0)
  await expect(main.getByRole('status').filter({ hasText: /^Exported \d+ records as JSON\.$/ })).toBeVisible()
  await main.getByRole('button', { name: 'Delete my account' }).click()
  await expect(main.getByText('Type “delete” to confirm').last()).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a technician deletes their account: signed out, nothing left on the phone, and the sign-in no longer works', async ({ page }) => {
  const email = newDemoEmail('leaver')
  await signUp(page, { name: 'Lee Leaver', email })
  await joinByDomain(page)
  await waitForAllSaved(page)
  const main = page.getByRole('main')
  await main.getByRole('link', { name: 'My data' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My data' })).toBeVisible()
  await main.getByRole('textbox', { name: 'Type “delete” to confirm' }).fill('delete')
  await main.getByRole('button', { name: 'Delete my account' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Technician Hub' })).toBeVisible({ timeout: 30_000 })
  // The page the person lands on says what happened.
  await expect(main.getByRole('status').filter({ hasText: 'Your account and data have been deleted.' })).toBeVisible()
  const left = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('technician-hub')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const names = [...db.objectStoreNames]
    const counts = await Promise.all(
      names.map(
        (n) =>
          new Promise<number>((resolve) => {
            const r = db.transaction(n).objectStore(n).count()
            r.onsuccess = () => resolve(r.result)
          }),
      ),
    )
    db.close()
    return counts.reduce((a, b) => a + b, 0)
  })
  expect(left).toBe(0)
  await page.goto('/account')
  await main.getByLabel('Email', { exact: true }).fill(email)
  await main.getByLabel('Password', { exact: true }).fill('demo-password-1')
  await main.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(main.getByText('Email or password is incorrect.')).toBeVisible({ timeout: 30_000 })
})

test('a lead removes a member from the institution: confirmed in two steps, and the profile is gone after sync', async ({
  page,
  browser,
  context,
}) => {
  test.slow()
  const name = `Rhian Removed ${Date.now().toString(36)}`
  await signUp(page, { name, email: newDemoEmail('removed') })
  await joinByDomain(page)
  await waitForAllSaved(page)

  const leadContext = await newDevice(browser, context)
  const lead = await leadContext.newPage()
  await signIn(lead, DEMO.lead)
  const main = lead.getByRole('main')
  await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click()
  await main.getByRole('searchbox', { name: /Search by name, skill/ }).fill(name)
  await main.getByRole('article', { name }).getByRole('link', { name }).click()
  await expect(lead.getByRole('heading', { level: 1, name })).toBeVisible()

  // The first button only asks; nothing happens until the second.
  await main.getByRole('button', { name: `Remove ${name} from Example University…` }).click()
  await expect(main.getByText(`${name} will lose access to Example University straight away`)).toBeVisible()
  await expectNoAxeViolations(lead)
  await main.getByRole('button', { name: `Yes, remove ${name}` }).click()
  await expect(main.getByRole('status', { name: 'Membership status' })).toHaveText(
    `${name} has been removed from Example University. They can no longer see its data.`,
    { timeout: 30_000 },
  )

  const url = lead.url()
  await waitForAllSaved(lead)
  await lead.goto(url)
  await expect(lead.getByRole('heading', { level: 1, name: 'Profile not found' })).toBeVisible()
  await leadContext.close()
})

/**
 * CPD end to end on a phone: a CPD entry logged offline with a photo (compressed on the phone),
 * checked for bad input, kept across a reload, synced when the connection returns (a failed upload
 * shown and retried); a registration target of RSci with the entry linked to a competence; the
 * last 12 months exported as DOCX and PDF that open and contain the entry. Axe on every new screen.
 */
import { randomBytes } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Download, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { pdfText } from '../support/pdf-text'
import { pageHeading } from './fixtures'
import { DEMO, signIn } from './session'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** A real PNG of noisy pixels, about 1.4 MB: big enough that the phone compresses it to a JPEG. */
function noisyPng(width = 800, height = 600): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  expect(results.violations.map((v) => `${where}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([])
}

const isoDay = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * 86_400_000)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

test('a CPD entry logged offline with a photo syncs, evidences an RSci competence and exports for audit', async ({ page, context }) => {
  test.slow()
  // Letters outside Latin-1 (Welsh, Polish, Greek, Cyrillic) must survive the form, the sync and every export.
  const title = `Bench photo training Tŷ Gwŵr Łęcka Ωmega Дмитрий ${Date.now().toString(36)}`
  await signIn(page, DEMO.tech)

  await page.goto('/cpd')
  await expect(pageHeading(page, 'CPD')).toBeVisible()
  await page.getByRole('link', { name: 'New entry with reflections and evidence' }).click()
  await expect(pageHeading(page, 'New CPD entry')).toBeFocused()
  await context.setOffline(true)

  // Bad input first: clear messages at each field, nothing saved.
  const main = page.getByRole('main')
  await main.getByRole('textbox', { name: 'Title' }).fill(title)
  await main.getByLabel('Start date').fill(isoDay(3))
  await main.getByLabel('End date (optional)').fill(isoDay(1))
  await main.getByRole('textbox', { name: 'Hours' }).fill('-2')
  await main.getByRole('button', { name: 'Save entry' }).click()
  await expect(main.getByLabel('Start date')).toBeFocused()
  await expect(main.getByLabel('Start date')).toHaveAccessibleDescription(/The start date cannot be in the future/)
  await expect(main.getByLabel('End date (optional)')).toHaveAccessibleDescription(/End date cannot be before the start date/)
  await expect(main.getByRole('textbox', { name: 'Hours' })).toHaveAccessibleDescription(/Hours cannot be negative/)
  await expect(main.getByRole('combobox', { name: 'Activity type' })).toHaveAccessibleDescription(/Choose an activity type/)
  await expect(main.getByRole('status', { name: 'Entry save status' })).toHaveText('Not saved: check the fields marked below.')
  await expectNoAxeViolations(page, '/cpd/new with errors')

  // A wrong file type is refused with a message; the photo is compressed and held with the draft.
  await main.getByLabel('Choose files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not evidence') })
  await expect(main.getByRole('alert')).toContainText('“notes.txt” is not a photo or a PDF')
  await main.getByLabel('Choose files').setInputFiles({ name: 'bench-photo.png', mimeType: 'image/png', buffer: noisyPng() })
  const files = main.getByRole('list', { name: 'Evidence files' })
  await expect(files).toContainText('bench-photo.jpg')
  await expect(files).toContainText('Kept on this device; uploads once the entry is saved')

  await main.getByLabel('Start date').fill(isoDay(0))
  await main.getByLabel('End date (optional)').fill('')
  await main.getByRole('textbox', { name: 'Hours' }).fill('2.5')
  await main.getByRole('combobox', { name: 'Activity type' }).selectOption({ label: 'Work-based learning' })
  await main.getByRole('textbox', { name: 'What I learned' }).fill('How to photograph gels for the lab record.')
  await main.getByRole('textbox', { name: 'How it benefits my practice' }).fill('Faster, consistent records.')
  await main.getByRole('textbox', { name: 'How it benefits the users of my work' }).fill('Students can check their results the same day.')
  await main.getByRole('button', { name: 'Save entry' }).click()
  await expect(main.getByRole('status', { name: 'Entry save status' })).toHaveText(
    `Saved “${title}” on this device. Its file uploads when you are online.`,
  )
  await expect(pageHeading(page, 'CPD entry')).toBeVisible()
  await expect(page).toHaveURL(/\/cpd\/[\w-]{20,}$/)
  const entryStatus = main.getByRole('status', { name: 'Entry sync status' })
  await expect(entryStatus).toHaveText('Saved on this device; waiting to sync')
  await expect(files).toContainText('Waiting to upload: you are offline')

  // Still there after a reload with no network.
  await page.reload()
  await expect(main.getByRole('textbox', { name: 'Title' })).toHaveValue(title)
  await expect(files).toContainText('bench-photo.jpg')
  await expect(files).toContainText('Waiting to upload')
  await expectNoAxeViolations(page, '/cpd/:id offline')

  // Online again, the first upload attempt fails: the failure is shown, then retried by itself.
  let failures = 0
  await page.route('**/evidenceUpload', async (route) => {
    failures++
    await route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { status: 'INTERNAL', message: 'The server had a problem' } }),
    })
  })
  await context.setOffline(false)
  await expect(files).toContainText(/Upload failed \(\d+ attempts?\)/, { timeout: 30_000 })
  await expect(main.getByRole('button', { name: 'Retry uploading bench-photo.jpg now' })).toBeVisible()
  await page.unroute('**/evidenceUpload')
  expect(failures).toBeGreaterThan(0)
  await expect(files).toContainText('Uploaded', { timeout: 45_000 })
  await expect(entryStatus).toHaveText('Synced to your account', { timeout: 45_000 })

  // Target RSci, and link the entry to a competence as evidence.
  await page.goto('/registration')
  await expect(pageHeading(page, 'Professional registration')).toBeVisible()
  await expectNoAxeViolations(page, '/registration')
  await main.getByRole('radio', { name: 'Registered Scientist (RSci)' }).check()
  await main.getByRole('button', { name: 'Start tracking' }).click()
  await expect(pageHeading(page, 'Registered Scientist (RSci)')).toBeVisible()
  const competence = main.getByRole('region', { name: 'A. Application of knowledge and understanding' })
  const link = competence.getByRole('checkbox', { name: new RegExp(title) })
  await link.check()
  await expect(link).toBeChecked()
  await expect(competence).toContainText(/of 600 words/)
  await page.reload()
  await expect(
    main.getByRole('region', { name: 'A. Application of knowledge and understanding' }).getByRole('checkbox', { name: new RegExp(title) }),
  ).toBeChecked()
  await expect(main.getByRole('region', { name: 'Readiness' })).toContainText('% ready')
  await expectNoAxeViolations(page, '/registration/:id')

  // Export the last 12 months as DOCX and PDF; both open and contain the entry.
  await page.goto('/cpd/export')
  await expect(pageHeading(page, 'Export for audit')).toBeVisible()
  await expectNoAxeViolations(page, '/cpd/export')
  const [docx] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: 'Download Word (DOCX)' }).click()])
  expect(docx.suggestedFilename()).toMatch(/^cpd-record-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.docx$/)
  const docxXml = strFromU8(unzipSync(new Uint8Array(await readDownload(docx)))['word/document.xml']!)
  expect(docxXml).toContain(title)
  expect(docxXml).toContain('Students can check their results the same day.')

  const [pdf] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: 'Download PDF' }).click()])
  // The PDF's text is in its embedded font (fetched on this first PDF export): read it as a viewer does.
  const pdfBytes = new Uint8Array(await readDownload(pdf))
  expect(Buffer.from(pdfBytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
  expect((await pdfText(pdfBytes)).text).toContain(title)
  await expect(main.getByRole('status', { name: 'Export status' })).toHaveText(/Downloaded cpd-record-.*\.pdf/)
})

test('the CPD page shows the standards check, development time and quick-add, and passes axe', async ({ page }) => {
  await signIn(page, DEMO.tech)
  await page.goto('/cpd')
  await expect(pageHeading(page, 'CPD')).toBeVisible()
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'Science Council CPD standards' })).toBeVisible()
  await expect(main.getByRole('progressbar', { name: 'Development days used' })).toBeVisible()
  await expect(main.getByRole('heading', { name: /^CPD year \d{4}\/\d{2}$/ }).first()).toBeVisible()
  await main.getByRole('link', { name: 'Technician network or conference' }).click()
  await expect(pageHeading(page, 'New CPD entry')).toBeVisible()
  await expect(main.getByRole('combobox', { name: 'Activity type' })).toHaveValue('professional')

  // The draft is saved as it is typed and restored after a reload, until it is discarded.
  await main.getByRole('textbox', { name: 'Title' }).fill('Attended the regional technician network day')
  await expect.poll(() => draftTitle(page), { timeout: 10_000 }).toBe('Attended the regional technician network day')
  await page.reload()
  await expect(main.getByRole('note')).toContainText('Restored your unsaved changes')
  await expect(main.getByRole('textbox', { name: 'Title' })).toHaveValue('Attended the regional technician network day')
  await main.getByRole('button', { name: 'Discard changes' }).click()
  await expect(main.getByRole('textbox', { name: 'Title' })).toHaveValue('Attended ')
  await expect(main.getByRole('note')).toBeHidden()

  await page.goto('/cpd')
  await expectNoAxeViolations(page, '/cpd signed in')
})

test('a lead sees CPD and registration counts across the institution, never anyone’s records', async ({ page }) => {
  await signIn(page, DEMO.lead)
  await page.goto('/cpd')
  await page.getByRole('link', { name: 'Across the institution' }).click()
  await expect(pageHeading(page, 'CPD and registration across the institution')).toBeVisible()
  const main = page.getByRole('main')
  const table = main.getByRole('table', { name: 'CPD participation by faculty' })
  await expect(table).toBeVisible({ timeout: 30_000 })
  await expect(main.getByRole('table', { name: 'Members by registration level' })).toContainText('Registered Scientist (RSci)')
  // Small groups are withheld; no entry title from anyone's record appears.
  await expect(main).toContainText('withheld')
  await expect(main).not.toContainText('Confocal microscopy user training')
  await expectNoAxeViolations(page, '/cpd/insights')
})

/** The title held in the new-entry draft (db.drafts, key cpd:new), read straight from IndexedDB. */
async function draftTitle(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('technician-hub')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const draft = await new Promise<{ value?: { values?: { title?: string } } } | undefined>((resolve, reject) => {
      const req = db.transaction('drafts').objectStore('drafts').get('cpd:new')
      req.onsuccess = () => resolve(req.result as { value?: { values?: { title?: string } } } | undefined)
      req.onerror = () => reject(req.error)
    })
    db.close()
    return draft?.value?.values?.title ?? null
  })
}

async function readDownload(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream()
  const parts: Buffer[] = []
  for await (const part of stream) parts.push(part as Buffer)
  return Buffer.concat(parts)
}

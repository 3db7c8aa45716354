/**
 * Helpers for the shell's browser tests: the routes, waiting for the service worker, and fictional
 * demo records written straight into the app's IndexedDB (as a sync pull would leave them).
 */
import { expect, type Page } from '@playwright/test'
import { plan } from '../support/rule-fixtures'

export interface TopRoute {
  path: string
  /** Accessible name of the page's h1. */
  heading: string
  title: string
}

export const TOP_ROUTES: readonly TopRoute[] = [
  { path: '/', heading: 'Welcome to Technician Hub', title: 'Home · Technician Hub' },
  { path: '/directory', heading: 'Directory', title: 'Directory · Technician Hub' },
  { path: '/cpd', heading: 'CPD', title: 'CPD · Technician Hub' },
  { path: '/plan', heading: 'Action plan', title: 'Action plan · Technician Hub' },
  { path: '/surveys', heading: 'Surveys', title: 'Surveys · Technician Hub' },
  { path: '/account', heading: 'Account', title: 'Account · Technician Hub' },
  { path: '/no-such-page', heading: 'Page not found', title: 'Page not found · Technician Hub' },
]

export const NAV_ITEMS = ['Home', 'Directory', 'CPD', 'Plan', 'Surveys'] as const

export const OFFLINE_TEXT = 'Offline — changes are saved on this device'

/** The page's h1, by role and name. */
export function pageHeading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true })
}

/**
 * Waits until nothing on the page is aria-busy: a page that renders its parts or a long list a few
 * per task (src/composables/use-revealed.ts) marks itself busy until all of it is in.
 */
export async function waitUntilRendered(page: Page, options: { timeout?: number } = {}): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, options)
}

/** Uncaught errors and console errors of each page, to say why a page did not show (CI keeps no trace). */
const pageErrors = new WeakMap<Page, string[]>()
export function recordErrors(page: Page): void {
  const errors: string[] = []
  pageErrors.set(page, errors)
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
}

/**
 * Waits for the page's h1 (by role, with a name if given). When it does not show, fails with what
 * is on screen instead: the address, the h1s in the DOM, the shell's state (a last-seen picture
 * held over a hidden app) and the start of #app, and the page's errors (see recordErrors).
 */
export async function expectHeading(page: Page, options: { name?: string | RegExp; timeout?: number } = {}): Promise<void> {
  try {
    await expect(page.getByRole('heading', { level: 1, name: options.name })).toBeVisible({ timeout: options.timeout ?? 30_000 })
  } catch (error) {
    const shown = await page
      .evaluate(() => ({
        url: location.href,
        html: `${document.documentElement.className} picture=${document.documentElement.getAttribute('data-shell-picture')}`,
        shell: !!document.querySelector('.th-shell'),
        controlled: !!navigator.serviceWorker?.controller,
        h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
        app: document.querySelector('#app')?.innerHTML.slice(0, 600),
      }))
      .catch((e: unknown) => String(e))
    throw new Error(`${String(error)}\nshown: ${JSON.stringify(shown)}\nerrors: ${(pageErrors.get(page) ?? []).join('\n')}`)
  }
}

/** Resolves once a service worker controls the page (no reload is made here). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 })
}

/** Opens the app and waits until it works offline: controlled by the service worker. */
export async function openControlledApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await waitForServiceWorkerControl(page)
}

/** Plays Chromium's install offer (headless Chromium never fires a real one). */
export async function dispatchInstallPrompt(page: Page): Promise<void> {
  await page.evaluate(() => {
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      platforms: ['web'],
      prompt: async () => undefined,
      userChoice: Promise.resolve({ outcome: 'dismissed', platform: 'web' }),
    })
    window.dispatchEvent(event)
  })
}

const meta = { updatedAt: 1_763_800_000_000, version: 1, deleted: false, lastMutationId: null }
const skill = (name: string, canTeach = false) => ({
  skillId: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  category: 'technique',
  level: 'practitioner',
  canTeach,
  wantsToLearn: false,
})

/** Fictional demo records: people, a plan with RAG history and an open survey. */
export const DEMO = {
  members: [
    {
      ...meta,
      id: 'm1',
      institutionId: 'demo',
      displayName: 'Aisha Patel',
      email: 'a.patel@example.ac.uk',
      role: 'technician',
      visibility: 'institution',
      joinedAt: 1,
      jobTitle: 'Senior Research Technician',
      department: 'Biosciences',
      skills: [skill('Confocal microscopy', true), skill('Python')],
    },
    {
      ...meta,
      id: 'm2',
      institutionId: 'demo',
      displayName: 'Tomasz Nowakowski-Fairbairn',
      email: 't.nowakowski@example.ac.uk',
      role: 'champion',
      visibility: 'institution',
      joinedAt: 1,
      jobTitle: 'Workshop Technician (Mechanical Engineering and Advanced Manufacturing)',
      skills: [skill('CNC milling', true), skill('TIG welding')],
    },
    {
      ...meta,
      id: 'm3',
      institutionId: 'demo',
      displayName: 'Hidden Person',
      email: 'h@example.ac.uk',
      role: 'technician',
      visibility: 'hidden',
      joinedAt: 1,
      skills: [],
    },
  ],
  plans: [plan('p1', { ...meta, id: 'p1', title: 'Technician Commitment action plan 2026–2029' })],
  actions: [
    {
      ...meta,
      id: 'a1',
      planId: 'p1',
      code: 'V1',
      themes: ['visibility'],
      activity: 'Self registration of all colleagues who identify as a technician.',
      measures: [],
      timeframe: 'P1',
      owner: 'SG',
    },
    {
      ...meta,
      id: 'a2',
      planId: 'p1',
      code: 'R2',
      themes: ['recognition'],
      activity: 'Technician awards at the annual staff awards.',
      measures: [],
      timeframe: 'Continuing',
      owner: 'OD',
    },
    {
      ...meta,
      id: 'a3',
      planId: 'p1',
      code: 'CD3',
      themes: ['career', 'sustainability'],
      activity: 'Fund professional registration fees for the first year.',
      measures: [],
      timeframe: 'P2',
      owner: 'TCWG',
    },
  ],
  ragChanges: [
    { ...meta, id: 'r1', actionId: 'a1', status: 'amber', rationale: 'Started', at: 10, byUid: 'lead' },
    { ...meta, id: 'r2', actionId: 'a1', status: 'green', rationale: 'Done', at: 20, byUid: 'lead' },
    { ...meta, id: 'r3', actionId: 'a2', status: 'red', rationale: 'Waiting for the awards committee.', at: 15, byUid: 'lead' },
  ],
  surveys: [
    {
      ...meta,
      id: 's1',
      title: 'Technician voice: career development',
      description: 'What would good look like?',
      sections: [],
      questions: [{ id: 'q1', type: 'long', prompt: 'What are the barriers?', required: false }],
      audience: { facultyIds: [], roleFamilies: [] },
      anonymous: true,
      allowEdit: false,
      opensAt: '2020-01-01',
      closesAt: '2099-12-31',
      status: 'open',
      createdByUid: 'lead',
    },
  ],
}

/**
 * Writes the demo records into the app's database once the app has created it, then reloads so
 * the live queries pick them up.
 */
export async function seedDemoData(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'technician-hub'))).toBe(true)
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('technician-hub')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const names = Object.keys(data)
    const tx = db.transaction(names, 'readwrite')
    for (const name of names) for (const doc of data[name as keyof typeof data]) tx.objectStore(name).put(doc)
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, DEMO)
  await page.reload()
}

/**
 * Issue 15 on phones: a new technician asks a seeded colleague to learn a skill; after sync the
 * colleague's header shows the unread count and their inbox the request (offline too, after a
 * reload); opening it goes to the requests page and marks it read. The colleague turns push on
 * (only by tapping the button); the service worker's push handler, driven through Chromium's
 * DevTools protocol (ServiceWorker.deliverPushMessage), shows the notification in the device's
 * language with its link, and a tap on it opens the right route.
 *
 * Chromium cannot reach a real push service here: `pushManager.subscribe` is refused in Playwright's
 * contexts ("Registration failed - permission denied"; they are off-the-record) and waits forever
 * for Google's push service in a persistent profile with no internet. The test therefore hands the
 * page a subscription whose endpoint is a push service on 127.0.0.1 that it runs itself
 * (tests/support/push-endpoint.ts); the app's path from the tap through the browser's permission to
 * the server's savePushSubscription is real, and so is the functions' encrypted push, which the
 * test decrypts with the subscription's keys and hands to the service worker as the browser would.
 */
import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { decryptPush, startPushEndpoint, verifyVapid } from '../support/push-endpoint'
import { DEMO, joinByDomain, newDemoEmail, newDevice, signIn, signUp, waitForAllSaved } from './session'

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** A seeded colleague (scripts/demo/demo-data.ts) who is happy to teach welding. */
const TEACHER = { uid: 'demo-champion', email: DEMO.champion, skill: 'TIG and MIG welding' }

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** The header's notifications link and the unread count its accessible name says (0: none). */
async function unreadInHeader(page: Page): Promise<number> {
  const name = await page
    .getByRole('banner')
    .getByRole('link', { name: /^Notifications/ })
    .getAttribute('aria-label')
  return Number(/^Notifications, (\d+) unread$/.exec(name ?? '')?.[1] ?? 0)
}

/** The subscription the page gets from `pushManager.subscribe` (kept across reloads, as a browser would). */
async function givePushSubscription(context: BrowserContext, subscription: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  await context.addInitScript((sub) => {
    const make = () => ({
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: null },
      getKey: () => null,
      toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
      unsubscribe: async () => {
        localStorage.removeItem('test-push-subscribed')
        return true
      },
    })
    PushManager.prototype.subscribe = async function () {
      localStorage.setItem('test-push-subscribed', '1')
      return make() as unknown as PushSubscription
    }
    PushManager.prototype.getSubscription = async function () {
      return (localStorage.getItem('test-push-subscribed') ? make() : null) as unknown as PushSubscription | null
    }
  }, subscription)
}

/** Delivers a push message to the page's service worker as the browser's push service would. */
async function deliverPush(context: BrowserContext, page: Page, data: string): Promise<void> {
  const cdp = await context.newCDPSession(page)
  const origin = new URL(page.url()).origin
  const registrationId = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const live = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)
      if (live) resolve(live.registrationId)
    }),
  )
  await cdp.send('ServiceWorker.enable')
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: await registrationId, data })
  await cdp.detach()
}

test('a skill-share request reaches the colleague’s inbox and badge, offline too; push shows it and a tap opens it', async ({
  page,
  context,
  browser,
}) => {
  test.slow()
  const push = await startPushEndpoint()
  try {
    // The colleague's phone: signed in, push turned on from the settings page.
    const phone = await newDevice(browser, context)
    const path = `/push/${randomBytes(8).toString('hex')}`
    const subscription = push.subscription(path)
    await givePushSubscription(phone, { endpoint: subscription.endpoint, keys: subscription.keys })
    const teacher = await phone.newPage()
    await signIn(teacher, TEACHER.email)
    await phone.grantPermissions(['notifications'], { origin: new URL(teacher.url()).origin })
    const before = await unreadInHeader(teacher)

    await teacher
      .getByRole('banner')
      .getByRole('link', { name: /^Notifications/ })
      .click()
    await expect(teacher.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
    await teacher.getByRole('main').getByRole('link', { name: 'Notification settings' }).click()
    await expect(teacher.getByRole('heading', { level: 1, name: 'Notification settings' })).toBeVisible()
    const settings = teacher.getByRole('main')
    const pushStatus = settings.getByRole('status', { name: 'Push status' })
    await expect(pushStatus).toHaveText('Push notifications are off for this device.')
    await settings.getByRole('button', { name: 'Turn on push notifications' }).click()
    await expect(pushStatus).toHaveText('Push notifications are on for this device.', { timeout: 30_000 })
    await expect(
      settings.getByRole('group', { name: 'Someone asks to learn from you' }).getByRole('radio', { name: 'Inbox and push' }),
    ).toBeChecked()
    await expectNoAxeViolations(teacher)

    // A new technician asks to learn from them.
    const name = `Rhian Learner ${Math.random().toString(36).slice(2, 6).toUpperCase()}`
    await signUp(page, { name, email: newDemoEmail('notify') })
    await joinByDomain(page)
    await waitForAllSaved(page)
    const main = page.getByRole('main')
    await page.goto(`/directory/${TEACHER.uid}`)
    await main.getByRole('combobox', { name: 'Skill' }).selectOption({ label: TEACHER.skill })
    await main.getByRole('radio', { name: 'A demonstration' }).check()
    await main.getByRole('textbox', { name: 'Message' }).fill('Could you show me how you set up the TIG welder?')
    await main.getByRole('button', { name: 'Send request' }).click()
    await expect(main.getByText(/^Request sent to/)).toBeVisible()
    await waitForAllSaved(page)

    // After the colleague's next sync: the count in the header, and the request in the inbox.
    await waitForAllSaved(teacher)
    await expect.poll(() => unreadInHeader(teacher), { timeout: 30_000 }).toBe(before + 1)
    await teacher
      .getByRole('banner')
      .getByRole('link', { name: `Notifications, ${before + 1} unread` })
      .click()
    const inbox = teacher.getByRole('main').getByRole('list', { name: 'Your notifications' })
    const item = inbox.getByRole('link', { name: new RegExp(`^${name} asked to learn ${TEACHER.skill} from you\\s*Unread`) })
    await expect(item).toBeVisible()
    await expectNoAxeViolations(teacher)

    // Offline, after a reload: the inbox and the count come from the device.
    await phone.setOffline(true)
    await teacher.reload()
    await expect(item).toBeVisible()
    await expect.poll(() => unreadInHeader(teacher)).toBe(before + 1)
    await phone.setOffline(false)

    // Push: the functions sent one to this device's subscription, signed (VAPID) and encrypted
    // (RFC 8291); decrypted as the browser would, it holds the kind, link, id and count, no names.
    await expect.poll(() => push.received.filter((r) => r.path === path).length, { timeout: 30_000 }).toBeGreaterThan(0)
    const sent = push.received.find((r) => r.path === path)!
    expect(sent.headers['content-encoding']).toBe('aes128gcm')
    verifyVapid(sent.headers.authorization as string | undefined, push.origin)
    const data = decryptPush(subscription, sent.body)
    expect(JSON.parse(data)).toEqual({ kind: 'request.received', link: '/requests', id: expect.any(String), badge: before + 1 })
    expect(data).not.toContain(name.split(' ')[0]!)
    // The browser hands it to the service worker, which shows it titled in the app's language.
    await deliverPush(phone, teacher, data)
    const shown = async () =>
      teacher.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, data: n.data as unknown })),
      )
    await expect.poll(shown).toEqual([{ title: 'New skill-share request', data: { link: '/requests', id: JSON.parse(data).id } }])

    // A tap on it opens the requests page in the open window.
    const [worker] = phone.serviceWorkers()
    expect(worker).toBeDefined()
    await worker!.evaluate(async () => {
      const scope = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean }
      const [notification] = await scope.registration.getNotifications()
      const Click = (self as unknown as { NotificationEvent: new (type: string, init: { notification: Notification }) => Event })
        .NotificationEvent
      scope.dispatchEvent(new Click('notificationclick', { notification: notification! }))
    })
    await expect(teacher).toHaveURL(/\/requests$/)
    await expect(teacher.getByRole('heading', { level: 1, name: 'Skill-share requests' })).toBeVisible()

    // Opening the item from the inbox marks it read, on this device at once.
    await teacher.goto('/inbox')
    await teacher
      .getByRole('main')
      .getByRole('link', { name: new RegExp(`^${name} asked to learn`) })
      .click()
    await expect(teacher).toHaveURL(/\/requests$/)
    await expect.poll(() => unreadInHeader(teacher)).toBe(before)
    await teacher.goto('/inbox')
    await expect(inbox.getByRole('link', { name: new RegExp(`^${name} asked to learn ${TEACHER.skill} from you\\s*\\d`) })).toBeVisible()

    // Push off again: the server forgets this device's subscription.
    await teacher.goto('/inbox/settings')
    await teacher.getByRole('main').getByRole('button', { name: 'Turn off push notifications' }).click()
    await expect(teacher.getByRole('main').getByRole('status', { name: 'Push status' })).toHaveText(
      'Push notifications are off for this device.',
    )
    await phone.close()
  } finally {
    await push.close()
  }
})

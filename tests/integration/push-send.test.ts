/**
 * The push send path on the real stack (issue 15): a device's subscription saved through the
 * callable, a real cause (a skill-share request through syncPush), and a push endpoint on
 * 127.0.0.1 that decrypts what the Functions emulator sent (RFC 8291) with the subscription's keys
 * and checks its VAPID signature. A push service's 404 or 410 removes the subscription; the
 * member's preferences and quiet hours decide whether (and when) a push goes at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { subscriptionId } from '../../functions/src/notifications/deliver'
import { sendHeldPushesCore } from '../../functions/src/notifications/deliver'
import { decryptPush, startPushEndpoint, verifyVapid, type PushEndpoint, type TestSubscription } from '../support/push-endpoint'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { applied, docId, mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `pushsend-${RUN}`
const DOMAIN = `pushsend${RUN}.example.ac.uk`
let admin: Admin
let endpoint: PushEndpoint
let learner: TestUser
let teacher: TestUser

beforeAll(async () => {
  admin = adminApp()
  endpoint = await startPushEndpoint()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN] })
  learner = await createMember(admin, INST, emailAt(DOMAIN, 'learner'), 'technician', { displayName: 'Lee Learner' })
  teacher = await createMember(admin, INST, emailAt(DOMAIN, 'teacher'), 'technician', { displayName: 'Tess Teacher' })
}, 120_000)

afterAll(async () => {
  await endpoint?.close()
  await admin?.close()
})

const subscribe = (user: TestUser, sub: TestSubscription) =>
  callOk('savePushSubscription', { endpoint: sub.endpoint, keys: sub.keys, locale: 'cy' }, user.idToken)

/** A new skill-share request to the teacher (the cause of a `request.received`); its id. */
async function askTeacher(): Promise<string> {
  const id = docId('req')
  const ask = {
    learnerUid: learner.uid,
    teacherUid: teacher.uid,
    skillId: 'hplc',
    skillName: 'HPLC troubleshooting',
    message: 'Could you show me?',
    format: 'demo',
    state: 'pending',
    history: { pending: 1 },
  }
  applied(await pushOne(learner, mutation('requests', id, 'put', ask)))
  return id
}

const pushesTo = (path: string) => endpoint.received.filter((r) => r.path === path)
const subscriptionIds = async (user: TestUser) =>
  (await admin.db.collection(`users/${user.uid}/pushSubscriptions`).get()).docs.map((d) => d.id)
const savePrefs = async (prefs: Record<string, unknown>) =>
  applied(await pushOne(teacher, mutation('notificationPrefs', 'prefs', 'put', { kinds: {}, quiet: null, timeZone: 'UTC', ...prefs })))

describe('push send', () => {
  let phone: TestSubscription

  it('sends an encrypted, VAPID-signed push with no personal data, which the subscription decrypts', async () => {
    phone = endpoint.subscription('/phone')
    await subscribe(teacher, phone)
    expect(await subscriptionIds(teacher)).toEqual([subscriptionId(phone.endpoint)])

    const id = await askTeacher()
    // syncPush sends after its commit, before it answers.
    await expect.poll(() => pushesTo('/phone').length).toBe(1)
    const push = pushesTo('/phone')[0]!
    expect(push.headers['content-encoding']).toBe('aes128gcm')
    expect(Number(push.headers.ttl)).toBeGreaterThan(0)
    const { publicKey, claims } = verifyVapid(push.headers.authorization as string, endpoint.origin)
    if (process.env.VAPID_PUBLIC_KEY) expect(publicKey).toBe(process.env.VAPID_PUBLIC_KEY)
    expect(String(claims.sub)).toMatch(/^(mailto:|https:)/)

    const plain = decryptPush(phone, push.body)
    expect(JSON.parse(plain)).toEqual({ kind: 'request.received', link: '/requests', id: `request.received-${id}`, badge: 1 })
    // Nothing personal goes through the push service: no skill, no names, no message.
    for (const secret of ['HPLC', 'Lee', 'Learner', 'Could you']) expect(plain).not.toContain(secret)
  })

  it('removes a subscription the push service says is gone (404 or 410), and keeps the others', async () => {
    const gone = endpoint.subscription('/gone')
    const unknown = endpoint.subscription('/unknown')
    endpoint.answer('/gone', 410)
    endpoint.answer('/unknown', 404)
    await subscribe(teacher, gone)
    await subscribe(teacher, unknown)
    expect(await subscriptionIds(teacher)).toHaveLength(3)

    await askTeacher()
    await expect.poll(() => pushesTo('/gone').length + pushesTo('/unknown').length).toBe(2)
    await expect.poll(() => subscriptionIds(teacher)).toEqual([subscriptionId(phone.endpoint)])
    // The badge counts both unread notifications.
    const last = pushesTo('/phone').at(-1)!
    expect(JSON.parse(decryptPush(phone, last.body))).toMatchObject({ kind: 'request.received', badge: 2 })
  })

  it("follows the member's preferences: inbox only, off, and quiet hours (held, then sent by the job)", async () => {
    const before = pushesTo('/phone').length
    const inboxOf = async () => (await admin.db.collection(`users/${teacher.uid}/notifications`).get()).size

    await savePrefs({ kinds: { 'request.received': 'inbox' } })
    const count = await inboxOf()
    await askTeacher()
    expect(await inboxOf()).toBe(count + 1)
    await savePrefs({ kinds: { 'request.received': 'off' } })
    await askTeacher()
    expect(await inboxOf()).toBe(count + 1)
    expect(pushesTo('/phone')).toHaveLength(before)

    // Quiet hours around now (UTC): the push is held, not sent.
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16)
    await savePrefs({ quiet: { start: hhmm(Date.now() - 3_600_000), end: hhmm(Date.now() + 3_600_000) } })
    const held = await askTeacher()
    const heldDocs = async () => (await admin.db.collection(`users/${teacher.uid}/heldPushes`).get()).docs.map((d) => d.id)
    expect(await heldDocs()).toEqual([`request.received-${held}`])
    expect(pushesTo('/phone')).toHaveLength(before)

    // Still quiet: the job keeps it. Once the quiet hours are over, it sends it and forgets it.
    await sendHeldPushesCore(admin.db)
    expect(await heldDocs()).toHaveLength(1)
    await savePrefs({ quiet: null })
    await sendHeldPushesCore(admin.db)
    expect(await heldDocs()).toEqual([])
    await expect.poll(() => pushesTo('/phone').length).toBe(before + 1)
    expect(JSON.parse(decryptPush(phone, pushesTo('/phone').at(-1)!.body))).toMatchObject({ id: `request.received-${held}` })
  })

  it('stores subscriptions only for the signed-in member, only for push services, and deletes them on request', async () => {
    const other = endpoint.subscription('/other')
    const signedOut = await call('savePushSubscription', { endpoint: other.endpoint, keys: other.keys }, null)
    expect(signedOut.ok ? 'saved' : signedOut.error.details?.code).toBe('unauthenticated')
    const elsewhere = await call('savePushSubscription', { endpoint: 'https://attacker.example.com/x', keys: other.keys }, learner.idToken)
    expect(elsewhere.ok ? 'saved' : elsewhere.error.details?.code).toBe('invalid')
    const badKeys = await call('savePushSubscription', { endpoint: other.endpoint, keys: { p256dh: 'x', auth: 'y' } }, learner.idToken)
    expect(badKeys.ok ? 'saved' : badKeys.error.details?.code).toBe('invalid')

    await subscribe(learner, other)
    expect(await subscriptionIds(learner)).toEqual([subscriptionId(other.endpoint)])
    await callOk('deletePushSubscription', { endpoint: other.endpoint }, learner.idToken)
    expect(await subscriptionIds(learner)).toEqual([])
  })
})

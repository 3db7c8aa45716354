/**
 * Leavers lose access, on the emulators with the app's own Firebase platform: when a lead removes
 * a member (`removeMember`) or a member deletes their account, the device still holding a valid ID
 * token (it lives up to an hour) can no longer read the institution: the rules check the
 * membership (the profile) on every read, not only the token's claims. Their refresh tokens are
 * revoked and their institution claims cleared, so no new token can be had, and the callables
 * refuse the old one.
 */
import { doc, getDoc, setLogLevel } from 'firebase/firestore/lite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { firebase } from '@/platform/firebase/app'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { signInDevice, useEmulatorsInApp, type AppDevice } from './helpers/device'
import { RUN } from './helpers/env'
import { mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, refreshToken, signIn, type TestUser } from './helpers/users'

const INST = `leavers-${RUN}`
const OTHER = `leaversB-${RUN}`
let admin: Admin
let lead: TestUser
let otherLead: TestUser

const member = (name: string, role: 'technician' | 'lead' = 'technician', inst = INST) =>
  createMember(admin, inst, emailAt('example.ac.uk', name), role)
const device = (user: TestUser, name: string) => signInDevice(user, `leavers-${name}-${RUN}`, INST)
const readInstitution = (d: AppDevice) => getDoc(doc(firebase(d.instance).firestore, `institutions/${INST}`))
const pullDirectory = (d: AppDevice) => d.transport.pull('members', null, 50)

beforeAll(async () => {
  useEmulatorsInApp()
  setLogLevel('silent')
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST })
  await seedInstitution(admin.db, { id: OTHER })
  ;[lead, otherLead] = await Promise.all([member('lead', 'lead'), member('otherlead', 'lead', OTHER)])
}, 60_000)

afterAll(async () => {
  vi.unstubAllEnvs()
  await admin?.close()
})

describe('a member removed by a lead', () => {
  it('reads nothing more of the institution with the token they still hold, and cannot get a new one', async () => {
    const leaver = await member('removed')
    const d = await device(leaver, 'removed')
    expect((await readInstitution(d)).exists()).toBe(true)
    expect((await pullDirectory(d)).length).toBeGreaterThan(0)

    // Firebase counts a session as revoked when it began before the revocation, to the second
    // (auth_time < tokensValidAfterTime, both in whole seconds): a session signed in within the
    // same second as its removal is not. Remove the member from the next second on, as any real
    // removal is.
    const signedInAt = Number(JSON.parse(Buffer.from(leaver.idToken.split('.')[1]!, 'base64url').toString()).auth_time)
    await vi.waitFor(() => expect(Math.floor(Date.now() / 1000)).toBeGreaterThan(signedInAt), { timeout: 5_000, interval: 50 })
    const claimsAt = Date.now()
    expect(await callOk('removeMember', { uid: leaver.uid }, lead.idToken)).toEqual({ removed: leaver.uid })

    // The device's ID token still carries the old claims (it has not expired)...
    const claims = (await firebase(d.instance).auth.currentUser!.getIdTokenResult()).claims
    expect(claims).toMatchObject({ institutionId: INST })
    // ...but the rules check the membership itself: refused at once.
    await expect(readInstitution(d)).rejects.toMatchObject({ code: 'permission-denied' })
    await expect(pullDirectory(d)).rejects.toBeTruthy()
    // The callables refuse the revoked session too.
    const push = await call(
      'syncPush',
      {
        mutations: [
          mutation('ideas', `idea-${RUN}-gone`, 'put', {
            authorUid: leaver.uid,
            title: 'Still here?',
            body: '',
            status: 'open',
            createdAt: 1,
          }),
        ],
      },
      leaver.idToken,
    )
    expect(push.ok).toBe(false)
    if (!push.ok) expect(push.error.details).toMatchObject({ code: 'unauthenticated', reason: 'session-revoked' })
    // Refresh tokens are revoked (Firebase then refuses to refresh; the Auth emulator does not
    // enforce that, so the revocation time is checked), and any token issued from now on carries
    // no institution: the device's own refresh and a fresh sign-in alike.
    const revokedAt = Date.parse((await admin.auth.getUser(leaver.uid)).tokensValidAfterTime ?? '')
    expect(revokedAt).toBeGreaterThanOrEqual(claimsAt - 1_000)
    const refreshed = await firebase(d.instance)
      .auth.currentUser!.getIdTokenResult(true)
      .then(
        (t) => t.claims,
        () => ({}),
      )
    expect(refreshed).not.toHaveProperty('institutionId')
    const fresh = await signIn(leaver.email, leaver.password)
    const payload = JSON.parse(Buffer.from(fresh.idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
    expect(payload.institutionId).toBeUndefined()
    await expect(readInstitution(d)).rejects.toMatchObject({ code: 'permission-denied' })
    // Profile and directory entry are tombstones, so every colleague's device drops them.
    expect((await admin.db.doc(`users/${leaver.uid}/profiles/${leaver.uid}`).get()).get('deleted')).toBe(true)
    expect((await admin.db.doc(`institutions/${INST}/members/${leaver.uid}`).get()).get('deleted')).toBe(true)
  })

  it('only a lead of the member’s own institution removes them; not themselves', async () => {
    const target = await member('target')
    const colleague = await member('colleague')
    for (const [by, code] of [
      [colleague, 'forbidden'],
      [otherLead, 'not-found'],
      [target, 'forbidden'],
    ] as const) {
      const out = await call('removeMember', { uid: target.uid }, by.idToken)
      expect(out.ok).toBe(false)
      if (!out.ok) expect(out.error.details?.code).toBe(code)
    }
    const self = await call('removeMember', { uid: lead.uid }, lead.idToken)
    expect(self.ok).toBe(false)
    if (!self.ok) expect(self.error.details).toMatchObject({ code: 'invalid', field: 'uid' })
    expect((await admin.db.doc(`users/${target.uid}/profiles/${target.uid}`).get()).get('deleted')).toBe(false)
  })
})

describe('a deleted account', () => {
  it('its other device, token still valid, reads nothing more of the institution', async () => {
    const leaver = await member('deleted')
    const d = await device(leaver, 'deleted')
    expect((await readInstitution(d)).exists()).toBe(true)
    await callOk('deleteAccount', { confirm: 'delete my account' }, (await refreshToken(leaver)).idToken)
    await expect(readInstitution(d)).rejects.toMatchObject({ code: 'permission-denied' })
    await expect(pullDirectory(d)).rejects.toBeTruthy()
  })
})

describe('a member who stays', () => {
  it('keeps reading, and a push by them still applies', async () => {
    const stayer = await member('stayer')
    const d = await device(stayer, 'stayer')
    expect((await readInstitution(d)).exists()).toBe(true)
    const r = await pushOne(
      stayer,
      mutation('ideas', `idea-${RUN}-stay`, 'put', {
        authorUid: stayer.uid,
        title: 'Here to stay',
        body: '',
        status: 'open',
        createdAt: 1,
      }),
    )
    expect(r.status).toBe('applied')
  })
})

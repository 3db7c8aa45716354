/**
 * A deleted account's other devices, with the app's Firebase auth port on the Auth emulator: once
 * `deleteAccount` ran on one device, another device still signed in has its pushes refused (so it
 * cannot write the account's data back) and learns that the server ended its session at its next
 * forced token refresh (what the app does when a sync is refused); a
 * disabled account's device learns it when Firebase's own token refresh fails and signs it out.
 * Both report `ended`, which makes the session store wipe the device. A plain sign-out does not.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { firebase } from '@/platform/firebase/app'
import type { Session } from '@/sync/ports'
import { adminApp, type Admin } from './helpers/admin'
import { callOk } from './helpers/callable'
import { signInDevice, useEmulatorsInApp, type AppDevice } from './helpers/device'
import { RUN } from './helpers/env'
import { mutation } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `acctDev-${RUN}`
let admin: Admin

interface Device extends AppDevice {
  events: [Session | null, boolean | undefined][]
}

async function signedIn(user: TestUser, name: string): Promise<Device> {
  const d: Device = { ...(await signInDevice(user, `acct-dev-${name}-${RUN}`, INST)), events: [] }
  d.platform.auth.onChange((s, ended) => d.events.push([s, ended]))
  return d
}

const member = (name: string): Promise<TestUser> => createMember(admin, INST, emailAt('example.ac.uk', name))

beforeAll(async () => {
  useEmulatorsInApp()
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST })
}, 60_000)

afterAll(async () => {
  vi.unstubAllEnvs()
  await admin?.close()
})

describe('a deleted account’s other devices', () => {
  it('learn at a forced token refresh that the server ended the session', async () => {
    const user = await member('refresh')
    const other = await signedIn(user, 'refresh')
    expect((await other.platform.auth.refresh())?.uid).toBe(user.uid)
    await callOk('deleteAccount', { confirm: 'delete my account' }, user.idToken)
    // Its ID token still verifies for up to an hour: the push refuses it (nothing written back),
    // which is the sync failure that makes the app force the refresh below.
    const cpd = { title: 'Written after deletion', startDate: '2026-03-01', hours: 1, type: 'formal', skillIds: [], evidenceIds: [] }
    await expect(other.transport.push([mutation('cpd', 'cpd-after-delete', 'put', cpd)])).rejects.toMatchObject({ kind: 'unauthenticated' })
    expect((await admin.db.doc(`users/${user.uid}/cpd/cpd-after-delete`).get()).exists).toBe(false)
    expect(await other.platform.auth.refresh()).toBeNull()
    await expect.poll(() => other.events.some(([s, ended]) => s === null && ended === true)).toBe(true)
    expect(firebase(other.instance).auth.currentUser).toBeNull()
  })

  it('a disabled account: Firebase’s own token refresh fails and signs out, and the port reports it ended', async () => {
    const user = await member('disabled')
    const other = await signedIn(user, 'disabled')
    await admin.auth.updateUser(user.uid, { disabled: true })
    // What the proactive refresh (or Firestore asking for a token) does once the ID token expires.
    await expect(firebase(other.instance).auth.currentUser!.getIdToken(true)).rejects.toMatchObject({ code: 'auth/user-disabled' })
    await expect.poll(() => other.events.some(([s, ended]) => s === null && ended === true)).toBe(true)
    expect(firebase(other.instance).auth.currentUser).toBeNull()
  })

  it('a plain sign-out of a live account is not reported as ended', async () => {
    const user = await member('plain')
    const device = await signedIn(user, 'plain')
    await device.platform.auth.signOut()
    // The port tells its listeners last, after deciding whether the server ended the session:
    // once the sign-out is reported, that decision is made.
    await expect.poll(() => device.events.some(([s]) => s === null)).toBe(true)
    expect(device.events.some(([, ended]) => ended)).toBe(false)
  })
})

/** `joinInstitution` on the Functions emulator: by domain, by code, and each typed refusal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { migrateCore } from '../../functions/src/migrate'
import { codeHash, seedInstitution } from './helpers/seed'
import { createUser, emailAt, refreshToken, signUp, type TestUser } from './helpers/users'

const DOMAIN_INST = `joinDom-${RUN}`
const CODE_INST = `joinCode-${RUN}`
const DEMO_INST = `joinDemo-${RUN}`
const DOMAIN = `join${RUN}.example.ac.uk`
const DEMO_DOMAIN = `demo${RUN}.example.ac.uk`
const CODE = `TC-${RUN.toUpperCase()}` // unique per run: institutions sharing a code would be ambiguous
const ELSEWHERE = `elsewhere${RUN}.example.org`
let admin: Admin

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: DOMAIN_INST, emailDomains: [DOMAIN] })
  await seedInstitution(admin.db, { id: CODE_INST, emailDomains: [], joinCodes: [CODE] })
  await seedInstitution(admin.db, { id: DEMO_INST, emailDomains: [DEMO_DOMAIN], allowUnverified: true })
})

afterAll(async () => {
  await admin?.close()
})

const join = (user: TestUser | null, data: unknown) =>
  call<{ institutionId: string; role: string }>('joinInstitution', data, user?.idToken ?? null)
const expectError = async (p: ReturnType<typeof join>, code: string, status?: string) => {
  const out = await p
  expect(out.ok, JSON.stringify(out)).toBe(false)
  if (!out.ok) {
    expect(out.error.details?.code).toBe(code)
    if (status) expect(out.error.status).toBe(status)
  }
  return out
}

describe('joinInstitution', () => {
  it('joins by email domain (a subdomain matches too): profile, directory entry and claims', async () => {
    const user = await createUser(admin.auth, { email: emailAt(`chem.${DOMAIN}`, 'ada') })
    const out = await callOk<{ institutionId: string; role: string }>('joinInstitution', { displayName: '  Ada Lovelace ' }, user.idToken)
    expect(out).toEqual({ institutionId: DOMAIN_INST, role: 'technician' })
    const profile = (await admin.db.doc(`users/${user.uid}/profiles/${user.uid}`).get()).data()
    expect(profile).toMatchObject({
      id: user.uid,
      institutionId: DOMAIN_INST,
      displayName: 'Ada Lovelace',
      role: 'technician',
      visibility: 'institution',
      skills: [],
      version: 1,
      deleted: false,
      lastMutationId: null,
    })
    expect((await admin.db.doc(`institutions/${DOMAIN_INST}/members/${user.uid}`).get()).data()).toMatchObject({
      displayName: 'Ada Lovelace',
      version: 1,
    })
    expect((await admin.auth.getUser(user.uid)).customClaims).toEqual({ institutionId: DOMAIN_INST, role: 'technician' })
    // The refreshed token carries the membership: syncPush now accepts shared writes.
    const fresh = await refreshToken(user)
    const payload = JSON.parse(Buffer.from(fresh.idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
    expect(payload).toMatchObject({ institutionId: DOMAIN_INST, role: 'technician' })
  })

  it('joins by join code, ignoring case, spaces and dashes, when the domain is unknown', async () => {
    const user = await createUser(admin.auth, { email: emailAt(ELSEWHERE, 'grace') })
    const out = await callOk('joinInstitution', { displayName: 'Grace Hopper', joinCode: ` tc ${RUN} ` }, user.idToken)
    expect(out).toEqual({ institutionId: CODE_INST, role: 'technician' })
    expect((await admin.db.doc(`rateLimits/${user.uid}`).get()).exists).toBe(false)
  })

  it('finds the code in the server-only secrets, and the institution document members read holds no hash', async () => {
    const inst = (await admin.db.doc(`institutions/${CODE_INST}`).get()).data()
    expect(inst).not.toHaveProperty('joinCodeHashes')
    expect((await admin.db.doc(`institutionSecrets/${CODE_INST}`).get()).get('joinCodeHashes')).toHaveLength(1)
    // A hash left on an institution document (as before) is not a join code any more.
    const legacy = `joinLegacy-${RUN}`
    const legacyCode = `OLD-${RUN.toUpperCase()}`
    await seedInstitution(admin.db, { id: legacy, emailDomains: [] })
    await admin.db.doc(`institutions/${legacy}`).update({ joinCodeHashes: [codeHash(legacyCode)] })
    const user = await createUser(admin.auth, { email: emailAt(ELSEWHERE, 'legacy') })
    await expectError(join(user, { displayName: 'Legacy', joinCode: legacyCode }), 'bad-code')
    // The migration moves it off the institution document, and then it works.
    await migrateCore(admin.db, { force: true })
    expect((await admin.db.doc(`institutions/${legacy}`).get()).data()).not.toHaveProperty('joinCodeHashes')
    expect(await callOk('joinInstitution', { displayName: 'Legacy', joinCode: legacyCode }, user.idToken)).toEqual({
      institutionId: legacy,
      role: 'technician',
    })
  })

  it('refuses an unknown domain without a code', async () => {
    const user = await createUser(admin.auth, { email: emailAt(ELSEWHERE, 'nocode') })
    await expectError(join(user, { displayName: 'No Code' }), 'unknown-domain', 'NOT_FOUND')
    expect((await admin.db.doc(`users/${user.uid}/profiles/${user.uid}`).get()).exists).toBe(false)
  })

  it('refuses a bad code, then rate-limits after five, even for the right code', async () => {
    const user = await createUser(admin.auth, { email: emailAt(ELSEWHERE, 'guesser') })
    for (let i = 0; i < 5; i++) {
      const out = await expectError(join(user, { displayName: 'Guesser', joinCode: `WRONG-${i}` }), 'bad-code', 'PERMISSION_DENIED')
      if (!out.ok) expect(out.error.details?.remaining).toBe(4 - i)
    }
    await expectError(join(user, { displayName: 'Guesser', joinCode: CODE }), 'rate-limited', 'RESOURCE_EXHAUSTED')
    expect((await admin.auth.getUser(user.uid)).customClaims ?? {}).toEqual({})
  })

  it('refuses a second join: already-member', async () => {
    const user = await createUser(admin.auth, { email: emailAt(DOMAIN, 'twice') })
    await callOk('joinInstitution', { displayName: 'Twice' }, user.idToken)
    const fresh = await refreshToken(user)
    await expectError(join(fresh, { displayName: 'Twice' }), 'already-member', 'ALREADY_EXISTS')
    // Even with the old token (claims not yet refreshed), the server checks the account itself.
    await expectError(join(user, { displayName: 'Twice', joinCode: CODE }), 'already-member')
  })

  it('requires a verified email, except where the institution allows it (the demo)', async () => {
    const unverified = await signUp(emailAt(DOMAIN, 'unverified'))
    const out = await expectError(join(unverified, { displayName: 'Unverified' }), 'invalid', 'INVALID_ARGUMENT')
    if (!out.ok) expect(out.error.details?.reason).toBe('email-unverified')
    expect((await admin.db.doc(`users/${unverified.uid}/profiles/${unverified.uid}`).get()).exists).toBe(false)

    const demoUser = await signUp(emailAt(DEMO_DOMAIN, 'demo'))
    expect(await callOk('joinInstitution', { displayName: 'Demo User' }, demoUser.idToken)).toEqual({
      institutionId: DEMO_INST,
      role: 'technician',
    })
  })

  it.each([
    ['no name', {}, 'displayName'],
    ['a blank name', { displayName: '   ' }, 'displayName'],
    ['a name too long', { displayName: 'x'.repeat(101) }, 'displayName'],
    ['a code too short', { displayName: 'A', joinCode: 'ab' }, 'joinCode'],
    ['a code that is not text', { displayName: 'A', joinCode: 1234 }, 'joinCode'],
    ['unknown fields', { displayName: 'A', role: 'admin' }, 'role'],
  ])('refuses %s as invalid', async (_name, data, field) => {
    const user = await createUser(admin.auth, { email: emailAt(DOMAIN, 'bad') })
    const out = await expectError(join(user, data), 'invalid', 'INVALID_ARGUMENT')
    if (!out.ok) expect(out.error.details?.field).toBe(field)
  })

  it('refuses a caller who is not signed in', async () => {
    await expectError(join(null, { displayName: 'Anon' }), 'unauthenticated', 'UNAUTHENTICATED')
  })
})

/**
 * Joining is one transaction, and join-code guesses are limited across accounts (on the
 * emulators): two parallel `joinInstitution` calls with two valid codes leave the person in
 * exactly one institution; a burst of fresh accounts from one address shares that address's
 * guesses; and all bad codes together are capped (each is a guess at every institution's code).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_CODES_KEY, joinInstitutionCore } from '../../functions/src/join/join'
import { JOIN_CODE_LIMITS } from '../../functions/src/join/codes'
import { adminApp, type Admin } from './helpers/admin'
import { call } from './helpers/callable'
import { RUN } from './helpers/env'
import { seedInstitution } from './helpers/seed'
import { createUser, emailAt, type TestUser } from './helpers/users'

const A = `joinRaceA-${RUN}`
const B = `joinRaceB-${RUN}`
const CODE_A = `RACEA-${RUN.toUpperCase()}`
const CODE_B = `RACEB-${RUN.toUpperCase()}`
const NOWHERE = `nowhere${RUN}.example.org`
let admin: Admin
let addresses = 0

/** A documentation address (RFC 5737) unique to this run, as the caller's network address. */
const address = () => `198.51.100.${(Number.parseInt(RUN.slice(-4), 36) + addresses++) % 250}, 10.0.${addresses}.${addresses % 250}`
const join = (user: TestUser, joinCode: string, from: string) =>
  call<{ institutionId: string }>('joinInstitution', { displayName: 'Racer', joinCode }, user.idToken, undefined, {
    'X-Forwarded-For': from,
  })
const fresh = (name: string) => createUser(admin.auth, { email: emailAt(NOWHERE, name) })

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: A, joinCodes: [CODE_A] })
  await seedInstitution(admin.db, { id: B, joinCodes: [CODE_B] })
})

afterAll(async () => {
  await admin?.close()
})

describe('joining is one transaction', () => {
  it('two parallel joins with two valid codes leave the person in exactly one institution', async () => {
    for (let round = 0; round < 3; round++) {
      const user = await fresh(`racer${round}`)
      const outs = await Promise.all([join(user, CODE_A, address()), join(user, CODE_B, address())])
      const ok = outs.filter((o) => o.ok)
      expect(ok, JSON.stringify(outs)).toHaveLength(1)
      const failed = outs.find((o) => !o.ok)
      if (failed && !failed.ok) expect(failed.error.details?.code).toBe('already-member')
      const winner = ok[0]!.ok ? ok[0]!.data.institutionId : ''
      const loser = winner === A ? B : A
      expect((await admin.db.doc(`users/${user.uid}/profiles/${user.uid}`).get()).get('institutionId')).toBe(winner)
      expect((await admin.auth.getUser(user.uid)).customClaims).toMatchObject({ institutionId: winner })
      expect((await admin.db.doc(`institutions/${winner}/members/${user.uid}`).get()).exists).toBe(true)
      expect((await admin.db.doc(`institutions/${loser}/members/${user.uid}`).get()).exists).toBe(false)
    }
  })
})

describe('join-code guesses are limited across accounts', () => {
  it('a burst of fresh accounts from one address shares its guesses; another address still joins', async () => {
    const from = address()
    for (let i = 0; i < JOIN_CODE_LIMITS.perAddress; i++) {
      const out = await join(await fresh(`burst${i}`), `WRONG-${RUN}-${i}`, from)
      expect(out.ok).toBe(false)
      if (!out.ok) expect(out.error.details?.code).toBe('bad-code')
    }
    // A new account, the right code, the same address: still refused until the window passes.
    const late = await join(await fresh('burst-late'), CODE_A, from)
    expect(late.ok).toBe(false)
    if (!late.ok) expect(late.error.details?.code).toBe('rate-limited')
    expect(await join(await fresh('elsewhere'), CODE_A, address())).toMatchObject({ ok: true, data: { institutionId: A } })
  }, 120_000)

  it('all bad codes together are capped: fresh accounts on fresh addresses cannot multiply the guesses', async () => {
    const saved = JOIN_CODE_LIMITS.allInstitutions
    const window = (await admin.db.doc(ALL_CODES_KEY).get()).data() as { windowStart: number; count: number } | undefined
    const used = window && Date.now() - window.windowStart < 60 * 60 * 1000 ? window.count : 0
    JOIN_CODE_LIMITS.allInstitutions = used + 3
    try {
      const attempt = async (name: string, code: string) => {
        const user = await fresh(name)
        return joinInstitutionCore(admin.db, admin.auth, user.uid, { displayName: name, joinCode: code }, Date.now, { ip: address() }).then(
          (o) => o.institutionId,
          (e: { details?: { code?: string } }) => e.details?.code,
        )
      }
      for (let i = 0; i < 3; i++) expect(await attempt(`spread${i}`, `WRONG-${RUN}-s${i}`)).toBe('bad-code')
      expect(await attempt('spread-late', CODE_B)).toBe('rate-limited')
    } finally {
      JOIN_CODE_LIMITS.allInstitutions = saved
    }
  }, 120_000)
})

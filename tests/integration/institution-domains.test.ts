/**
 * Email domains are owned, not claimed (on the emulators): a lead cannot put a domain on their
 * institution through syncPush (another institution's, a public suffix, free mail); a platform
 * admin sets domains through `setInstitutionDomains` (or the admin script), one institution per
 * domain, recorded with who and when; sign-up resolves a domain through the server-held registry
 * only; the migration fills the registry from existing institutions, first come wins.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateCore } from '../../functions/src/migrate'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { PROJECT_ID, RUN } from './helpers/env'
import { mutation, pushOne, rejected } from './helpers/push'
import { rulesEnv } from './helpers/rules'
import { createMember, seedInstitution } from './helpers/seed'
import { createUser, emailAt, refreshToken, type TestUser } from './helpers/users'
import { assertFails } from '@firebase/rules-unit-testing'
import { wordsIn } from '../support/errors'

// Refusals are problems (codes); assertions read them in the English a person sees.
const en = await wordsIn('en')

const VICTIM = `domVictim-${RUN}`
const ATTACKER = `domAttacker-${RUN}`
const VICTIM_DOMAIN = `victim${RUN}.example.ac.uk`
let admin: Admin
let attackerLead: TestUser
let platformAdmin: TestUser

const setDomains = (user: TestUser, data: unknown) =>
  call<{ domains: string[]; added: string[]; removed: string[] }>('setInstitutionDomains', data, user.idToken)
const joinAs = async (domain: string, name: string) => {
  const user = await createUser(admin.auth, { email: emailAt(domain, name) })
  return call<{ institutionId: string }>('joinInstitution', { displayName: name }, user.idToken)
}

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: VICTIM, emailDomains: [VICTIM_DOMAIN] })
  await seedInstitution(admin.db, { id: ATTACKER })
  attackerLead = await createMember(admin, ATTACKER, emailAt(`attacker${RUN}.example.ac.uk`, 'lead'), 'lead')
  const person = await createUser(admin.auth, { email: emailAt('platform.example.ac.uk', 'operator') })
  await admin.auth.setCustomUserClaims(person.uid, { platformAdmin: true })
  platformAdmin = await refreshToken(person)
})

afterAll(async () => {
  await admin?.close()
})

describe('a lead cannot claim a domain', () => {
  it.each([
    ['another institution’s domain', () => VICTIM_DOMAIN],
    ['a public suffix', () => 'ac.uk'],
    ['a free-mail domain', () => 'gmail.com'],
  ])('refuses %s through syncPush, and sign-ups still go where they belong', async (_name, domain) => {
    const r = rejected(
      await pushOne(attackerLead, mutation('institutions', ATTACKER, 'patch', { emailDomains: [domain()] })),
      'forbidden',
      'emailDomains',
    )
    expect(en(r.message)).toBe('Email domains are set by a platform administrator')
    expect((await admin.db.doc(`institutions/${ATTACKER}`).get()).get('emailDomains')).toEqual([])
    const joined = await joinAs(VICTIM_DOMAIN, 'newcomer')
    expect(joined).toMatchObject({ ok: true, data: { institutionId: VICTIM } })
  })

  it('a domain written straight onto an institution document is no claim: sign-up asks the registry', async () => {
    const stray = `stray${RUN}.example.ac.uk`
    await admin.db.doc(`institutions/${ATTACKER}`).update({ emailDomains: [stray] })
    const out = await joinAs(stray, 'stray')
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.error.details?.code).toBe('unknown-domain')
    await admin.db.doc(`institutions/${ATTACKER}`).update({ emailDomains: [] })
  })
})

describe('setInstitutionDomains', () => {
  it('is for platform admins only', async () => {
    const out = await setDomains(attackerLead, { institutionId: ATTACKER, domains: [`attacker${RUN}.example.ac.uk`] })
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.error.details?.code).toBe('forbidden')
  })

  it('sets an institution’s domains with who and when; a domain belongs to one institution; public suffixes and free mail are refused', async () => {
    const own = `attacker${RUN}.example.ac.uk`
    const before = Date.now()
    expect(
      await callOk('setInstitutionDomains', { institutionId: ATTACKER, domains: [own.toUpperCase()] }, platformAdmin.idToken),
    ).toMatchObject({ domains: [own], added: [own] })
    expect((await admin.db.doc(`emailDomains/${own}`).get()).get('institutionId')).toBe(ATTACKER)
    const inst = (await admin.db.doc(`institutions/${ATTACKER}`).get()).data()!
    expect(inst).toMatchObject({ emailDomains: [own], domainsChangedBy: platformAdmin.uid })
    expect(inst.domainsChangedAt.toMillis()).toBeGreaterThanOrEqual(before - 5_000)
    const audit = await admin.db.collection('domainChanges').where('institutionId', '==', ATTACKER).get()
    expect(audit.docs.map((d) => d.data())).toEqual([expect.objectContaining({ by: platformAdmin.uid, from: [], to: [own] })])
    expect((await joinAs(own, 'member')).ok).toBe(true)

    for (const [domains, code] of [
      [[VICTIM_DOMAIN], 'domain-taken'],
      [['ac.uk'], 'invalid'],
      [['gmail.com'], 'invalid'],
      [['hotmail.co.uk'], 'invalid'],
    ] as const) {
      const out = await setDomains(platformAdmin, { institutionId: ATTACKER, domains })
      expect(out.ok, JSON.stringify(domains)).toBe(false)
      if (!out.ok) expect(out.error.details?.code).toBe(code)
    }
    expect((await admin.db.doc(`emailDomains/${VICTIM_DOMAIN}`).get()).get('institutionId')).toBe(VICTIM)
  })

  it('removing a domain frees it for another institution', async () => {
    const moving = `moving${RUN}.example.ac.uk`
    await callOk('setInstitutionDomains', { institutionId: VICTIM, domains: [VICTIM_DOMAIN, moving] }, platformAdmin.idToken)
    expect((await setDomains(platformAdmin, { institutionId: ATTACKER, domains: [moving] })).ok).toBe(false)
    expect(await callOk('setInstitutionDomains', { institutionId: VICTIM, domains: [VICTIM_DOMAIN] }, platformAdmin.idToken)).toMatchObject(
      { removed: [moving] },
    )
    expect((await admin.db.doc(`emailDomains/${moving}`).get()).exists).toBe(false)
    expect(await callOk('setInstitutionDomains', { institutionId: ATTACKER, domains: [moving] }, platformAdmin.idToken)).toMatchObject({
      added: [moving],
    })
  })

  it('the admin script grants the platform-admin claim and sets domains the same way', async () => {
    const scriptInst = `domScript-${RUN}`
    const scriptDomain = `script${RUN}.example.ac.uk`
    await seedInstitution(admin.db, { id: scriptInst })
    const operator = await createUser(admin.auth, { email: emailAt('platform.example.ac.uk', 'second') })
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['scripts/run-ts.mjs', 'scripts/set-domains.ts', ...args], {
        env: { ...process.env, GOOGLE_CLOUD_PROJECT: PROJECT_ID },
      })
    await run('grant-admin', operator.email)
    expect((await admin.auth.getUser(operator.uid)).customClaims).toMatchObject({ platformAdmin: true })
    await run('set', scriptInst, scriptDomain)
    expect((await admin.db.doc(`emailDomains/${scriptDomain}`).get()).get('institutionId')).toBe(scriptInst)
    await expect(run('set', scriptInst, 'co.uk')).rejects.toThrow(/shared by many organisations/)
  }, 120_000)
})

describe('the registry', () => {
  it('no client reads it or the audit trail, not even a member of the owning institution', async () => {
    const env = await rulesEnv()
    try {
      const db = env.authenticatedContext(attackerLead.uid, { institutionId: ATTACKER, role: 'lead', platformAdmin: true }).firestore()
      await assertFails(db.doc(`emailDomains/${VICTIM_DOMAIN}`).get())
      await assertFails(db.collection('domainChanges').get())
      await assertFails(db.doc(`emailDomains/${VICTIM_DOMAIN}`).set({ institutionId: ATTACKER }))
    } finally {
      await env.cleanup()
    }
  })

  it('the migration registers existing institutions’ domains, first by id wins, and reports conflicts and refused domains', async () => {
    const shared = `shared${RUN}.example.ac.uk`
    const [first, second] = [`domMigA-${RUN}`, `domMigB-${RUN}`]
    for (const id of [second, first]) {
      await seedInstitution(admin.db, { id })
      await admin.db.doc(`institutions/${id}`).update({ emailDomains: id === first ? [shared, 'gmail.com'] : [shared] })
    }
    const report = await migrateCore(admin.db, { force: true })
    expect(report.domains?.conflicts).toContainEqual({ domain: shared, kept: first, refused: second })
    expect(report.domains?.refused).toContainEqual({ domain: 'gmail.com', institutionId: first })
    expect((await admin.db.doc(`emailDomains/${shared}`).get()).get('institutionId')).toBe(first)
    expect((await admin.db.doc(`institutions/${second}`).get()).get('emailDomains')).toEqual([])
    expect((await admin.db.doc(`institutions/${first}`).get()).get('emailDomains')).toEqual([shared])
    expect(await joinAs(shared, 'migrated')).toMatchObject({ ok: true, data: { institutionId: first } })
  })
})

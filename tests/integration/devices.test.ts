/**
 * Issue 12 on the emulators (the real `syncPush` and `joinInstitution`, the real Firestore): one
 * person with a phone and a laptop, clocks that lie, lists edited on both, replayed mutation ids,
 * and the name typed at sign-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mutation, MutationResult } from '@/domain/sync'
import { adminApp, type Admin } from './helpers/admin'
import { callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { applied, docId, mutation, pushOne, rejected } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { createUser, emailAt, type TestUser } from './helpers/users'

const INST = `devices-${RUN}`
const DOMAIN = `devices${RUN}.example.ac.uk`
const YEAR = 365 * 24 * 3600 * 1000
const phone = { id: 'dev-phone', name: 'Android phone' }
const laptop = { id: 'dev-laptop', name: 'Windows computer' }
let admin: Admin
let tech: TestUser

const get = async (path: string) => (await admin.db.doc(path).get()).data()
const cpd = () => ({ title: 'Cryo-EM course', startDate: '2026-03-01', hours: 6, type: 'formal', skillIds: ['cryo'], evidenceIds: [] })
const idea = () => ({ authorUid: tech.uid, title: 'Lab open day', body: '', status: 'open', createdAt: 1 })
const edit = (collection: Mutation['collection'], id: string, extra: Partial<Mutation>): Mutation => ({
  ...mutation(collection, id, 'patch', {}),
  ...extra,
})

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN], allowUnverified: true })
  tech = await createMember(admin, INST, emailAt(DOMAIN, 'tech'), 'technician')
})

afterAll(async () => {
  await admin?.close()
})

describe('lists merge by element', () => {
  it('keeps both skills a phone and a laptop each link offline to the same CPD entry', async () => {
    const id = docId('cpd')
    const v1 = applied(await pushOne(tech, mutation('cpd', id, 'put', cpd()))).version
    applied(await pushOne(tech, edit('cpd', id, { sets: [{ path: ['skillIds'], add: ['pcr'] }], baseVersion: v1, device: phone })))
    applied(await pushOne(tech, edit('cpd', id, { sets: [{ path: ['skillIds'], add: ['confocal'] }], baseVersion: v1, device: laptop })))
    expect((await get(`users/${tech.uid}/cpd/${id}`))?.skillIds).toEqual(['cryo', 'pcr', 'confocal'])
  })

  it('a remove beats only the add it saw: a re-add on the laptop survives the phone’s older remove, which comes back overridden', async () => {
    const id = docId('cpd')
    const v1 = applied(await pushOne(tech, mutation('cpd', id, 'put', cpd()))).version
    const v2 = applied(
      await pushOne(tech, edit('cpd', id, { sets: [{ path: ['skillIds'], remove: ['cryo'] }], baseVersion: v1, device: laptop })),
    ).version
    applied(await pushOne(tech, edit('cpd', id, { sets: [{ path: ['skillIds'], add: ['cryo'] }], baseVersion: v2, device: laptop })))
    const late = await pushOne(tech, edit('cpd', id, { sets: [{ path: ['skillIds'], remove: ['cryo'] }], baseVersion: v1, device: phone }))
    expect(late).toMatchObject({
      status: 'overridden',
      code: 'overridden',
      fields: ['skillIds'],
      by: { uid: tech.uid, samePerson: true, deviceName: 'Windows computer' },
    })
    expect((await get(`users/${tech.uid}/cpd/${id}`))?.skillIds).toEqual(['cryo'])
  })

  it('merges survey options and registration evidence links by element', async () => {
    const reg = docId('reg')
    const v1 = applied(
      await pushOne(
        tech,
        mutation('registrations', reg, 'put', {
          target: 'RSciTech',
          steps: {},
          competences: { A1: { statement: 'x', cpdIds: ['c1'] } },
          feeSupportRequested: false,
        }),
      ),
    ).version
    applied(
      await pushOne(
        tech,
        edit('registrations', reg, { sets: [{ path: ['competences', 'A1', 'cpdIds'], add: ['c2'] }], baseVersion: v1, device: phone }),
      ),
    )
    applied(
      await pushOne(
        tech,
        edit('registrations', reg, { sets: [{ path: ['competences', 'A1', 'cpdIds'], add: ['c3'] }], baseVersion: v1, device: laptop }),
      ),
    )
    expect((await get(`users/${tech.uid}/registrations/${reg}`))?.competences).toEqual({
      A1: { statement: 'x', cpdIds: ['c1', 'c2', 'c3'] },
    })
  })
})

describe('a lying clock cannot freeze a field', () => {
  it('an edit from a phone a year ahead does not beat a later real edit the laptop made without seeing it', async () => {
    const id = docId('idea')
    const v1 = applied(await pushOne(tech, mutation('ideas', id, 'put', idea()))).version
    applied(
      await pushOne(
        tech,
        edit('ideas', id, { payload: { title: 'Typo tile' }, clientTime: Date.now() + YEAR, baseVersion: v1, device: phone }),
      ),
    )
    const later = await pushOne(
      tech,
      edit('ideas', id, { payload: { title: 'Typo title' }, clientTime: Date.now() + 1_000, baseVersion: v1, device: laptop }),
    )
    expect(later.status).toBe('applied')
    expect((await get(`institutions/${INST}/ideas/${id}`))?.title).toBe('Typo title')
  })

  it('an older concurrent edit comes back overridden, naming the device that won, never applied', async () => {
    const id = docId('idea')
    const v1 = applied(await pushOne(tech, mutation('ideas', id, 'put', idea()))).version
    applied(
      await pushOne(
        tech,
        edit('ideas', id, { payload: { title: 'Laptop title' }, clientTime: Date.now(), baseVersion: v1, device: laptop }),
      ),
    )
    const old: MutationResult = await pushOne(
      tech,
      edit('ideas', id, {
        payload: { title: 'Phone title', body: 'Phone body' },
        clientTime: Date.now() - 60_000,
        baseVersion: v1,
        device: phone,
      }),
    )
    expect(old).toMatchObject({
      status: 'overridden',
      code: 'overridden',
      fields: ['title'],
      by: { deviceName: 'Windows computer', samePerson: true },
    })
    expect(await get(`institutions/${INST}/ideas/${id}`)).toMatchObject({ title: 'Laptop title', body: 'Phone body' })
  })
})

describe('the ledger tells the truth', () => {
  it('refuses a replayed mutation id that carries a different change', async () => {
    const id = docId('cpd')
    const first = mutation('cpd', id, 'put', cpd())
    applied(await pushOne(tech, first))
    const replay = await pushOne(tech, { ...first, payload: { ...cpd(), title: 'Something else' } })
    rejected(replay, 'mutation-id-reused')
    expect((await get(`users/${tech.uid}/cpd/${id}`))?.title).toBe('Cryo-EM course')
    // The same change replayed still gets its recorded answer.
    expect((await pushOne(tech, first)).status).toBe('applied')
  })

  it('records in _clock only the keys the schema keeps', async () => {
    const id = docId('cpd')
    applied(await pushOne(tech, mutation('cpd', id, 'put', { ...cpd(), dropped: 'x' })))
    applied(await pushOne(tech, mutation('cpd', id, 'patch', { hours: 7, alsoDropped: 1 })))
    const clock = (await get(`users/${tech.uid}/cpd/${id}`))?._clock as Record<string, number>
    expect(Object.keys(clock)).toContain('hours')
    expect(Object.keys(clock)).not.toContain('dropped')
    expect(Object.keys(clock)).not.toContain('alsoDropped')
  })
})

describe('sign-up keeps the name typed', () => {
  it('joins with the account’s name when a raced client sends the email’s first part', async () => {
    const user = await createUser(admin.auth, { email: emailAt(DOMAIN, 'samira') })
    await admin.auth.updateUser(user.uid, { displayName: 'Samira Okafor' })
    const prefix = user.email.split('@')[0]!
    await callOk('joinInstitution', { displayName: prefix }, user.idToken)
    expect((await get(`users/${user.uid}/profiles/${user.uid}`))?.displayName).toBe('Samira Okafor')
  })
})

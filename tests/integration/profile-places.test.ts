/**
 * A profile's faculty, department and site come from the institution's own lists at the push
 * callable too, not only in the form: a device that skips the form is refused at the field.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { RUN } from './helpers/env'
import { mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'
import { wordsIn } from '../support/errors'

const INST = `places-${RUN}`
let admin: Admin
let tech: TestUser

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, {
    id: INST,
    faculties: [{ id: 'sci', name: 'Faculty of Science', departments: ['Chemistry', 'Physics'] }],
  })
  await admin.db.doc(`institutions/${INST}`).update({ sites: ['Main Campus'] })
  tech = await createMember(admin, INST, emailAt(`places${RUN}.example.ac.uk`, 'tech'), 'technician', { facultyId: 'sci' })
})

const profile = async () => (await admin.db.doc(`users/${tech.uid}/profiles/${tech.uid}`).get()).data()!
const member = async () => (await admin.db.doc(`institutions/${INST}/members/${tech.uid}`).get()).data()!

describe('syncPush: places on a profile', () => {
  it('refuses a faculty, department or site that is not on the institution’s lists, at the field, and writes nothing', async () => {
    const cases = [
      [{ facultyId: 'made-up' }, 'facultyId', 'Choose a faculty from your institution’s list'],
      [{ department: 'Welding' }, 'department', 'Choose a department of Faculty of Science'],
      [{ site: 'Somewhere else' }, 'site', 'Choose a site from your institution’s list'],
    ] as const
    // The server sends a code; the author's phone words it (here in English).
    const en = await wordsIn('en')
    for (const [payload, field, message] of cases) {
      const result = await pushOne(tech, mutation('profiles', tech.uid, 'patch', payload))
      expect(result, JSON.stringify(result)).toMatchObject({ status: 'rejected', code: 'invalid', field })
      expect(en(result.status === 'rejected' ? result.message : '')).toBe(message)
    }
    expect(await profile()).toMatchObject({ facultyId: 'sci', version: 1 })
    expect(await profile()).not.toHaveProperty('department')
    expect(await member()).not.toHaveProperty('site')
  })

  it('accepts choices from the lists and carries them to the directory entry', async () => {
    const result = await pushOne(tech, mutation('profiles', tech.uid, 'patch', { department: 'Physics', site: 'Main Campus' }))
    expect(result, JSON.stringify(result)).toMatchObject({ status: 'applied' })
    expect(await profile()).toMatchObject({ facultyId: 'sci', department: 'Physics', site: 'Main Campus', version: 2 })
    expect(await member()).toMatchObject({ department: 'Physics', site: 'Main Campus' })
  })
})

/**
 * "Taught me this": on the real stack (the endorseSkill callable on the Functions emulator, the
 * Firestore emulator), only the learner of a completed skill-share session endorses its teacher's
 * skill, and only once; the count lands on the teacher's profile and directory entry, survives the
 * teacher's own later edits, and no client can write it through sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { call } from './helpers/callable'
import { RUN } from './helpers/env'
import { applied, docId, mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `endorse-${RUN}`
let admin: Admin
let learner: TestUser
let teacher: TestUser
let colleague: TestUser

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST })
  learner = await createMember(admin, INST, emailAt('example.ac.uk', 'end-learner'))
  teacher = await createMember(admin, INST, emailAt('example.ac.uk', 'end-teacher'))
  colleague = await createMember(admin, INST, emailAt('example.ac.uk', 'end-colleague'), 'lead')
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

async function session(state: 'pending' | 'accepted' | 'completed'): Promise<string> {
  const id = docId('req')
  const ask = {
    learnerUid: learner.uid,
    teacherUid: teacher.uid,
    skillId: 'hplc',
    skillName: 'HPLC',
    message: 'Could you show me the HPLC?',
    format: 'demo',
    state: 'pending',
    history: { pending: 1 },
  }
  applied(await pushOne(learner, mutation('requests', id, 'put', ask)))
  if (state === 'pending') return id
  applied(await pushOne(teacher, mutation('requests', id, 'patch', { state: 'accepted', history: { pending: 1, accepted: 2 } })))
  if (state === 'accepted') return id
  applied(
    await pushOne(learner, mutation('requests', id, 'patch', { state: 'completed', history: { pending: 1, accepted: 2, completed: 3 } })),
  )
  return id
}

const endorse = (user: TestUser, requestId: unknown) =>
  call<{ skillId: string; count: number }>('endorseSkill', { requestId }, user.idToken)
const counts = async (path: string) => (await admin.db.doc(path).get()).get('endorsements') as Record<string, number> | undefined
const refusal = (out: Awaited<ReturnType<typeof endorse>>) => (out.ok ? 'applied' : out.error.details?.code)

describe('endorseSkill', () => {
  it('lets only the learner of a completed session endorse, once', async () => {
    const pending = await session('pending')
    const accepted = await session('accepted')
    const done = await session('completed')
    expect(refusal(await endorse(learner, pending))).toBe('not-completed')
    expect(refusal(await endorse(learner, accepted))).toBe('not-completed')
    // The teacher cannot endorse themselves, nor can a colleague or a lead who was not there.
    expect(refusal(await endorse(teacher, done))).toBe('not-learner')
    expect(refusal(await endorse(colleague, done))).toBe('not-learner')
    expect(refusal(await endorse(learner, 'no-such-request'))).toBe('not-found')
    expect(refusal(await endorse(learner, '../bad/id'))).toBe('invalid')
    expect(await counts(`users/${teacher.uid}/profiles/${teacher.uid}`)).toBeUndefined()

    const first = await endorse(learner, done)
    expect(first).toMatchObject({ ok: true, data: { skillId: 'hplc', count: 1 } })
    expect(refusal(await endorse(learner, done))).toBe('already-endorsed')
    expect(await counts(`users/${teacher.uid}/profiles/${teacher.uid}`)).toEqual({ hplc: 1 })
    expect(await counts(`institutions/${INST}/members/${teacher.uid}`)).toEqual({ hplc: 1 })
    const request = (await admin.db.doc(`institutions/${INST}/requests/${done}`).get()).data()!
    expect(request).toMatchObject({ endorsedAt: expect.any(Number), parties: [learner.uid, teacher.uid], version: 4 })

    // A second completed session is a second endorsement.
    expect(await endorse(learner, await session('completed'))).toMatchObject({ ok: true, data: { count: 2 } })
    expect(await counts(`institutions/${INST}/members/${teacher.uid}`)).toEqual({ hplc: 2 })
  })

  it('keeps the count through the teacher’s own edits, and no client writes it through sync', async () => {
    // Refused or ignored, a forged count changes nothing.
    await pushOne(teacher, mutation('profiles', teacher.uid, 'patch', { endorsements: { hplc: 99 } }))
    applied(await pushOne(teacher, mutation('profiles', teacher.uid, 'patch', { bio: 'Runs the HPLC suite' })))
    expect(await counts(`users/${teacher.uid}/profiles/${teacher.uid}`)).toEqual({ hplc: 2 })
    expect(await counts(`institutions/${INST}/members/${teacher.uid}`)).toEqual({ hplc: 2 })
    expect((await admin.db.doc(`institutions/${INST}/members/${teacher.uid}`).get()).get('bio')).toBe('Runs the HPLC suite')
    // Nor can a learner mark a request endorsed (so skip the check) or un-endorse one.
    const done = await session('completed')
    await pushOne(learner, mutation('requests', done, 'patch', { message: 'Thanks!', endorsedAt: 5 }))
    expect((await admin.db.doc(`institutions/${INST}/requests/${done}`).get()).get('endorsedAt')).toBeUndefined()
    expect(await endorse(learner, done)).toMatchObject({ ok: true, data: { count: 3 } })
  })
})

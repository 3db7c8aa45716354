/**
 * A completed skill-share session verifies the other party's CPD: on the real syncPush and
 * Firestore emulator, the teacher can record that the session took place (teacherConfirmedAt),
 * the learner cannot forge or remove it, and neither can confirm before the session is completed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { RUN } from './helpers/env'
import { applied, docId, mutation, pushOne, rejected } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `reqC-${RUN}`
let admin: Admin
let learner: TestUser
let teacher: TestUser
let colleague: TestUser

const stored = async (id: string) => (await admin.db.doc(`institutions/${INST}/requests/${id}`).get()).data()!

async function completedRequest(): Promise<string> {
  const id = docId('req')
  applied(
    await pushOne(
      learner,
      mutation('requests', id, 'put', {
        learnerUid: learner.uid,
        teacherUid: teacher.uid,
        skillId: 'pcr',
        skillName: 'PCR',
        message: 'Could you show me PCR?',
        format: 'demo',
        state: 'pending',
        history: { pending: 1 },
      }),
    ),
  )
  applied(await pushOne(teacher, mutation('requests', id, 'patch', { state: 'accepted', history: { pending: 1, accepted: 2 } })))
  return id
}

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST })
  learner = await createMember(admin, INST, emailAt('example.ac.uk', 'conf-learner'))
  teacher = await createMember(admin, INST, emailAt('example.ac.uk', 'conf-teacher'))
  colleague = await createMember(admin, INST, emailAt('example.ac.uk', 'conf-colleague'))
})

afterAll(async () => {
  await admin?.close()
})

describe('confirming a skill-share session on the server', () => {
  it('refuses a confirmation before the session is completed', async () => {
    const id = await completedRequest()
    rejected(
      await pushOne(teacher, mutation('requests', id, 'patch', { teacherConfirmedAt: Date.now() })),
      'forbidden',
      'teacherConfirmedAt',
    )
    expect((await stored(id)).teacherConfirmedAt).toBeUndefined()
  })

  it('lets the teacher confirm a completed session, and the learner cannot forge, change or clear it', async () => {
    const id = await completedRequest()
    applied(
      await pushOne(learner, mutation('requests', id, 'patch', { state: 'completed', history: { pending: 1, accepted: 2, completed: 3 } })),
    )

    // The learner tries to confirm on the teacher's behalf: refused, nothing stored.
    rejected(await pushOne(learner, mutation('requests', id, 'patch', { teacherConfirmedAt: 123 })), 'forbidden', 'teacherConfirmedAt')
    // So does a colleague who is not a party.
    expect((await pushOne(colleague, mutation('requests', id, 'patch', { teacherConfirmedAt: 123 }))).status).toBe('rejected')
    expect((await stored(id)).teacherConfirmedAt).toBeUndefined()

    // The teacher confirms; the learner confirms their own side.
    const at = Date.now()
    applied(await pushOne(teacher, mutation('requests', id, 'patch', { teacherConfirmedAt: at })))
    applied(await pushOne(learner, mutation('requests', id, 'patch', { learnerConfirmedAt: at + 1 })))
    expect(await stored(id)).toMatchObject({ teacherConfirmedAt: at, learnerConfirmedAt: at + 1 })

    // The learner can neither move the teacher's confirmation nor clear it with a whole-document write.
    rejected(await pushOne(learner, mutation('requests', id, 'patch', { teacherConfirmedAt: at + 99 })), 'forbidden', 'teacherConfirmedAt')
    const { teacherConfirmedAt: _drop, ...withoutIt } = await stored(id)
    const put = Object.fromEntries(
      Object.entries(withoutIt).filter(([k]) =>
        ['learnerUid', 'teacherUid', 'skillId', 'skillName', 'message', 'format', 'state', 'history', 'learnerConfirmedAt'].includes(k),
      ),
    )
    rejected(await pushOne(learner, mutation('requests', id, 'put', put)), 'forbidden', 'teacherConfirmedAt')
    // Nor can the teacher forge the learner's.
    rejected(await pushOne(teacher, mutation('requests', id, 'patch', { learnerConfirmedAt: 5 })), 'forbidden', 'learnerConfirmedAt')
    expect(await stored(id)).toMatchObject({ teacherConfirmedAt: at, learnerConfirmedAt: at + 1 })
  })
})

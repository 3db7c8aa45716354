/**
 * Fields that are not the writer's to set, through the real `syncPush` on the emulators: names
 * and creation times are stamped by the server (a comment's author name comes from the author's
 * profile; createdAt of comments, ideas and votes is server time), and fields that belong to the
 * other party or to the server are locked (a teacher cannot rewrite the learner's message, a
 * lead cannot rewrite a technician's idea or their own role, nobody re-signs a survey).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminApp, type Admin } from './helpers/admin'
import { RUN } from './helpers/env'
import { applied, docId, mutation, pushOne, rejected } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `owned-${RUN}`
const DOMAIN = `owned${RUN}.example.ac.uk`
let admin: Admin
let tech: TestUser
let teacher: TestUser
let lead: TestUser
let champion: TestUser

const get = async (path: string) => (await admin.db.doc(path).get()).data()
const inst = (col: string, id: string) => `institutions/${INST}/${col}/${id}`
const FORGED_TIME = 946_684_800_000 // 1 January 2000

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST })
  ;[tech, teacher, lead, champion] = await Promise.all([
    createMember(admin, INST, emailAt(DOMAIN, 'tech'), 'technician', { displayName: 'Ada Tech' }),
    createMember(admin, INST, emailAt(DOMAIN, 'teacher'), 'technician', { displayName: 'Tess Teacher' }),
    createMember(admin, INST, emailAt(DOMAIN, 'lead'), 'lead', { displayName: 'Lee Lead' }),
    createMember(admin, INST, emailAt(DOMAIN, 'champ'), 'champion', { displayName: 'Cham Pion' }),
  ])
})

afterAll(async () => {
  await admin?.close()
})

describe('names and creation times are the server’s', () => {
  it('a comment carries the author’s profile name and server time, whatever the payload says', async () => {
    const ideaId = docId('idea')
    const id = docId('comment')
    const before = Date.now()
    applied(
      await pushOne(
        tech,
        mutation('comments', id, 'put', {
          authorUid: tech.uid,
          authorName: 'The Vice-Chancellor',
          targetType: 'idea',
          targetId: ideaId,
          body: 'Approved!',
          createdAt: FORGED_TIME,
        }),
      ),
    )
    const stored = await get(inst('comments', id))
    expect(stored).toMatchObject({ authorName: 'Ada Tech', body: 'Approved!' })
    expect(stored?.createdAt).toBeGreaterThanOrEqual(before - 5_000)
    expect(stored?.createdAt).toBeLessThanOrEqual(Date.now() + 5_000)
  })

  it('an idea and a vote get server time; an edit cannot move an idea’s createdAt', async () => {
    const ideaId = docId('idea')
    const before = Date.now()
    applied(
      await pushOne(
        tech,
        mutation('ideas', ideaId, 'put', { authorUid: tech.uid, title: 'Open lab day', body: '', status: 'open', createdAt: FORGED_TIME }),
      ),
    )
    applied(
      await pushOne(
        teacher,
        mutation('votes', `${ideaId}__${teacher.uid}`, 'put', { ideaId, voterUid: teacher.uid, createdAt: FORGED_TIME }),
      ),
    )
    const idea = await get(inst('ideas', ideaId))
    const vote = await get(inst('votes', `${ideaId}__${teacher.uid}`))
    for (const doc of [idea, vote]) {
      expect(doc?.createdAt).toBeGreaterThanOrEqual(before - 5_000)
      expect(doc?.createdAt).toBeLessThanOrEqual(Date.now() + 5_000)
    }
    applied(await pushOne(tech, mutation('ideas', ideaId, 'patch', { body: 'Twice a year', createdAt: FORGED_TIME })))
    expect(await get(inst('ideas', ideaId))).toMatchObject({ body: 'Twice a year', createdAt: idea?.createdAt })
  })
})

describe('fields of the other party or the server are locked', () => {
  const request = () => ({
    learnerUid: tech.uid,
    teacherUid: teacher.uid,
    skillId: 'pcr',
    skillName: 'PCR',
    message: 'Could you show me PCR?',
    format: 'demo',
    state: 'pending',
    history: { pending: 1 },
  })

  it('the teacher cannot rewrite the learner’s message, skill or format; the learner can', async () => {
    const id = docId('req')
    applied(await pushOne(tech, mutation('requests', id, 'put', request())))
    rejected(await pushOne(teacher, mutation('requests', id, 'patch', { message: 'I never asked for anything' })), 'forbidden', 'message')
    rejected(
      await pushOne(
        teacher,
        mutation('requests', id, 'patch', { state: 'accepted', history: { pending: 1, accepted: 2 }, format: 'call' }),
      ),
      'forbidden',
      'format',
    )
    rejected(await pushOne(teacher, mutation('requests', id, 'patch', { skillName: 'Something else' })), 'forbidden', 'skillName')
    applied(await pushOne(teacher, mutation('requests', id, 'patch', { state: 'accepted', history: { pending: 1, accepted: 2 } })))
    applied(await pushOne(tech, mutation('requests', id, 'patch', { message: 'Could you show me PCR? Tuesdays suit me.' })))
    expect(await get(inst('requests', id))).toMatchObject({
      message: 'Could you show me PCR? Tuesdays suit me.',
      format: 'demo',
      skillName: 'PCR',
      state: 'accepted',
    })
  })

  it('a lead responds to an idea but cannot rewrite the technician’s words', async () => {
    const ideaId = docId('idea')
    applied(
      await pushOne(
        tech,
        mutation('ideas', ideaId, 'put', { authorUid: tech.uid, title: 'Open lab day', body: 'Once a year', status: 'open', createdAt: 1 }),
      ),
    )
    rejected(await pushOne(lead, mutation('ideas', ideaId, 'patch', { title: 'Technicians love the new rota' })), 'forbidden', 'title')
    rejected(await pushOne(lead, mutation('ideas', ideaId, 'patch', { body: 'Withdrawn' })), 'forbidden', 'body')
    applied(await pushOne(lead, mutation('ideas', ideaId, 'patch', { status: 'adopted', response: 'Yes' })))
    expect(await get(inst('ideas', ideaId))).toMatchObject({
      title: 'Open lab day',
      body: 'Once a year',
      status: 'adopted',
      response: 'Yes',
    })
  })

  it('a lead cannot change the role, email or institution on their own profile', async () => {
    rejected(await pushOne(lead, mutation('profiles', lead.uid, 'patch', { role: 'admin' })), 'forbidden', 'role')
    rejected(await pushOne(lead, mutation('profiles', lead.uid, 'patch', { email: 'someone@else.example.ac.uk' })), 'forbidden', 'email')
    rejected(await pushOne(lead, mutation('profiles', lead.uid, 'patch', { institutionId: 'another' })), 'forbidden', 'institutionId')
    expect(await get(`users/${lead.uid}/profiles/${lead.uid}`)).toMatchObject({ role: 'lead', institutionId: INST })
  })

  it('a survey stays signed by its creator; an assessment section names whoever wrote it last', async () => {
    const surveyId = docId('survey')
    const survey = {
      title: 'Voice',
      description: '',
      sections: [],
      questions: [{ id: 'q1', type: 'short', prompt: 'Anything?', required: false }],
      audience: { facultyIds: [], roleFamilies: [] },
      anonymous: true,
      allowEdit: false,
      opensAt: '2026-01-01',
      closesAt: '2026-12-31',
      status: 'draft',
      createdByUid: lead.uid,
    }
    applied(await pushOne(champion, mutation('surveys', surveyId, 'put', survey)))
    expect(await get(inst('surveys', surveyId))).toMatchObject({ createdByUid: champion.uid })
    applied(await pushOne(lead, mutation('surveys', surveyId, 'patch', { title: 'Voice 2026', createdByUid: lead.uid })))
    expect(await get(inst('surveys', surveyId))).toMatchObject({ title: 'Voice 2026', createdByUid: champion.uid })

    const planId = docId('plan')
    const sectionId = `${planId}__two__impact`
    applied(
      await pushOne(
        lead,
        mutation('assessments', sectionId, 'put', { planId, stage: 'two', section: 'impact', body: 'Draft', updatedByUid: tech.uid }),
      ),
    )
    expect(await get(inst('assessments', sectionId))).toMatchObject({ updatedByUid: lead.uid })
  })
})

/**
 * Notifications on the real stack (issue 15): each kind is written by the change that causes it,
 * through the real syncPush callable (and the survey jobs' cores), only for the right people; the
 * documents pass the client's schema; the owner may only mark one read; nobody else reads them
 * (rules); reminders skip members who answered; notifications older than 90 days become tombstones.
 */
import * as v from 'valibot'
import { Timestamp } from 'firebase-admin/firestore'
import { doc, getDoc, getDocs, collection, setDoc } from 'firebase/firestore'
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotificationSchema, type NotificationKind } from '@/domain/notifications'
import { purgeNotificationsCore, surveyDigestCore, surveyRemindersCore } from '../../functions/src/notifications/deliver'
import { adminApp, type Admin } from './helpers/admin'
import { callOk } from './helpers/callable'
import { RUN } from './helpers/env'
import { applied, docId, mutation, pushOne, rejected } from './helpers/push'
import { rulesEnv } from './helpers/rules'
import { createMember, seedInstitution } from './helpers/seed'
import { answerToken, day, surveyDoc } from './helpers/surveys'
import { emailAt, type TestUser } from './helpers/users'

const INST = `notify-${RUN}`
const DIGEST_INST = `notify-digest-${RUN}`
const DOMAIN = `notify${RUN}.example.ac.uk`
const EMULATOR_SURVEY_SECRET = 'emulator-only-survey-secret-not-for-production'
let admin: Admin
let lead: TestUser
let ann: TestUser // technician, faculty f1
let tom: TestUser // technician, faculty f1
let sue: TestUser // technician, faculty f2
let digestLead: TestUser
let digestMember: TestUser
let rules: RulesTestEnvironment

beforeAll(async () => {
  admin = adminApp()
  const faculties = [
    { id: 'f1', name: 'Science', departments: [] },
    { id: 'f2', name: 'Arts', departments: [] },
  ]
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN], faculties })
  // A development allowance of one day (7.5 h) a year, so a CPD milestone is quick to reach.
  await admin.db.doc(`institutions/${INST}`).update({ developmentDaysPerYear: 1 })
  const mk = (name: string, role: 'technician' | 'lead', facultyId: string) =>
    createMember(admin, INST, emailAt(DOMAIN, name), role, { displayName: `Person ${name}`, facultyId })
  lead = await mk('lead', 'lead', 'f1')
  ann = await mk('ann', 'technician', 'f1')
  tom = await mk('tom', 'technician', 'f1')
  sue = await mk('sue', 'technician', 'f2')
  await seedInstitution(admin.db, { id: DIGEST_INST })
  await admin.db.doc(`institutions/${DIGEST_INST}`).update({ surveyDigest: true })
  digestLead = await createMember(admin, DIGEST_INST, emailAt(DOMAIN, 'dlead'), 'lead')
  digestMember = await createMember(admin, DIGEST_INST, emailAt(DOMAIN, 'dmember'), 'technician')
  rules = await rulesEnv()
}, 180_000)

afterAll(async () => {
  await rules?.cleanup()
  await admin?.close()
})

/** A member's notifications as stored, `updatedAt` as ms (what a pull gives the client). */
async function inbox(user: TestUser, kind?: NotificationKind): Promise<Record<string, unknown>[]> {
  const snap = await admin.db.collection(`users/${user.uid}/notifications`).get()
  return snap.docs
    .map((d) => {
      const data = d.data()
      return { ...data, updatedAt: data.updatedAt instanceof Timestamp ? data.updatedAt.toMillis() : data.updatedAt } as Record<
        string,
        unknown
      >
    })
    .filter((n) => !kind || n.kind === kind)
}

function expectValid(n: Record<string, unknown> | undefined) {
  const parsed = v.safeParse(NotificationSchema, n)
  expect(parsed.success, JSON.stringify(parsed.issues)).toBe(true)
}

describe('skill-share requests', () => {
  it('tell the teacher of a request, the learner of the answer, the other party of completion, and no one else', async () => {
    const id = docId('req')
    const ask = {
      learnerUid: ann.uid,
      teacherUid: tom.uid,
      skillId: 'hplc',
      skillName: 'HPLC',
      message: 'Could you show me?',
      format: 'demo',
      state: 'pending',
      history: { pending: 1 },
    }
    applied(await pushOne(ann, mutation('requests', id, 'put', ask)))
    const received = (await inbox(tom, 'request.received')).find((n) => n.link === '/requests' && String(n.id).includes(id))
    expect(received).toMatchObject({
      kind: 'request.received',
      params: { skill: 'HPLC', name: 'Person ann' },
      readAt: null,
      deleted: false,
    })
    expectValid(received)
    expect(await inbox(ann)).toEqual([])

    applied(await pushOne(tom, mutation('requests', id, 'patch', { state: 'accepted', history: { pending: 1, accepted: 2 } })))
    expect((await inbox(ann, 'request.accepted')).map((n) => n.params)).toEqual([{ skill: 'HPLC', name: 'Person tom' }])

    applied(
      await pushOne(ann, mutation('requests', id, 'patch', { state: 'completed', history: { pending: 1, accepted: 2, completed: 3 } })),
    )
    expect(await inbox(tom, 'request.completed')).toHaveLength(1)
    expect(await inbox(ann, 'request.completed')).toEqual([])

    const declinedId = docId('req')
    applied(await pushOne(ann, mutation('requests', declinedId, 'put', ask)))
    applied(await pushOne(tom, mutation('requests', declinedId, 'patch', { state: 'declined', history: { pending: 1, declined: 2 } })))
    expect(await inbox(ann, 'request.declined')).toHaveLength(1)
    // Nobody else hears of a private request.
    expect(await inbox(sue)).toEqual([])
    expect((await inbox(lead)).filter((n) => String(n.kind).startsWith('request.'))).toEqual([])
  })
})

describe('ideas, comments and actions', () => {
  it("tell an idea's author of the response, and earlier commenters (not the author) of a reply", async () => {
    const idea = docId('idea')
    applied(await pushOne(ann, mutation('ideas', idea, 'put', { authorUid: ann.uid, title: 'Shared bench', body: '', status: 'open' })))
    applied(await pushOne(lead, mutation('ideas', idea, 'patch', { status: 'adopted', response: 'Bench booked from May' })))
    const responded = await inbox(ann, 'idea.responded')
    expect(responded.map((n) => [n.params, n.link])).toEqual([[{ title: 'Shared bench', status: 'adopted' }, '/ideas']])
    expectValid(responded[0])

    const comment = (by: TestUser) =>
      pushOne(
        by,
        mutation('comments', docId('c'), 'put', { authorUid: by.uid, authorName: 'x', targetType: 'idea', targetId: idea, body: 'Yes' }),
      )
    applied(await comment(ann))
    expect(await inbox(ann, 'comment.reply')).toEqual([])
    applied(await comment(tom))
    expect((await inbox(ann, 'comment.reply')).map((n) => n.params)).toEqual([{ name: 'Person tom', targetType: 'idea' }])
    applied(await comment(lead))
    expect(await inbox(ann, 'comment.reply')).toHaveLength(2)
    expect(await inbox(tom, 'comment.reply')).toHaveLength(1)
    expect(await inbox(lead, 'comment.reply')).toEqual([])
    expect(await inbox(sue, 'comment.reply')).toEqual([])
  })

  it("tell an action's owner when a lead changes its RAG status", async () => {
    const planId = docId('plan')
    const actionId = docId('action')
    const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
    await admin.db.doc(`institutions/${INST}/actions/${actionId}`).set({
      ...meta,
      id: actionId,
      planId,
      code: 'V1',
      themes: ['visibility'],
      activity: 'Technician showcase',
      measures: [],
      timeframe: '',
      owner: 'SG',
      ownerUid: ann.uid,
    })
    const rag = { actionId, status: 'red', rationale: 'Venue lost', at: Date.now(), byUid: lead.uid }
    applied(await pushOne(lead, mutation('ragChanges', docId('rag'), 'put', rag)))
    const told = await inbox(ann, 'action.rag')
    expect(told.map((n) => [n.params, n.link])).toEqual([[{ code: 'V1', status: 'red' }, `/plan/${actionId}`]])
    expectValid(told[0])
    expect(await inbox(tom, 'action.rag')).toEqual([])

    // An owner who is not a member of this institution (a uid from another) is not told.
    await admin.db.doc(`institutions/${INST}/actions/${actionId}`).update({ ownerUid: digestMember.uid })
    applied(await pushOne(lead, mutation('ragChanges', docId('rag'), 'put', { ...rag, status: 'amber', at: Date.now() })))
    expect(await inbox(digestMember, 'action.rag')).toEqual([])
  })
})

describe('milestones', () => {
  it('tell a member once of each registration step done', async () => {
    const id = docId('reg')
    const reg = { target: 'RSciTech', steps: { eligibility: 'done', mentor: 'todo' }, competences: {}, feeSupportRequested: false }
    applied(await pushOne(tom, mutation('registrations', id, 'put', reg)))
    applied(await pushOne(tom, mutation('registrations', id, 'patch', { steps: { eligibility: 'doing', mentor: 'done' } })))
    applied(await pushOne(tom, mutation('registrations', id, 'patch', { steps: { eligibility: 'done', mentor: 'done' } })))
    const told = await inbox(tom, 'registration.milestone')
    expect(
      told.map((n) => n.params).sort((a, b) => String((a as { step: string }).step).localeCompare(String((b as { step: string }).step))),
    ).toEqual([
      { target: 'RSciTech', step: 'eligibility' },
      { target: 'RSciTech', step: 'mentor' },
    ])
    expect(told.every((n) => n.link === `/registration/${id}`)).toBe(true)
  })

  it("tell a member when their CPD meets the institution's development allowance", async () => {
    const cpd = (hours: number) => ({ title: 'Course', startDate: day(0), hours, type: 'formal', skillIds: [], evidenceIds: [] })
    applied(await pushOne(sue, mutation('cpd', docId('cpd'), 'put', cpd(4))))
    expect(await inbox(sue, 'cpd.milestone')).toEqual([])
    applied(await pushOne(sue, mutation('cpd', docId('cpd'), 'put', cpd(4))))
    const told = await inbox(sue, 'cpd.milestone')
    expect(told.map((n) => [(n.params as { days: number }).days, n.link])).toEqual([[1, '/cpd']])
    expectValid(told[0])
    applied(await pushOne(sue, mutation('cpd', docId('cpd'), 'put', cpd(4))))
    expect(await inbox(sue, 'cpd.milestone')).toHaveLength(1)
  })
})

const survey = (by: TestUser, fields: object = {}) =>
  surveyDoc({ title: 'Workshop pulse', titleCy: 'Pwls y gweithdy', createdByUid: by.uid, ...fields })

describe('surveys', () => {
  it('tell the audience (not the organiser, not others) when a survey opens, once', async () => {
    const id = docId('survey')
    applied(
      await pushOne(
        lead,
        mutation('surveys', id, 'put', survey(lead, { status: 'draft', audience: { facultyIds: ['f1'], roleFamilies: [] } })),
      ),
    )
    const opened = async (u: TestUser) => (await inbox(u, 'survey.opened')).filter((n) => n.link === `/surveys/${id}`)
    expect(await opened(ann)).toEqual([])
    applied(await pushOne(lead, mutation('surveys', id, 'patch', { status: 'open' })))
    const told = await opened(ann)
    expect(told.map((n) => n.params)).toEqual([{ title: 'Workshop pulse', titleCy: 'Pwls y gweithdy' }])
    expectValid(told[0])
    expect(await opened(tom)).toHaveLength(1)
    expect(await opened(sue)).toEqual([]) // another faculty
    expect(await opened(lead)).toEqual([])
    // Closed and opened again: nobody is told twice.
    await admin.db.doc(`users/${ann.uid}/notifications/${String(told[0]!.id)}`).update({ readAt: 5 })
    applied(await pushOne(lead, mutation('surveys', id, 'patch', { status: 'closed' })))
    applied(await pushOne(lead, mutation('surveys', id, 'patch', { status: 'open' })))
    expect((await opened(ann)).map((n) => n.readAt)).toEqual([5])
  })

  it("with the institution's digest, tell each member once a day how many surveys opened", async () => {
    applied(await pushOne(digestLead, mutation('surveys', docId('survey'), 'put', survey(digestLead))))
    applied(await pushOne(digestLead, mutation('surveys', docId('survey'), 'put', survey(digestLead))))
    expect(await inbox(digestMember)).toEqual([])
    await surveyDigestCore(admin.db)
    const told = await inbox(digestMember, 'survey.opened')
    expect(told.map((n) => [n.params, n.link])).toEqual([[{ count: 2 }, '/surveys']])
    expectValid(told[0])
    expect(await inbox(digestLead)).toEqual([])
  })

  it('remind members who have not answered two days before closing, and nobody who has', async () => {
    const id = docId('survey')
    applied(await pushOne(lead, mutation('surveys', id, 'put', survey(lead, { closesAt: day(2) }))))
    await callOk(
      'submitSurveyResponse',
      { surveyId: id, token: answerToken(), anonymous: true, answers: { q1: 'Visibility' } },
      ann.idToken,
    )
    await surveyRemindersCore(admin.db, EMULATOR_SURVEY_SECRET)
    const reminded = async (u: TestUser) => (await inbox(u, 'survey.closing')).filter((n) => n.link === `/surveys/${id}`)
    expect(await reminded(ann)).toEqual([])
    const told = await reminded(tom)
    expect(told.map((n) => n.params)).toEqual([{ title: 'Workshop pulse', titleCy: 'Pwls y gweithdy', closesAt: day(2) }])
    expectValid(told[0])
    expect(await reminded(sue)).toHaveLength(1)
    // Run again (a retried job): still one each.
    await surveyRemindersCore(admin.db, EMULATOR_SURVEY_SECRET)
    expect(await reminded(tom)).toHaveLength(1)
  })
})

describe('who may read and change notifications', () => {
  it('lets only the owner read them, and no client write them or read push subscriptions', async () => {
    const [mine] = await inbox(tom)
    const path = `users/${tom.uid}/notifications/${String(mine!.id)}`
    const asTom = rules.authenticatedContext(tom.uid).firestore()
    const asSue = rules.authenticatedContext(sue.uid).firestore()
    await assertSucceeds(getDoc(doc(asTom, path)))
    await assertSucceeds(getDocs(collection(asTom, `users/${tom.uid}/notifications`)))
    await assertFails(getDoc(doc(asSue, path)))
    await assertFails(getDocs(collection(asSue, `users/${tom.uid}/notifications`)))
    await assertFails(setDoc(doc(asTom, path), { readAt: 1 }))
    await assertFails(getDocs(collection(asTom, `users/${tom.uid}/pushSubscriptions`)))
    await assertFails(getDocs(collection(asTom, `users/${tom.uid}/heldPushes`)))
  })

  it('lets the owner mark one read through sync, and nothing else', async () => {
    const [mine] = await inbox(tom)
    const id = String(mine!.id)
    applied(await pushOne(tom, mutation('notifications', id, 'patch', { readAt: 1234 })))
    expect((await admin.db.doc(`users/${tom.uid}/notifications/${id}`).get()).get('readAt')).toBe(1234)
    rejected(await pushOne(tom, mutation('notifications', id, 'patch', { link: '/cpd' })), 'forbidden')
    rejected(await pushOne(tom, mutation('notifications', id, 'delete', {})), 'forbidden')
    const forged = { kind: 'request.received', params: {}, link: '/requests', createdAt: 1, readAt: null }
    rejected(await pushOne(tom, mutation('notifications', docId('n'), 'put', forged)), 'forbidden')
    // Another member's notification is not in their tree: nothing to change.
    rejected(await pushOne(sue, mutation('notifications', id, 'patch', { readAt: 1 })), 'not-found')
  })

  it('turns notifications older than 90 days into tombstones', async () => {
    const old = docId('old')
    const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
    await admin.db
      .doc(`users/${sue.uid}/notifications/${old}`)
      .set({ ...meta, id: old, kind: 'cpd.milestone', params: {}, link: '/cpd', createdAt: Date.now() - 91 * 86_400_000, readAt: null })
    await purgeNotificationsCore(admin.db)
    const after = (await admin.db.doc(`users/${sue.uid}/notifications/${old}`).get()).data()
    expect(after).toMatchObject({ id: old, deleted: true, version: 2 })
    expect(after).not.toHaveProperty('kind')
    expect((await inbox(sue, 'cpd.milestone')).filter((n) => !n.deleted)).toHaveLength(1)
  })
})

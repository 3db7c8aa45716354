/**
 * The `deleteAccount` callable on the emulators: after it, nothing of the member remains but
 * anonymous aggregates — their tree is gone, their directory entry and skill-share requests are
 * tombstones (purged after 30 days), their ideas, comments and votes no longer name them, their
 * survey receipts and named answers are unlinked, and the Auth user is deleted. Colleagues' data
 * is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { purgeTombstonesCore } from '../../functions/src/purge'
import { TOMBSTONE_TTL_MS } from '@/domain/sync'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { FIRESTORE_HOST, PROJECT_ID, RUN } from './helpers/env'
import { docId, mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { answerToken, storedResponses, surveyDoc } from './helpers/surveys'
import { emailAt, type TestUser } from './helpers/users'

const INST = `acct-${RUN}`
const DOMAIN = `acct${RUN}.example.ac.uk`
const CONFIRM = { confirm: 'delete my account' }
let admin: Admin
let leaver: TestUser
let colleague: TestUser
let lead: TestUser
const ids: Record<string, string> = {}

const inst = (col: string, id: string) => `institutions/${INST}/${col}/${id}`
const get = async (path: string) => (await admin.db.doc(path).get()).data()
const applied = async (user: TestUser, m: ReturnType<typeof mutation>) => {
  const r = await pushOne(user, m)
  expect(r.status, JSON.stringify(r)).toBe('applied')
}
const survey = (fields: object) => surveyDoc({ title: 'Technician voice', ...fields })

/** Every document in the emulator with its full data, as one string per path. */
async function everything(): Promise<Map<string, string>> {
  const res = await fetch(`http://${FIRESTORE_HOST}/v1/projects/${PROJECT_ID}/databases/(default)/documents:runQuery`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer owner' },
    body: JSON.stringify({ structuredQuery: { from: [{ allDescendants: true }] } }),
  })
  const rows = (await res.json()) as { document?: { name: string; fields?: unknown } }[]
  return new Map(
    rows
      .filter((r) => r.document)
      .map((r) => [r.document!.name.replace(/^.*?\/documents\//, ''), JSON.stringify(r.document!.fields ?? {})]),
  )
}

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN] })
  const mk = (name: string, role: 'technician' | 'lead') =>
    createMember(admin, INST, emailAt(DOMAIN, name), role, { displayName: `Person ${name}` })
  ;[leaver, colleague, lead] = await Promise.all([mk('leaver', 'technician'), mk('colleague', 'technician'), mk('lead', 'lead')])

  // The leaver's own tree.
  await applied(leaver, mutation('profiles', leaver.uid, 'patch', { gradeBand: 'Grade 5', bio: 'Runs the teaching labs' }))
  await applied(
    leaver,
    mutation('cpd', docId('cpd'), 'put', {
      title: 'Confocal course',
      startDate: '2026-03-01',
      hours: 6,
      type: 'formal',
      skillIds: [],
      evidenceIds: [],
    }),
  )
  await applied(leaver, mutation('equality', leaver.uid, 'put', { ageBand: '25-34' }))
  await applied(
    leaver,
    mutation('registrations', docId('reg'), 'put', { target: 'RSciTech', steps: {}, competences: {}, feeSupportRequested: false }),
  )
  // Skill-share requests both ways.
  ids.asked = docId('req')
  ids.askedOf = docId('req')
  const request = (learner: TestUser, teacher: TestUser) => ({
    learnerUid: learner.uid,
    teacherUid: teacher.uid,
    skillId: 'pcr',
    skillName: 'PCR',
    message: 'Please',
    format: 'demo',
    state: 'pending',
    history: { pending: 1 },
  })
  await applied(leaver, mutation('requests', ids.asked, 'put', request(leaver, colleague)))
  await applied(colleague, mutation('requests', ids.askedOf, 'put', request(colleague, leaver)))
  // Technician voice: an idea, a comment, votes from both.
  ids.idea = docId('idea')
  await applied(
    leaver,
    mutation('ideas', ids.idea, 'put', { authorUid: leaver.uid, title: 'Showcase day', body: 'Once a year', status: 'open', createdAt: 1 }),
  )
  ids.comment = docId('comment')
  await applied(
    leaver,
    mutation('comments', ids.comment, 'put', {
      authorUid: leaver.uid,
      authorName: 'Person leaver',
      targetType: 'idea',
      targetId: ids.idea,
      body: 'Yes please',
      createdAt: 2,
    }),
  )
  await applied(leaver, mutation('votes', `${ids.idea}__${leaver.uid}`, 'put', { ideaId: ids.idea, voterUid: leaver.uid, createdAt: 3 }))
  await applied(
    colleague,
    mutation('votes', `${ids.idea}__${colleague.uid}`, 'put', { ideaId: ids.idea, voterUid: colleague.uid, createdAt: 4 }),
  )
  // Surveys: an anonymous one and a named, editable one, both answered.
  ids.anonSurvey = docId('survey')
  ids.namedSurvey = docId('survey')
  await applied(lead, mutation('surveys', ids.anonSurvey, 'put', survey({ createdByUid: lead.uid })))
  await applied(lead, mutation('surveys', ids.namedSurvey, 'put', survey({ createdByUid: lead.uid, anonymous: false, allowEdit: true })))
  for (const [surveyId, anonymous] of [
    [ids.anonSurvey, true],
    [ids.namedSurvey, false],
  ] as const)
    await callOk('submitSurveyResponse', { surveyId, token: answerToken(), anonymous, answers: { q1: 'Career' } }, leaver.idToken)
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

describe('deleteAccount', () => {
  it('needs a signed-in caller and the confirmation', async () => {
    expect(await call('deleteAccount', CONFIRM, null)).toMatchObject({ ok: false, error: { details: { code: 'unauthenticated' } } })
    expect(await call('deleteAccount', {}, leaver.idToken)).toMatchObject({
      ok: false,
      error: { details: { code: 'invalid', field: 'confirm' } },
    })
    expect(await call('deleteAccount', { confirm: 'delete my account', uid: colleague.uid }, leaver.idToken)).toMatchObject({ ok: false })
    expect(await get(`users/${leaver.uid}/profiles/${leaver.uid}`)).toBeDefined()
  })

  it('removes everything of the member’s, keeps anonymous aggregates, and deletes the Auth user', async () => {
    const out = await callOk<{ deleted: boolean; removed: number; anonymised: number }>('deleteAccount', CONFIRM, leaver.idToken)
    expect(out).toMatchObject({ deleted: true })

    // Their own tree is gone, ledger and all.
    expect((await admin.db.doc(`users/${leaver.uid}`).listCollections()).length).toBe(0)
    // Directory entry and requests: tombstones with nothing but sync metadata — and, for a
    // request, the other party, so it still reaches their devices (and never the leaver's).
    const member = await get(inst('members', leaver.uid))
    expect(member).toMatchObject({ deleted: true })
    expect(Object.keys(member!).sort()).toEqual(['_deletedAt', 'deleted', 'id', 'lastMutationId', 'updatedAt', 'version'])
    for (const path of [inst('requests', ids.asked!), inst('requests', ids.askedOf!)]) {
      const doc = await get(path)
      expect(doc, path).toMatchObject({ deleted: true, parties: [colleague.uid] })
      expect(Object.keys(doc!).sort()).toEqual(['_deletedAt', 'deleted', 'id', 'lastMutationId', 'parties', 'updatedAt', 'version'])
    }
    // Authored records keep their words, not their author; versions move on so devices re-pull them.
    expect(await get(inst('ideas', ids.idea!))).toMatchObject({ authorUid: 'former-member', title: 'Showcase day', version: 2 })
    expect(await get(inst('comments', ids.comment!))).toMatchObject({
      authorUid: 'former-member',
      authorName: 'Former member',
      body: 'Yes please',
    })
    // The vote still counts, anonymously; the colleague's is untouched.
    const votes = (await admin.db.collection(`institutions/${INST}/votes`).where('ideaId', '==', ids.idea).get()).docs.filter(
      (d) => d.get('deleted') !== true,
    )
    expect(votes).toHaveLength(2)
    const voters = votes.map((d) => d.get('voterUid') as string)
    expect(voters.filter((uid) => uid === colleague.uid)).toHaveLength(1)
    expect(voters.filter((uid) => uid !== colleague.uid)).toEqual([expect.stringMatching(/^anon-/)])
    expect(voters).not.toContain(leaver.uid)
    // Survey answers stay in the totals, unlinked: no receipt, no name, no uid-derived id.
    for (const surveyId of [ids.anonSurvey, ids.namedSurvey]) {
      expect((await admin.db.collection(`institutions/${INST}/surveys/${surveyId}/receipts`).get()).size).toBe(0)
      const responses = await storedResponses(admin.db, INST, surveyId!)
      expect(responses).toHaveLength(1)
      expect(responses[0]!).not.toHaveProperty('respondentUid')
      expect(responses[0]!).not.toHaveProperty('respondentName')
    }
    // The Auth user.
    await expect(admin.auth.getUser(leaver.uid)).rejects.toMatchObject({ code: 'auth/user-not-found' })
    // Colleagues keep theirs.
    expect(await get(inst('members', colleague.uid))).toMatchObject({ deleted: false, displayName: 'Person colleague' })
    expect(await get(`users/${colleague.uid}/profiles/${colleague.uid}`)).toBeDefined()
  })

  it('can run again after a failure part-way (nothing left to find)', async () => {
    // The old ID token still verifies on the emulator; a retry finds nothing and succeeds.
    expect(await callOk('deleteAccount', CONFIRM, leaver.idToken)).toMatchObject({ deleted: true, anonymised: 0 })
  })

  it('leaves no trace of the member once the tombstones are purged', async () => {
    await purgeTombstonesCore(admin.db, Date.now() + TOMBSTONE_TTL_MS + 60_000)
    const all = await everything()
    const traces = [...all].filter(
      ([path, data]) =>
        path.includes(leaver.uid) || data.includes(leaver.uid) || data.includes(leaver.email) || data.includes('Person leaver'),
    )
    expect(traces.map(([p]) => p)).toEqual([])
  })
})

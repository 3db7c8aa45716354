/**
 * Hostile input on the emulators (issue 11, items 9–11): profile photos that would make a
 * colleague's browser fetch a tracker, implausible CPD dates, characters no export can hold,
 * evidence uploads begun and never finished, and bodies the callable decoder chokes on.
 */
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EVIDENCE_CHUNK_BYTES } from '@/domain/entities'
import { purgeTombstonesCore } from '../../functions/src/purge'
import { adminApp, type Admin } from './helpers/admin'
import { call } from './helpers/callable'
import { FUNCTIONS_ORIGIN, PROJECT_ID, REGION, RUN } from './helpers/env'
import { docId, mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { answerToken, createSurvey, day } from './helpers/surveys'
import { emailAt, type TestUser } from './helpers/users'
import { wordsIn } from '../support/errors'

// Refusals are problems (codes); assertions read them in the English a person sees.
const en = await wordsIn('en')

const INST = `hostile-${RUN}`
const DOMAIN = `hostile${RUN}.example.ac.uk`
let admin: Admin
let lead: TestUser
let tech: TestUser
let other: TestUser

const cpd = (extra: Record<string, unknown> = {}) => ({
  title: 'Confocal training',
  startDate: day(-3),
  hours: 3,
  type: 'formal',
  skillIds: [],
  evidenceIds: [],
  ...extra,
})
/** A tiny real JPEG data URL, as the phone makes after resizing. */
const JPEG = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]).toString('base64')}`

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, emailDomains: [DOMAIN] })
  lead = await createMember(admin, INST, emailAt(DOMAIN, 'lead'), 'lead')
  tech = await createMember(admin, INST, emailAt(DOMAIN, 'tech'), 'technician')
  other = await createMember(admin, INST, emailAt(DOMAIN, 'other'), 'technician')
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

describe('item 9: a profile photo is an uploaded image, never a link', () => {
  it.each([
    ['a tracking pixel URL', 'https://tracker.example.com/p.gif?who=colleague'],
    ['a plain http URL', 'http://example.com/me.jpg'],
    ['a protocol-relative URL', '//tracker.example.com/p.gif'],
    [
      'an SVG data URL (it can fetch)',
      `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://t.example/x"/></svg>').toString('base64')}`,
    ],
    ['a data URL that is not base64 image data', 'data:image/jpeg,hello'],
  ])('refuses %s', async (_name, photo) => {
    const r = await pushOne(tech, mutation('profiles', tech.uid, 'patch', { photo }))
    expect(r).toMatchObject({ status: 'rejected', code: 'invalid', field: 'photo' })
    const stored = await admin.db.doc(`institutions/${INST}/members/${tech.uid}`).get()
    expect(stored.get('photo')).toBeUndefined()
  })

  it('keeps a photo resized on the phone (a small JPEG data URL), and clearing it', async () => {
    expect(await pushOne(tech, mutation('profiles', tech.uid, 'patch', { photo: JPEG }))).toMatchObject({ status: 'applied' })
    expect((await admin.db.doc(`institutions/${INST}/members/${tech.uid}`).get()).get('photo')).toBe(JPEG)
    expect(await pushOne(tech, mutation('profiles', tech.uid, 'patch', { photo: '' }))).toMatchObject({ status: 'applied' })
  })
})

describe('item 10: plausible dates and text', () => {
  it.each([
    ['before 1950', { startDate: '1949-12-31' }, 'startDate'],
    ['a typo year', { startDate: '0202-05-01' }, 'startDate'],
    ['more than a year ahead', { startDate: day(-1), endDate: day(400) }, 'endDate'],
  ])('refuses a CPD date %s', async (_name, extra, field) => {
    const r = await pushOne(tech, mutation('cpd', docId('cpd'), 'put', cpd(extra)))
    expect(r).toMatchObject({ status: 'rejected', code: 'invalid', field })
    if (r.status === 'rejected') expect(en(r.message)).toMatch(/1950|a year/)
  })

  it('accepts 1950 and training booked within the year', async () => {
    expect(await pushOne(tech, mutation('cpd', docId('cpd'), 'put', cpd({ startDate: '1950-01-01' })))).toMatchObject({ status: 'applied' })
    expect(await pushOne(tech, mutation('cpd', docId('cpd'), 'put', cpd({ startDate: day(300) })))).toMatchObject({ status: 'applied' })
  })

  it.each([
    ['a C0 control', 'Bell\u0007 ringing'],
    ['U+FFFE', 'Noncharacter \uFFFE here'],
    ['U+FFFF', 'Noncharacter \uFFFF here'],
    ['an unpaired high surrogate', 'Half \uD83D of an emoji'],
    ['an unpaired low surrogate', 'Half \uDE00 of an emoji'],
  ])('refuses %s in any text field: CPD title, profile bio, idea body', async (_name, bad) => {
    expect(await pushOne(tech, mutation('cpd', docId('cpd'), 'put', cpd({ title: bad })))).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      field: 'title',
    })
    expect(await pushOne(tech, mutation('profiles', tech.uid, 'patch', { bio: bad }))).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      field: 'bio',
    })
    const idea = { authorUid: tech.uid, title: 'Showcase', body: bad, status: 'open', createdAt: 1 }
    expect(await pushOne(tech, mutation('ideas', docId('idea'), 'put', idea))).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      field: 'body',
    })
  })

  it('keeps tabs, newlines, accents and emoji', async () => {
    const fine = 'Tabs\tand\nnew lines, café, 🔬 microscopy'
    expect(await pushOne(tech, mutation('cpd', docId('cpd'), 'put', cpd({ title: 'Fine', learned: fine })))).toMatchObject({
      status: 'applied',
    })
  })

  it('refuses such a character in a survey free-text answer too', async () => {
    const surveyId = await createSurvey(lead, { questions: [{ id: 'q1', type: 'long', prompt: 'Say', required: true }] })
    const out = await call(
      'submitSurveyResponse',
      { surveyId, token: answerToken(), anonymous: true, answers: { q1: 'broken \uFFFF export' } },
      tech.idToken,
    )
    expect(out).toMatchObject({ ok: false, error: { details: { code: 'invalid', field: 'answers.q1' } } })
  })
})

describe('item 10: unfinished evidence uploads count and are purged', () => {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
  const file = () => {
    const bytes = randomBytes(EVIDENCE_CHUNK_BYTES + 1000)
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes)
    return bytes
  }
  const chunk = (id: string, bytes: Buffer, index: number) => ({
    evidenceId: id,
    index,
    name: 'bench.png',
    contentType: 'image/png',
    size: bytes.length,
    sha256: sha(bytes),
    data: bytes.subarray(index * EVIDENCE_CHUNK_BYTES, (index + 1) * EVIDENCE_CHUNK_BYTES).toString('base64'),
  })

  it('an upload begun and never finished takes a place in the quota', async () => {
    // 500 uploads begun and left (as a script would), then one more: refused before any byte is stored.
    const batch = admin.db.batch()
    for (let i = 0; i < 500; i++) batch.set(admin.db.doc(`users/${other.uid}/uploads/left-${i}`), { startedAt: new Date(), size: 1000 })
    await batch.commit()
    const id = `ev-${RUN}-quota`
    const out = await call('evidenceUpload', chunk(id, file(), 0), other.idToken)
    expect(out).toMatchObject({ ok: false, error: { details: { code: 'too-large' } } })
    expect((await admin.db.collection(`users/${other.uid}/evidence/${id}/chunks`).get()).size).toBe(0)
    await admin.db.recursiveDelete(admin.db.collection(`users/${other.uid}/uploads`))
  })

  it('the daily purge removes an upload not finished within a day, chunks and all; a finished file stays', async () => {
    const bytes = file()
    const left = `ev-${RUN}-left`
    expect(await call('evidenceUpload', chunk(left, bytes, 0), tech.idToken)).toMatchObject({ ok: true, data: { status: 'stored' } })
    const done = `ev-${RUN}-done`
    for (const i of [0, 1]) expect((await call('evidenceUpload', chunk(done, bytes, i), tech.idToken)).ok).toBe(true)
    expect((await admin.db.collection(`users/${tech.uid}/evidence/${left}/chunks`).get()).size).toBe(1)

    await purgeTombstonesCore(admin.db, Date.now() + 2 * 86_400_000)
    expect((await admin.db.collection(`users/${tech.uid}/evidence/${left}/chunks`).get()).size).toBe(0)
    expect((await admin.db.doc(`users/${tech.uid}/uploads/${left}`).get()).exists).toBe(false)
    expect((await admin.db.collection(`users/${tech.uid}/evidence/${done}/chunks`).get()).size).toBe(2)
    expect((await admin.db.doc(`users/${tech.uid}/evidence/${done}`).get()).get('deleted')).toBe(false)
  }, 180_000)
})

describe('item 11: every bad body gets a typed error', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)
  it.each([
    [
      'submitSurveyResponse',
      () => `{"data":{"surveyId":"x","token":"${answerToken()}","anonymous":true,"answers":{"q1":${deep(10_000)}}}}`,
    ],
    ['syncPush', () => `{"data":{"mutations":${deep(10_000)}}}`],
    ['surveyResults', () => '{"data":{"surveyId":{"@type":"type.googleapis.com/google.protobuf.Any","value":"1"}}}'],
    ['syncPush', () => '{"data":{"mutations":[{"@type":"type.googleapis.com/unknown.Type"}]}}'],
    ['evidenceUpload', () => `{"data":${deep(5_000)}}`],
  ])('%s: a hostile body is refused with a typed 400, not a 500', async (name, body) => {
    const out = await call(name, null, tech.idToken, body())
    expect(out.httpStatus).toBe(400)
    expect(out).toMatchObject({ ok: false, error: { status: 'INVALID_ARGUMENT', details: { code: 'invalid' } } })
  })

  it('what stays the framework’s (README): a body that is not JSON gets the runtime parser’s 400, a wrong content type its "Bad Request"', async () => {
    const broken = await call('surveyResults', null, lead.idToken, '{"data": {not json')
    expect([broken.ok, broken.httpStatus]).toEqual([false, 400])
    const res = await fetch(`${FUNCTIONS_ORIGIN}/${PROJECT_ID}/${REGION}/surveyResults`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${lead.idToken}` },
      body: '{"data":{}}',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: { message: 'Bad Request', status: 'INVALID_ARGUMENT' } })
  })

  it('a normal call still works through the guard (and signed out is still refused by the framework)', async () => {
    expect(await call('surveyResults', { surveyId: `missing-${RUN}` }, lead.idToken)).toMatchObject({
      ok: false,
      error: { details: { code: 'not-found' } },
    })
    expect(await call('surveyResults', { surveyId: 'x' }, null)).toMatchObject({ ok: false, error: { status: 'UNAUTHENTICATED' } })
  })
})

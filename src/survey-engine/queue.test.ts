import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { loadAnswerDraft, saveAnswerDraft } from './drafts'
import { SurveyPortError, type SubmitInput, type SurveyPort } from './ports'
import { createSurveyQueue, randomToken, refusalMessage } from './queue'
import { wordsIn } from '../../tests/support/errors'
import type { SubmitOutcome } from './types'

// Refusals are problems (codes); these tests read them in the English a person sees.
const en = await wordsIn('en')

let db: HubDb
let seq = 0
const ids = () => `sub-${seq++}`
const ANON = { anonymous: true }
let tokens = 0
const newToken = () => `token-of-this-phone-${tokens++}-xxxxxxxx`

/** A fake callable that stores by submission id, as the server does: a retry gets the first outcome. */
function fakePort(behaviour: (input: SubmitInput, call: number) => SubmitOutcome | Error) {
  let calls = 0
  const submit = vi.fn(async (input: SubmitInput) => {
    const out = behaviour(input, calls++)
    if (out instanceof Error) throw out
    return out
  })
  const port = { submit } as unknown as SurveyPort
  return { port, submit }
}

beforeEach(() => {
  db = createDb(`queue-${crypto.randomUUID()}`)
  seq = 0
  tokens = 0
})

describe('survey answer queue', () => {
  it('keeps answers on the phone, drops the draft, and marks them sent with the server’s day', async () => {
    const { port, submit } = fakePort(() => ({ status: 'submitted', day: '2026-11-23' }))
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids, newToken, now: () => 1000 })
    await saveAnswerDraft('s1', { answers: { q1: 'A' }, position: 2 }, db)
    const row = await queue.enqueue('s1', { q1: 'A', q2: ['x', 'y'] }, ANON)
    expect(row).toMatchObject({ state: 'queued', submissionId: 'sub-0', attempts: 0 })
    expect(await loadAnswerDraft('s1', db)).toBeNull()
    expect(await queue.flush()).toEqual({ sent: 1, waiting: 0, refused: 0 })
    expect(submit).toHaveBeenCalledWith({
      surveyId: 's1',
      answers: { q1: 'A', q2: ['x', 'y'] },
      token: 'token-of-this-phone-0-xxxxxxxx',
      anonymous: true,
    })
    expect(await db.surveySubmissions.get('s1')).toMatchObject({
      state: 'sent',
      day: '2026-11-23',
      outcome: 'submitted',
      attempts: 1,
      sentAt: 1000,
    })
  })

  it('offline: stays queued, and every retry sends the same token', async () => {
    const { port, submit } = fakePort((_i, call) =>
      call < 2 ? new SurveyPortError('Failed to fetch', 'offline') : { status: 'submitted', day: '2026-11-23' },
    )
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids, newToken })
    await queue.enqueue('s1', { q1: 'A' }, ANON)
    await queue.enqueue('s2', { q1: 'B' }, ANON)
    expect(await queue.flush()).toEqual({ sent: 0, waiting: 2, refused: 0 })
    expect(await queue.flush()).toEqual({ sent: 0, waiting: 2, refused: 0 })
    expect((await db.surveySubmissions.get('s1'))?.state).toBe('queued')
    expect(await queue.flush()).toEqual({ sent: 2, waiting: 0, refused: 0 })
    const sentTokens = submit.mock.calls.filter(([i]) => i.surveyId === 's1').map(([i]) => i.token)
    expect(sentTokens).toHaveLength(3)
    expect(new Set(sentTokens)).toEqual(new Set(['token-of-this-phone-0-xxxxxxxx']))
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'sent', attempts: 3 })
  })

  it('a refusal is kept with its reason and the answers, never dropped', async () => {
    const { port } = fakePort(() => new SurveyPortError('This survey is closed', 'refused', 'closed'))
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids, newToken })
    await queue.enqueue('s1', { q1: 'A' }, ANON)
    expect(await queue.flush()).toEqual({ sent: 0, waiting: 0, refused: 1 })
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'refused', answers: { q1: 'A' }, error: { code: 'closed' } })
    expect(en((await db.surveySubmissions.get('s1'))?.error?.message)).toBe('This survey closed before your answers could be sent.')
    await queue.requeue('s1')
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'queued' })
    expect((await db.surveySubmissions.get('s1'))?.error).toBeUndefined()
  })

  it('keeps the field of an invalid answer so the form can point at it', async () => {
    const { port } = fakePort(
      () => new SurveyPortError('answerScale {"min":1,"max":5}', 'refused', 'invalid', 'answers.q3', 'answerScale {"min":1,"max":5}'),
    )
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids, newToken })
    await queue.enqueue('s1', { q3: 9 }, ANON)
    await queue.flush()
    const error = (await db.surveySubmissions.get('s1'))?.error
    expect(error).toMatchObject({ code: 'invalid', field: 'answers.q3' })
    expect(en(error?.message)).toBe('Choose a point from 1 to 5')
  })

  it('concurrent flushes send each answer once', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const submit = vi.fn(async (): Promise<SubmitOutcome> => {
      await gate
      return { status: 'submitted', day: '2026-11-23' }
    })
    const queue = createSurveyQueue({ db, port: async () => ({ submit }) as unknown as SurveyPort, newId: ids, newToken })
    await queue.enqueue('s1', { q1: 'A' }, ANON)
    const runs = [queue.flush(), queue.flush(), queue.flush()]
    release()
    await Promise.all(runs)
    expect(submit).toHaveBeenCalledTimes(1)
  })

  it('an answer changed while the old one was in flight is not marked sent by the old reply', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const submit = vi.fn(async (_input: SubmitInput): Promise<SubmitOutcome> => {
      await gate
      return { status: 'submitted', day: '2026-11-23' }
    })
    const queue = createSurveyQueue({ db, port: async () => ({ submit }) as unknown as SurveyPort, newId: ids, newToken })
    await queue.enqueue('s1', { q1: 'A' }, ANON)
    const run = queue.flush()
    await vi.waitFor(() => expect(submit).toHaveBeenCalledTimes(1))
    await queue.enqueue('s1', { q1: 'B' }, ANON)
    // The runner asks for a send after every enqueue: mid-run, that schedules one more pass.
    void queue.flush()
    release()
    await run
    expect(submit).toHaveBeenCalledTimes(2)
    // An edit keeps the survey's token (the server knows it is this phone's answer).
    expect(submit.mock.calls.map(([i]) => i.token)).toEqual(['token-of-this-phone-0-xxxxxxxx', 'token-of-this-phone-0-xxxxxxxx'])
    expect(submit.mock.calls.map(([i]) => i.answers)).toEqual([{ q1: 'A' }, { q1: 'B' }])
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'sent', submissionId: 'sub-1', answers: { q1: 'B' } })
  })

  it('sends the mode the person saw, and a row queued before tokens gets one that it keeps', async () => {
    const { port, submit } = fakePort((_i, call) =>
      call === 0 ? new SurveyPortError('Failed to fetch', 'offline') : { status: 'submitted', day: '2026-11-23' },
    )
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids, newToken })
    await db.surveySubmissions.put({
      surveyId: 'old',
      submissionId: 'legacy',
      answers: { q1: 'A' },
      state: 'queued',
      queuedAt: 1,
      attempts: 0,
    })
    await queue.enqueue('named', { q1: 'B' }, { anonymous: false })
    await queue.flush()
    await queue.flush()
    const byId = (id: string) => submit.mock.calls.filter(([i]) => i.surveyId === id).map(([i]) => i)
    expect(byId('named').every((i) => i.anonymous === false)).toBe(true)
    expect(new Set(byId('old').map((i) => i.token)).size).toBe(1)
    expect(byId('old')[0]!.token).toMatch(/^token-of-this-phone/)
  })

  it('makes 256-bit random tokens with no time in them', () => {
    const a = randomToken()
    expect(a).toMatch(/^[\w-]{43}$/)
    expect(randomToken()).not.toBe(a)
  })

  it('says what each refusal means', () => {
    const said = (e: SurveyPortError) => en(refusalMessage(e))
    expect(said(new SurveyPortError('x', 'refused', 'already-submitted'))).toMatch(/already answered/)
    // A refusal with no words of ours: the generic words, never the server's raw text.
    expect(said(new SurveyPortError('Server says no [400]', 'refused', 'weird'))).toBe('Your answers could not be accepted.')
    expect(said(new SurveyPortError('x', 'refused', 'mode-changed', undefined, 'surveyNowNamed'))).toMatch(/records your name/)
    expect(said(new SurveyPortError('', 'refused', 'mode-changed'))).toMatch(/changed since you opened it/)
  })
})

describe('answer drafts', () => {
  it('round-trip, and bad stored values fall back to empty', async () => {
    await saveAnswerDraft('s1', { answers: { q1: 'A' }, position: 3 }, db)
    expect(await loadAnswerDraft('s1', db)).toEqual({ answers: { q1: 'A' }, position: 3 })
    await db.drafts.put({ key: 'survey:s2', value: { answers: [1], position: -1 }, savedAt: 1 })
    expect(await loadAnswerDraft('s2', db)).toEqual({ answers: {}, position: 0 })
    expect(await loadAnswerDraft('none', db)).toBeNull()
  })
})

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { loadAnswerDraft, saveAnswerDraft } from './drafts'
import { SurveyPortError, type SubmitInput, type SurveyPort } from './ports'
import { createSurveyQueue, refusalMessage } from './queue'
import type { SubmitOutcome } from './types'

let db: HubDb
let seq = 0
const ids = () => `sub-${seq++}`

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
})

describe('survey answer queue', () => {
  it('keeps answers on the phone, drops the draft, and marks them sent with the server’s day', async () => {
    const { port, submit } = fakePort(() => ({ status: 'submitted', day: '2026-11-23' }))
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids, now: () => 1000 })
    await saveAnswerDraft('s1', { answers: { q1: 'A' }, position: 2 }, db)
    const row = await queue.enqueue('s1', { q1: 'A', q2: ['x', 'y'] })
    expect(row).toMatchObject({ state: 'queued', submissionId: 'sub-0', attempts: 0 })
    expect(await loadAnswerDraft('s1', db)).toBeNull()
    expect(await queue.flush()).toEqual({ sent: 1, waiting: 0, refused: 0 })
    expect(submit).toHaveBeenCalledWith({ surveyId: 's1', answers: { q1: 'A', q2: ['x', 'y'] }, submissionId: 'sub-0' })
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'sent', day: '2026-11-23', outcome: 'submitted', attempts: 1, sentAt: 1000 })
  })

  it('offline: stays queued, and every retry sends the same submission id', async () => {
    const { port, submit } = fakePort((_i, call) => (call < 2 ? new SurveyPortError('Failed to fetch', 'offline') : { status: 'submitted', day: '2026-11-23' }))
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids })
    await queue.enqueue('s1', { q1: 'A' })
    await queue.enqueue('s2', { q1: 'B' })
    expect(await queue.flush()).toEqual({ sent: 0, waiting: 2, refused: 0 })
    expect(await queue.flush()).toEqual({ sent: 0, waiting: 2, refused: 0 })
    expect((await db.surveySubmissions.get('s1'))?.state).toBe('queued')
    expect(await queue.flush()).toEqual({ sent: 2, waiting: 0, refused: 0 })
    const sentIds = submit.mock.calls.filter(([i]) => i.surveyId === 's1').map(([i]) => i.submissionId)
    expect(new Set(sentIds)).toEqual(new Set(['sub-0']))
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'sent', attempts: 3 })
  })

  it('a refusal is kept with its reason and the answers, never dropped', async () => {
    const { port } = fakePort(() => new SurveyPortError('This survey is closed', 'refused', 'closed'))
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids })
    await queue.enqueue('s1', { q1: 'A' })
    expect(await queue.flush()).toEqual({ sent: 0, waiting: 0, refused: 1 })
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'refused', answers: { q1: 'A' }, error: { code: 'closed', message: 'This survey closed before your answers could be sent.' } })
    await queue.requeue('s1')
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'queued' })
    expect((await db.surveySubmissions.get('s1'))?.error).toBeUndefined()
  })

  it('keeps the field of an invalid answer so the form can point at it', async () => {
    const { port } = fakePort(() => new SurveyPortError('Choose a point from 1 to 5', 'refused', 'invalid', 'answers.q3'))
    const queue = createSurveyQueue({ db, port: async () => port, newId: ids })
    await queue.enqueue('s1', { q3: 9 })
    await queue.flush()
    expect((await db.surveySubmissions.get('s1'))?.error).toEqual({ code: 'invalid', message: 'Choose a point from 1 to 5', field: 'answers.q3' })
  })

  it('concurrent flushes send each answer once', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const submit = vi.fn(async (): Promise<SubmitOutcome> => {
      await gate
      return { status: 'submitted', day: '2026-11-23' }
    })
    const queue = createSurveyQueue({ db, port: async () => ({ submit }) as unknown as SurveyPort, newId: ids })
    await queue.enqueue('s1', { q1: 'A' })
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
    const queue = createSurveyQueue({ db, port: async () => ({ submit }) as unknown as SurveyPort, newId: ids })
    await queue.enqueue('s1', { q1: 'A' })
    const run = queue.flush()
    await vi.waitFor(() => expect(submit).toHaveBeenCalledTimes(1))
    await queue.enqueue('s1', { q1: 'B' })
    // The runner asks for a send after every enqueue: mid-run, that schedules one more pass.
    void queue.flush()
    release()
    await run
    expect(submit).toHaveBeenCalledTimes(2)
    expect(submit.mock.calls.map(([i]) => i.submissionId)).toEqual(['sub-0', 'sub-1'])
    expect(await db.surveySubmissions.get('s1')).toMatchObject({ state: 'sent', submissionId: 'sub-1', answers: { q1: 'B' } })
  })

  it('says what each refusal means', () => {
    expect(refusalMessage(new SurveyPortError('x', 'refused', 'already-submitted'))).toMatch(/already answered/)
    expect(refusalMessage(new SurveyPortError('Server says no', 'refused', 'weird'))).toBe('Server says no')
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

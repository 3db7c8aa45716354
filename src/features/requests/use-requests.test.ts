import { beforeEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { createRepos, type Repos } from '@/db/repos'
import { cpdPrefillFor } from '@/domain/rules/requests'
import { request as aRequest } from '../../../tests/support/rule-fixtures'
import { confirmSessionHappened, saveOfferedCpd } from './use-requests'

let db: HubDb
let repos: Repos
const completed = aRequest('r1', {
  updatedAt: 5,
  version: 3,
  learnerUid: 'learner',
  teacherUid: 'teacher',
  message: '',
  format: 'demo',
  state: 'completed',
  history: { pending: 1, accepted: 2, completed: Date.UTC(2026, 10, 2) },
})

beforeEach(async () => {
  db = createDb(`use-requests-${crypto.randomUUID()}`)
  repos = createRepos({ db, now: () => 1_800_000_000_000 })
  await db.requests.put(completed)
})

describe('logging a completed session', () => {
  it("saves the entry and the person's own confirmation of the session, queued together", async () => {
    const offer = cpdPrefillFor(completed, 'teacher')!
    await saveOfferedCpd(offer, 'teacher', { db, repos })
    expect(await db.cpd.toArray()).toEqual([expect.objectContaining({ requestId: 'r1', type: 'professional', hours: 1 })])
    const request = await db.requests.get('r1')
    expect(request?.teacherConfirmedAt).toEqual(expect.any(Number))
    expect(request?.learnerConfirmedAt).toBeUndefined()
    const queued = await db.outbox.toArray()
    expect(queued.map((m) => [m.collection, m.op])).toEqual([
      ['cpd', 'put'],
      ['requests', 'patch'],
    ])
    expect(queued[1]!.payload).toEqual({ teacherConfirmedAt: request?.teacherConfirmedAt })
  })

  it('confirms once: a second confirmation queues nothing', async () => {
    await confirmSessionHappened('r1', 'learner', { repos })
    const first = (await db.requests.get('r1'))?.learnerConfirmedAt
    await confirmSessionHappened('r1', 'learner', { repos })
    expect((await db.requests.get('r1'))?.learnerConfirmedAt).toBe(first)
    expect(await db.outbox.count()).toBe(1)
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from './database'
import { docSyncState, unsentIds } from './outbox'
import { createRepos, type Repos } from './repos'

let db: HubDb
let repos: Repos
const request = {
  learnerUid: 'learner',
  teacherUid: 'teacher',
  skillId: 'pcr',
  skillName: 'PCR',
  message: '',
  format: 'demo' as const,
  state: 'pending' as const,
  history: { pending: 1_700_000_000_000 },
}

beforeEach(() => {
  db = createDb(`outbox-${crypto.randomUUID()}`)
  repos = createRepos({ db, now: () => 1_700_000_000_000 })
})

describe('what has not been sent', () => {
  it('names a new request, a synced one with a change waiting, and not a synced one', async () => {
    const fresh = await repos.requests.create(request)
    await db.requests.bulkPut([
      { ...request, id: 'synced', version: 3, updatedAt: 5, deleted: false, lastMutationId: null },
      { ...request, id: 'moved', version: 2, updatedAt: 5, deleted: false, lastMutationId: null },
    ])
    await repos.requests.patch('moved', { state: 'accepted' })
    expect(await unsentIds('requests', db)).toEqual(new Set([fresh.id, 'moved']))
    // Another collection's waiting changes are not counted.
    expect(await unsentIds('cpd', db)).toEqual(new Set())
  })

  it('forgets a request once its outbox row is gone and the server version has come back', async () => {
    const fresh = await repos.requests.create(request)
    await db.outbox.clear()
    await db.requests.update(fresh.id, { version: 1 })
    expect(await unsentIds('requests', db)).toEqual(new Set())
  })
})

describe("one document's sync state", () => {
  it("counts its own waiting and refused changes, not another document's, with the server version", async () => {
    await db.requests.put({ ...request, id: 'mine', version: 4, updatedAt: 5, deleted: false, lastMutationId: null })
    await repos.requests.patch('mine', { state: 'accepted' })
    await repos.requests.patch('mine', { message: 'See you Tuesday' })
    const other = await repos.requests.create(request)
    const rejection = { collection: 'requests' as const, code: 'invalid' as const, message: 'invalid', at: 1, payload: {} }
    await db.rejections.bulkPut([
      { ...rejection, mutationId: 'm1', docId: 'mine' },
      { ...rejection, mutationId: 'm2', docId: other.id },
    ])
    expect(await docSyncState('requests', 'mine', db)).toEqual({ version: 4, pending: 2, refused: 1 })
    expect(await docSyncState('requests', other.id, db)).toEqual({ version: 0, pending: 1, refused: 1 })
    expect(await docSyncState('cpd', 'mine', db)).toEqual({ version: 0, pending: 0, refused: 0 })
  })
})

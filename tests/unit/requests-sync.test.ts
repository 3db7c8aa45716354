/**
 * Skill-share requests through the sync engine and the in-memory server (which asks, as the
 * Firebase transport does, only for documents whose `parties` name the caller): each member's
 * device holds exactly their own requests, and a device that pulled requests before that filter
 * existed drops the ones it may no longer read at its next pull.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Caller } from '@/domain/collections'
import { createDb, type HubDb } from '@/db/database'
import { SyncEngine } from '@/sync/engine'
import { MemoryServer, memoryTransport } from '../support/memory-server'

const INST = 'inst-req'
const learner: Caller = { uid: 'u-learner', institutionId: INST, role: 'technician' }
const teacher: Caller = { uid: 'u-teacher', institutionId: INST, role: 'technician' }
const lead: Caller = { uid: 'u-lead', institutionId: INST, role: 'lead' }

const dbs: HubDb[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

function device(server: MemoryServer, caller: Caller) {
  const db = createDb(`requests-sync-${caller.uid}-${crypto.randomUUID()}`)
  dbs.push(db)
  const engine = new SyncEngine({ db, transport: memoryTransport(server, caller), collections: () => ['requests'], pageSize: 2 })
  return { db, engine }
}

function ask(server: MemoryServer, from: Caller, to: Caller, id: string) {
  const payload = {
    learnerUid: from.uid,
    teacherUid: to.uid,
    skillId: 'pcr',
    skillName: 'PCR',
    message: '',
    format: 'demo',
    state: 'pending',
    history: { pending: 1 },
  }
  const [result] = server.push(from, [
    { mutationId: `m-${id}-0001`, collection: 'requests', docId: id, op: 'put', payload, clientTime: 1 },
  ]).results
  expect(result?.status).toBe('applied')
}

describe('requests sync to their two parties only', () => {
  it('pages each member through their own requests and nobody else’s', async () => {
    const server = new MemoryServer()
    for (let i = 0; i < 5; i++) {
      ask(server, learner, teacher, `req-mine-${i}`)
      ask(server, lead, teacher, `req-lead-${i}`)
    }
    const l = device(server, learner)
    const t = device(server, teacher)
    const boss = device(server, lead)
    await Promise.all([l.engine.pull(), t.engine.pull(), boss.engine.pull()])
    expect((await l.db.requests.toCollection().primaryKeys()).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `req-mine-${i}`))
    expect(await t.db.requests.count()).toBe(10)
    expect((await boss.db.requests.toCollection().primaryKeys()).every((id) => String(id).startsWith('req-lead-'))).toBe(true)
  })

  it('a device that pulled every request before the filter drops the others’ at its next pull', async () => {
    const server = new MemoryServer()
    ask(server, lead, teacher, 'req-theirs')
    ask(server, lead, learner, 'req-mine')
    const l = device(server, learner)
    await l.engine.pull()
    // As an older app left it: someone else's request, and a checkpoint past everything, unfiltered.
    const theirs = server.pull(teacher, 'requests', null, 10).find((d) => d.id === 'req-theirs')!
    await l.db.requests.put(theirs as never)
    const cp = (await l.db.checkpoints.get('requests'))!
    await l.db.checkpoints.put({ ...cp, filter: undefined })
    await l.engine.pull()
    expect(await l.db.requests.toCollection().primaryKeys()).toEqual(['req-mine'])
    expect((await l.db.checkpoints.get('requests'))?.filter).toBe('parties')
  })
})

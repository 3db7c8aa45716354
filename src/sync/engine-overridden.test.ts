/**
 * Issue 12, item 3 on the client: a change the server committed but that lost a merge comes back
 * "overridden"; the engine never counts it as applied, keeps it for its author with who and which
 * device made the newer change (shown in Account → Sync like a refusal), and rebuilds the view.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { createRepos } from '@/db/repos'
import type { Mutation, MutationResult } from '@/domain/sync'
import { SyncEngine } from './engine'
import type { SyncTransport } from './ports'

let db: HubDb
beforeEach(async () => {
  db = createDb(`engine-overridden-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

describe('an overridden change', () => {
  it('is kept for its author with who and which device won, and is not counted as applied', async () => {
    const base = {
      id: 'cpd-1',
      title: 'Laptop title',
      startDate: '2026-01-05',
      hours: 6,
      type: 'formal' as const,
      skillIds: [],
      evidenceIds: [],
      updatedAt: 10,
      version: 2,
      deleted: false,
      lastMutationId: 'm-laptop',
    }
    await db.cpd.put(base)
    const repos = createRepos({ db })
    await repos.cpd.patch('cpd-1', { title: 'Phone title' })
    let sent: Mutation[] = []
    const transport: SyncTransport = {
      push: async (mutations) => {
        sent = mutations
        const results: MutationResult[] = mutations.map((m) => ({
          mutationId: m.mutationId,
          status: 'overridden',
          docId: m.docId,
          version: 3,
          updatedAt: 20,
          code: 'overridden',
          message: 'Overridden by a newer change on Windows computer: title',
          fields: ['title'],
          by: { uid: 'u-tech', samePerson: true, deviceName: 'Windows computer' },
        }))
        return { results }
      },
      pull: async () => [],
    }
    const summary = await new SyncEngine({ db, transport, collections: () => ['cpd'] }).push()
    expect(sent[0]).toMatchObject({ op: 'patch', payload: { title: 'Phone title' }, baseVersion: 2 })
    expect(sent[0]?.device?.id).toBeTruthy()
    expect(summary).toMatchObject({ applied: 0, rejected: 0, overridden: 1 })
    expect(await db.outbox.count()).toBe(0)
    expect(await db.rejections.toArray()).toEqual([
      expect.objectContaining({
        code: 'overridden',
        message: 'Overridden by a newer change on Windows computer: title',
        fields: ['title'],
        by: { uid: 'u-tech', samePerson: true, deviceName: 'Windows computer' },
        payload: { title: 'Phone title' },
      }),
    ])
    // The local view goes back to the server's copy until the next pull brings the newer one.
    expect((await db.cpd.get('cpd-1'))?.title).toBe('Laptop title')
  })
})

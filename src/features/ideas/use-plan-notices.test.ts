import { describe, expect, it } from 'vitest'
import { createDb } from '@/db/database'
import { createReads } from '@/db/read'
import { loadPlanNotices } from './use-plan-notices'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }

describe('loadPlanNotices', () => {
  it('tells a member about RAG changes on actions they commented on, after their comment and since they last looked', async () => {
    const db = createDb(`notices-${crypto.randomUUID()}`)
    await db.actions.bulkPut([
      { ...meta, id: 'a1', code: 'V1' },
      { ...meta, id: 'a2', code: 'V2' },
    ] as never)
    await db.comments.bulkPut([
      { ...meta, id: 'c1', authorUid: 'u1', authorName: 'Robin', targetType: 'action', targetId: 'a1', body: 'Yes', createdAt: 10 },
      { ...meta, id: 'c2', authorUid: 'u2', authorName: 'Sam', targetType: 'action', targetId: 'a2', body: 'No', createdAt: 10 },
    ])
    await db.ragChanges.bulkPut([
      { ...meta, id: 'r1', actionId: 'a1', status: 'amber', rationale: '', at: 20, byUid: 'lead' },
      { ...meta, id: 'r2', actionId: 'a2', status: 'green', rationale: '', at: 20, byUid: 'lead' },
    ])
    const reads = createReads(db)
    const notices = await loadPlanNotices(reads, 'u1', async () => undefined)
    expect(notices.map((n) => [n.action.code, n.change.status])).toEqual([['V1', 'amber']])
    expect(await loadPlanNotices(reads, 'u1', async () => 30)).toEqual([])
    db.close()
  })
})

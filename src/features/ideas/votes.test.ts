import { describe, expect, it } from 'vitest'
import { createDb } from '@/db/database'
import { createRepos } from '@/db/repos'
import { toggleVote, voteId } from './votes'

describe('toggleVote', () => {
  it('votes once under a deterministic id, withdraws, and votes again', async () => {
    const db = createDb(`votes-${crypto.randomUUID()}`)
    const repos = createRepos({ db, now: () => 1000 })
    expect(voteId('idea-1', 'u1')).toBe('idea-1__u1')
    expect(await toggleVote(repos, 'idea-1', 'u1', 5)).toBe('voted')
    expect(await db.votes.get('idea-1__u1')).toMatchObject({ ideaId: 'idea-1', voterUid: 'u1', createdAt: 5 })
    expect(await toggleVote(repos, 'idea-1', 'u1')).toBe('withdrawn')
    expect(await db.votes.get('idea-1__u1')).toBeUndefined()
    expect(await toggleVote(repos, 'idea-1', 'u1')).toBe('voted')
    const outbox = await db.outbox.orderBy('seq').toArray()
    expect(outbox.map((r) => [r.collection, r.docId, r.op])).toEqual([
      ['votes', 'idea-1__u1', 'put'],
      ['votes', 'idea-1__u1', 'delete'],
      ['votes', 'idea-1__u1', 'put'],
    ])
    db.close()
  })
})

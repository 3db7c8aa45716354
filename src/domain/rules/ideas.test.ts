import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Comment } from '../entities'
import { hasVoted, rankIdeas, tallyVotes, technicianVoiceCounts, youSaidWeDid } from './ideas'
import { action, idea, meta, vote } from '../../../tests/support/rule-fixtures'

describe('tallyVotes', () => {
  it('counts each member once per idea and ignores withdrawn votes', () => {
    const votes = [
      vote('i1', 'u1'),
      vote('i1', 'u1', { id: 'replayed' }),
      vote('i1', 'u2'),
      vote('i1', 'u3', { deleted: true }),
      vote('i2', 'u1'),
    ]
    expect(tallyVotes(votes)).toEqual(
      new Map([
        ['i1', 2],
        ['i2', 1],
      ]),
    )
    expect(hasVoted(votes, 'i1', 'u3')).toBe(false)
    expect(hasVoted(votes, 'i2', 'u1')).toBe(true)
  })

  it('never counts more votes than distinct members (property)', () => {
    const v = fc.record({ ideaId: fc.constantFrom('a', 'b'), voterUid: fc.constantFrom('u1', 'u2', 'u3'), deleted: fc.boolean() })
    fc.assert(
      fc.property(fc.array(v), (raw) => {
        const votes = raw.map((x) => vote(x.ideaId, x.voterUid, { deleted: x.deleted }))
        for (const [ideaId, n] of tallyVotes(votes)) {
          const members = new Set(votes.filter((x) => x.ideaId === ideaId && !x.deleted).map((x) => x.voterUid))
          expect(n).toBe(members.size)
        }
      }),
    )
  })
})

describe('rankIdeas', () => {
  it('puts the most voted first, then the oldest', () => {
    const ideas = [
      idea('old', { createdAt: 1 }),
      idea('new', { createdAt: 5 }),
      idea('popular', { createdAt: 9 }),
      idea('gone', { deleted: true }),
    ]
    const votes = [vote('popular', 'u1'), vote('popular', 'u2'), vote('new', 'u1'), vote('old', 'u3')]
    expect(rankIdeas(ideas, votes).map((r) => [r.idea.id, r.votes])).toEqual([
      ['popular', 2],
      ['old', 1],
      ['new', 1],
    ])
    expect(rankIdeas([...ideas, idea('done', { status: 'adopted' })], votes, 'adopted').map((r) => r.idea.id)).toEqual(['done'])
  })
})

describe('youSaidWeDid', () => {
  it('lists adopted ideas with their action, latest first', () => {
    const ideas = [
      idea('i1', { status: 'adopted', adoptedActionId: 'a1', response: 'Now action S1', updatedAt: 10 }),
      idea('i2', { status: 'adopted', updatedAt: 20 }),
      idea('i3', { status: 'open' }),
      idea('i4', { status: 'adopted', adoptedActionId: 'deleted-action', updatedAt: 5 }),
    ]
    const actions = [action('a1', { code: 'S1' }), action('deleted-action', { deleted: true })]
    const list = youSaidWeDid(ideas, actions, [vote('i1', 'u1')])
    expect(list.map((x) => [x.idea.id, x.action?.code ?? null, x.votes])).toEqual([
      ['i2', null, 0],
      ['i1', 'S1', 1],
      ['i4', null, 0],
    ])
  })
})

describe('technicianVoiceCounts', () => {
  const comment = (id: string, authorUid: string, createdAt: number): Comment => ({
    ...meta(id),
    authorUid,
    authorName: 'A colleague',
    targetType: 'action',
    targetId: 'a1',
    body: 'Good idea',
    createdAt,
  })
  it('counts what was created in the window, with distinct contributors', () => {
    const data = {
      ideas: [idea('i1', { authorUid: 'u1', createdAt: 100, status: 'adopted' }), idea('i2', { authorUid: 'u2', createdAt: 5_000 })],
      comments: [comment('c1', 'u3', 150), comment('c2', 'u1', 160), { ...comment('c3', 'u4', 170), deleted: true }],
      votes: [vote('i1', 'u2', { createdAt: 200 }), vote('i1', 'u5', { createdAt: 300 }), vote('i1', 'u6', { createdAt: 9_000 })],
    }
    expect(technicianVoiceCounts(data, { from: 0, to: 1_000 })).toEqual({
      ideas: 1,
      comments: 2,
      votes: 2,
      adoptedIdeas: 1,
      contributors: 4,
    })
    expect(technicianVoiceCounts(data)).toMatchObject({ ideas: 2, votes: 3, contributors: 5 })
  })
})

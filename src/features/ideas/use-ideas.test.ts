import { describe, expect, it } from 'vitest'
import { createDb } from '@/db/database'
import { createReads } from '@/db/read'
import { loadIdeas } from './use-ideas'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const idea = (id: string, extra: object = {}) => ({
  ...meta,
  id,
  authorUid: 'u1',
  title: id,
  body: '',
  status: 'open' as const,
  createdAt: 1,
  ...extra,
})

describe('loadIdeas', () => {
  it('gives an action the ideas about it and those adopted as it, with live votes and names', async () => {
    const db = createDb(`ideas-${crypto.randomUUID()}`)
    await db.ideas.bulkPut([
      idea('about', { actionId: 'a1' }),
      idea('became', { status: 'adopted', adoptedActionId: 'a1' }),
      idea('other'),
      idea('gone', { actionId: 'a1', deleted: true }),
    ])
    await db.votes.bulkPut([
      { ...meta, id: 'about__u2', ideaId: 'about', voterUid: 'u2', createdAt: 1 },
      { ...meta, id: 'about__u3', ideaId: 'about', voterUid: 'u3', createdAt: 1, deleted: true },
    ])
    await db.members.put({
      ...meta,
      id: 'u1',
      institutionId: 'i',
      displayName: 'Robin',
      email: 'r@example.ac.uk',
      role: 'technician',
      visibility: 'institution',
      skills: [],
      joinedAt: 1,
    })
    const data = await loadIdeas(createReads(db), 'a1')
    expect(data.ideas.map((i) => i.id).sort()).toEqual(['about', 'became'])
    expect(data.votes.map((v) => v.id)).toEqual(['about__u2'])
    expect(data.names.get('u1')).toBe('Robin')
    expect((await loadIdeas(createReads(db))).ideas).toHaveLength(3)
    db.close()
  })
})

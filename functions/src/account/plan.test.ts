import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { VoteSchema } from '@/domain/entities'
import { validate } from '@/domain/validation'
import {
  anonymousVote,
  AUTHOR_FIELDS,
  CONFIRM_PHRASE,
  DeleteInputSchema,
  FORMER_MEMBER,
  nextVersion,
  remainingReaders,
  tombstone,
  writersWithout,
} from './plan'

describe('account deletion plan', () => {
  it('needs the confirmation phrase and nothing else', () => {
    expect(v.safeParse(DeleteInputSchema, { confirm: CONFIRM_PHRASE }).success).toBe(true)
    expect(v.safeParse(DeleteInputSchema, { confirm: 'yes' }).success).toBe(false)
    expect(v.safeParse(DeleteInputSchema, { confirm: CONFIRM_PHRASE, uid: 'someone-else' }).success).toBe(false)
  })
  it('writes tombstones that keep nothing but the id', () => {
    expect(tombstone('r1', { version: 3 }, 99)).toEqual({ id: 'r1', deleted: true, version: 4, lastMutationId: null, _deletedAt: 99 })
    expect(tombstone('r1', undefined, 99).version).toBe(1)
    expect(nextVersion({ version: 'x' })).toBe(1)
  })

  it('keeps only the other party in a request’s tombstone, so it reaches them and not the leaver', () => {
    const readers = remainingReaders('requests', { learnerUid: 'leaver', teacherUid: 'colleague' }, 'leaver')
    expect(readers).toEqual({ parties: ['colleague'] })
    expect(tombstone('r1', { version: 1 }, 99, readers)).toEqual({
      id: 'r1',
      deleted: true,
      version: 2,
      lastMutationId: null,
      _deletedAt: 99,
      parties: ['colleague'],
    })
    expect(remainingReaders('ideas', { authorUid: 'leaver' }, 'leaver')).toBeUndefined()
  })
  it('keeps a vote countable without its voter', () => {
    const out = anonymousVote({ ideaId: 'idea-1', createdAt: 5 }, 'a1b2c3d4e5f6', 9)!
    expect(out.id).toBe('idea-1__anon-a1b2c3d4e5f6')
    expect(out.doc).toMatchObject({ ideaId: 'idea-1', voterUid: 'anon-a1b2c3d4e5f6', createdAt: 5 })
    expect(validate(VoteSchema, { ...out.doc, updatedAt: 1 }).ok).toBe(true)
    expect(anonymousVote({ ideaId: 7 }, 'a1b2c3d4e5f6', 9)).toBeNull()
  })
  it('anonymises to an id the schemas accept', () => {
    expect(FORMER_MEMBER).toMatch(/^[\w.-]+$/)
    expect(new Set(AUTHOR_FIELDS.map((a) => a.collection)).size).toBe(AUTHOR_FIELDS.length)
  })
})

describe('writersWithout', () => {
  it('makes the leaver’s field records the former member’s, without their device, and leaves others', () => {
    const by = { title: { v: 3, uid: 'leaver', d: 'dev-1', n: 'Android phone' }, body: { v: 2, uid: 'stays' } }
    expect(writersWithout(by, 'leaver')).toEqual({ title: { v: 3, uid: FORMER_MEMBER }, body: { v: 2, uid: 'stays' } })
    expect(writersWithout(by, 'nobody')).toBeNull()
    expect(writersWithout(undefined, 'leaver')).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import type { Comment, PlanAction, RagChange } from '@/domain/entities'
import { statusNotices } from './notices'

const meta = { updatedAt: 0, version: 1, deleted: false, lastMutationId: null }
const action = (id: string): PlanAction => ({
  ...meta,
  id,
  planId: 'p',
  code: 'V1',
  themes: ['visibility'],
  activity: id,
  measures: [],
  timeframe: '',
  owner: '',
})
const comment = (
  id: string,
  targetId: string,
  createdAt: number,
  authorUid = 'me',
  targetType: Comment['targetType'] = 'action',
): Comment => ({
  ...meta,
  id,
  authorUid,
  authorName: 'Me',
  targetType,
  targetId,
  body: 'Hi',
  createdAt,
})
const change = (id: string, actionId: string, status: RagChange['status'], at: number, byUid = 'lead'): RagChange => ({
  ...meta,
  id,
  actionId,
  status,
  rationale: 'r',
  at,
  byUid,
})

describe('statusNotices', () => {
  const actions = [action('a1'), action('a2'), action('a3')]

  it('tells a commenter about status changes after their comment, newest first', () => {
    const notices = statusNotices('me', {
      actions,
      comments: [comment('c1', 'a1', 100), comment('c2', 'a2', 100), comment('c3', 'a1', 300)],
      changes: [
        change('r1', 'a1', 'amber', 50),
        change('r2', 'a1', 'green', 200),
        change('r3', 'a2', 'red', 400),
        change('r4', 'a3', 'green', 500),
      ],
    })
    expect(notices.map((n) => [n.action.id, n.from, n.change.status])).toEqual([
      ['a2', null, 'red'],
      ['a1', 'amber', 'green'],
    ])
  })

  it('ignores re-rating at the same status, changes before the comment, own changes and dismissed ones', () => {
    const data = {
      actions,
      comments: [comment('c1', 'a1', 100), comment('c2', 'a2', 100, 'me', 'idea'), comment('c3', 'a3', 100, 'other')],
      changes: [
        change('r1', 'a1', 'amber', 50),
        change('r2', 'a1', 'amber', 200),
        change('r3', 'a2', 'red', 400),
        change('r4', 'a3', 'red', 400),
      ],
    }
    expect(statusNotices('me', data)).toEqual([])
    const later = { ...data, changes: [...data.changes, change('r5', 'a1', 'green', 600)] }
    expect(statusNotices('me', later, 700)).toEqual([])
    expect(statusNotices('me', later, 550)).toHaveLength(1)
    expect(statusNotices('me', { ...later, changes: [...data.changes, change('r5', 'a1', 'green', 600, 'me')] })).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { createDb } from '@/db/database'
import { createReads } from '@/db/read'
import { plan } from '../../../tests/support/rule-fixtures'
import { loadActionEdit } from './action-edit'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }

describe('loadActionEdit', () => {
  it('prefills a new action from the idea it is promoted from', async () => {
    const db = createDb(`edit-${crypto.randomUUID()}`)
    await db.plans.put(plan('p1'))
    await db.actions.bulkPut([
      { ...meta, id: 'a1', planId: 'p1', code: 'CD2', themes: ['career'], activity: 'Shadowing', measures: [], timeframe: '', owner: '' },
      {
        ...meta,
        id: 'a2',
        planId: 'p1',
        code: 'V9',
        themes: ['visibility'],
        activity: 'Gone',
        measures: [],
        timeframe: '',
        owner: '',
        deleted: true,
      },
    ])
    await db.ideas.put({
      ...meta,
      id: 'i1',
      authorUid: 'u',
      title: 'Shadowing week',
      body: 'A day elsewhere',
      actionId: 'a1',
      status: 'open',
      createdAt: 1,
    })
    const data = await loadActionEdit({ actionId: 'new', planId: 'p1', ideaId: 'i1' }, createReads(db))
    expect(data.plan?.id).toBe('p1')
    expect(data.siblings.map((a) => a.id)).toEqual(['a1'])
    expect(data.prefill).toEqual({ activity: 'Shadowing week: A day elsewhere', themes: ['career'] })
    const edit = await loadActionEdit({ actionId: 'a1' }, createReads(db))
    expect(edit.action?.code).toBe('CD2')
    expect((await loadActionEdit({ actionId: 'new' }, createReads(db))).plan).toBeNull()
    db.close()
  })
})

import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { i18n } from '@/i18n'
import { i18nFor } from '../../../tests/support/i18n'
import { collectMyData, myDataCsv } from './export'

const t = (key: string) => i18n.global.t(key)

const meta = (id: string) => ({ id, updatedAt: 5, version: 2, deleted: false, lastMutationId: 'm1' })
let db: HubDb
afterEach(() => db?.close())

describe('collectMyData', () => {
  it('takes my own tree and the shared documents that name me, nobody else’s', async () => {
    db = createDb(`mydata-${Math.random()}`)
    await db.profiles.put({
      ...meta('me'),
      institutionId: 'inst',
      displayName: 'Me',
      email: 'me@example.ac.uk',
      role: 'technician',
      visibility: 'institution',
      skills: [],
      joinedAt: 1,
      gradeBand: 'Grade 5',
    })
    await db.cpd.put({
      ...meta('c1'),
      title: 'Course, with a comma',
      startDate: '2026-01-01',
      hours: 2,
      type: 'formal',
      skillIds: [],
      evidenceIds: [],
    })
    // A tombstone left by an older version of the app is not "about me" any more.
    await db.cpd.put({
      ...meta('c-gone'),
      deleted: true,
      title: 'Deleted entry',
      startDate: '2026-01-02',
      hours: 1,
      type: 'formal',
      skillIds: [],
      evidenceIds: [],
    })
    await db.requests.bulkPut([
      {
        ...meta('r1'),
        learnerUid: 'me',
        teacherUid: 'them',
        skillId: 'pcr',
        skillName: 'PCR',
        message: '',
        format: 'call',
        state: 'pending',
        history: { pending: 1 },
      },
      {
        ...meta('r2'),
        learnerUid: 'x',
        teacherUid: 'y',
        skillId: 'pcr',
        skillName: 'PCR',
        message: '',
        format: 'call',
        state: 'pending',
        history: { pending: 1 },
      },
    ])
    await db.votes.bulkPut([
      { ...meta('i1__me'), ideaId: 'i1', voterUid: 'me', createdAt: 1 },
      { ...meta('i1__x'), ideaId: 'i1', voterUid: 'x', createdAt: 1 },
    ])
    await db.members.put({
      ...meta('x'),
      institutionId: 'inst',
      displayName: 'X',
      email: 'x@example.ac.uk',
      role: 'technician',
      visibility: 'institution',
      skills: [],
      joinedAt: 1,
    })

    const data = await collectMyData(db, 'me', Date.UTC(2026, 10, 23))
    expect(data.exportedAt).toBe('2026-11-23T00:00:00.000Z')
    expect(Object.keys(data.collections).sort()).toEqual(['cpd', 'profiles', 'requests', 'votes'])
    expect(data.collections.requests!.map((r) => r.id)).toEqual(['r1'])
    expect(data.collections.votes!.map((r) => r.id)).toEqual(['i1__me'])
    expect(data.collections.profiles![0]).toMatchObject({ gradeBand: 'Grade 5' })
    expect(data.collections.profiles![0]).not.toHaveProperty('lastMutationId')
    expect(data.collections.cpd!.map((e) => e.id)).toEqual(['c1'])

    await i18nFor('en')
    const rows = Papa.parse<string[]>(myDataCsv(data, t), { skipEmptyLines: true }).data
    expect(rows[0]).toEqual(['Collection', 'Document', 'Field', 'Value'])
    expect(rows).toContainEqual(['cpd', 'c1', 'title', 'Course, with a comma'])
    expect(rows).toContainEqual(['requests', 'r1', 'history', '{"pending":1}'])

    // In Welsh, the headings are Welsh; the data stays as it is.
    await i18nFor('cy')
    const welsh = Papa.parse<string[]>(myDataCsv(data, t), { skipEmptyLines: true }).data
    expect(welsh[0]).toEqual(['Casgliad', 'Dogfen', 'Maes', 'Gwerth'])
    expect(welsh).toContainEqual(['cpd', 'c1', 'title', 'Course, with a comma'])
  })
})

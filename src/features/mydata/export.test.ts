import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { i18n } from '@/i18n'
import type { SkillShareRequest } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import { cpdActivity, member, request } from '../../../tests/support/rule-fixtures'
import { collectMyData, myDataCsv } from './export'
import { myDataZip } from './export-zip'

const t = (key: string, named: Record<string, unknown> = {}) => i18n.global.t(key, named)

const meta = (id: string) => ({ id, updatedAt: 5, version: 2, deleted: false, lastMutationId: 'm1' })
/** A technician of `inst` listed in the directory, named `displayName`. */
const colleague = (uid: string, displayName: string) =>
  member(uid, { ...meta(uid), displayName, email: `${uid}@example.ac.uk`, joinedAt: 1 })
/** A pending skill-share call from `learnerUid` to `teacherUid`, saying nothing. */
const call = (id: string, learnerUid: string, teacherUid: string, fields: Partial<SkillShareRequest> = {}) =>
  request(id, { ...meta(id), learnerUid, teacherUid, message: '', format: 'call', history: { pending: 1 }, ...fields })
let db: HubDb
afterEach(() => db?.close())

describe('collectMyData', () => {
  it('takes my own tree and the shared documents that name me, nobody else’s', async () => {
    db = createDb(`mydata-${Math.random()}`)
    await db.profiles.put({ ...colleague('me', 'Me'), gradeBand: 'Grade 5' })
    await db.cpd.put(cpdActivity('c1', 'Course, with a comma', '2026-01-01', meta('c1')))
    // A tombstone left by an older version of the app is not "about me" any more.
    await db.cpd.put(cpdActivity('c-gone', 'Deleted entry', '2026-01-02', { ...meta('c-gone'), deleted: true, hours: 1 }))
    await db.requests.bulkPut([call('r1', 'me', 'them'), call('r2', 'x', 'y')])
    await db.votes.bulkPut([
      { ...meta('i1__me'), ideaId: 'i1', voterUid: 'me', createdAt: 1 },
      { ...meta('i1__x'), ideaId: 'i1', voterUid: 'x', createdAt: 1 },
    ])
    await db.members.put(colleague('x', 'X'))

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
    expect(rows).toContainEqual(['requests', 'r1', 'history', '{"pending":"1970-01-01T00:00:00.001Z"}'])

    // In Welsh, the headings are Welsh; the data stays as it is.
    await i18nFor('cy')
    const welsh = Papa.parse<string[]>(myDataCsv(data, t), { skipEmptyLines: true }).data
    expect(welsh[0]).toEqual(['Casgliad', 'Dogfen', 'Maes', 'Gwerth'])
    expect(welsh).toContainEqual(['cpd', 'c1', 'title', 'Course, with a comma'])
  })
})

describe('the export is readable and whole', () => {
  const at = Date.UTC(2026, 10, 23, 14, 5, 9)

  it('gives every time as an ISO date-time, not epoch milliseconds', async () => {
    db = createDb(`mydata-${Math.random()}`)
    await db.cpd.put(cpdActivity('c1', 'Course', '2026-01-01', { ...meta('c1'), updatedAt: at }))
    await db.requests.put(call('r1', 'me', 'them', { updatedAt: at, state: 'accepted', history: { pending: at - 60_000, accepted: at } }))
    const data = await collectMyData(db, 'me', at)
    expect(data.collections.cpd![0]).toMatchObject({ updatedAt: '2026-11-23T14:05:09.000Z', startDate: '2026-01-01', hours: 2 })
    expect(data.collections.requests![0]).toMatchObject({
      updatedAt: '2026-11-23T14:05:09.000Z',
      history: { pending: '2026-11-23T14:04:09.000Z', accepted: '2026-11-23T14:05:09.000Z' },
    })
    await i18nFor('en')
    expect(myDataCsv(data, t)).not.toMatch(/\b1\d{12}\b/)
  })

  it('is one ZIP with the JSON, the CSV and the evidence files themselves, listing any it could not include', async () => {
    await i18nFor('en')
    const data = {
      exportedAt: new Date(at).toISOString(),
      uid: 'me',
      collections: { cpd: [{ id: 'c1', title: 'Course' }] },
    }
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])
    const { blob, included, missing } = await myDataZip(
      data,
      [
        { id: 'e1', name: 'certificate.jpg' },
        { id: 'e2', name: 'notes.pdf' },
      ],
      { load: async (id) => (id === 'e1' ? { name: 'certificate.jpg', bytes: photo } : Promise.reject(new Error('Not on this device'))) },
      t,
    )
    expect([included, missing]).toEqual([1, ['notes.pdf']])
    const { unzipSync, strFromU8 } = await import('fflate')
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual(['evidence/certificate.jpg', 'evidence/index.csv', 'my-data.csv', 'my-data.json'])
    expect(JSON.parse(strFromU8(files['my-data.json']!))).toEqual(data)
    expect(strFromU8(files['my-data.csv']!)).toContain('cpd,c1,title,Course')
    expect([...files['evidence/certificate.jpg']!]).toEqual([...photo])
    const index = Papa.parse<string[]>(strFromU8(files['evidence/index.csv']!).replace(/^\ufeff/, ''), { skipEmptyLines: true }).data
    expect(index).toEqual([
      ['File', 'Included'],
      ['evidence/certificate.jpg', 'Yes'],
      ['notes.pdf', 'No: Not on this device'],
    ])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keepEvidence } from '@/evidence-engine/queue'
import { createDb, type HubDb } from '@/db/database'
import { createRepos, type Repos } from '@/db/repos'
import { ValidationError } from '@/domain/validation'
import { deleteCpdEntry, saveCpdEntry } from './save-entry'

let db: HubDb
let repos: Repos
let n = 0
const photo = {
  name: 'bench.jpg',
  contentType: 'image/jpeg' as const,
  size: 3,
  sha256: 'a'.repeat(64),
  bytes: new Uint8Array([0xff, 0xd8, 0xff]),
}
const fields = { title: 'Confocal training', startDate: '2026-11-20', hours: 6, type: 'formal' as const, skillIds: [] }

beforeEach(async () => {
  db = createDb(`save-entry-${n++}`)
  await db.open()
  repos = createRepos({ db })
})
afterEach(async () => {
  db.close()
  await db.delete()
})

describe('saveCpdEntry', () => {
  it('saves the entry, queues its held files and clears the draft together', async () => {
    const kept = await keepEvidence(db, photo, { draftKey: 'cpd:new' })
    const dropped = await keepEvidence(db, photo, { draftKey: 'cpd:new' })
    await db.drafts.put({ key: 'cpd:new', value: { title: 'Confocal' }, savedAt: 1 })
    const entry = await saveCpdEntry({ id: null, fields, draftKey: 'cpd:new', evidenceIds: [kept], removedIds: [] }, { db, repos })
    expect(entry.evidenceIds).toEqual([kept])
    expect(await db.evidenceBlobs.get(kept)).toMatchObject({ state: 'pending', cpdId: entry.id })
    expect(await db.evidenceBlobs.get(dropped)).toBeUndefined()
    expect(await db.drafts.get('cpd:new')).toBeUndefined()
    expect(await db.outbox.where('collection').equals('cpd').count()).toBe(1)
  })

  it('saves nothing at all when the entry is invalid: files stay held, the draft stays', async () => {
    const held = await keepEvidence(db, photo, { draftKey: 'cpd:new' })
    await db.drafts.put({ key: 'cpd:new', value: {}, savedAt: 1 })
    const tooMany = Array.from({ length: 21 }, (_, i) => (i === 0 ? held : `e${i}`))
    await expect(
      saveCpdEntry({ id: null, fields, draftKey: 'cpd:new', evidenceIds: tooMany, removedIds: [] }, { db, repos }),
    ).rejects.toBeInstanceOf(ValidationError)
    expect(await db.cpd.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.evidenceBlobs.get(held)).toMatchObject({ state: 'draft', draftKey: 'cpd:new' })
    expect(await db.drafts.get('cpd:new')).toBeDefined()
  })

  it('queues removal of files taken off a saved entry', async () => {
    const first = await keepEvidence(db, photo, { draftKey: 'cpd:new' })
    const entry = await saveCpdEntry({ id: null, fields, draftKey: 'cpd:new', evidenceIds: [first], removedIds: [] }, { db, repos })
    await db.evidenceBlobs.update(first, { state: 'uploaded' })
    const updated = await saveCpdEntry(
      { id: entry.id, fields: { ...fields, hours: 5 }, draftKey: `cpd:${entry.id}`, evidenceIds: [], removedIds: [first] },
      { db, repos },
    )
    expect(updated).toMatchObject({ hours: 5, evidenceIds: [] })
    expect(await db.evidenceBlobs.get(first)).toMatchObject({ state: 'deleting', bytes: null })
  })
})

describe('deleteCpdEntry', () => {
  it('deletes the entry and drops files that never left the device', async () => {
    const held = await keepEvidence(db, photo, { draftKey: 'cpd:new' })
    const entry = await saveCpdEntry({ id: null, fields, draftKey: 'cpd:new', evidenceIds: [held], removedIds: [] }, { db, repos })
    await deleteCpdEntry(entry.id, { db, repos })
    expect(await db.cpd.get(entry.id)).toBeUndefined()
    expect(await db.evidenceBlobs.count()).toBe(0)
    expect((await db.outbox.toArray()).map((m) => m.op)).toEqual(['put', 'delete'])
  })
})

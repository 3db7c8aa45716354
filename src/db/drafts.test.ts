import { beforeEach, describe, expect, it } from 'vitest'
import { createDb, type EvidenceBlobRow, type HubDb } from './database'
import { deleteDraft, discardDraftAndFiles, readDraft, writeDraft } from './drafts'

let db: HubDb

beforeEach(() => {
  db = createDb(`drafts-${crypto.randomUUID()}`)
})

const heldFile = (id: string, draftKey: string): EvidenceBlobRow => ({
  id,
  cpdId: null,
  draftKey,
  name: `${id}.pdf`,
  contentType: 'application/pdf',
  size: 1,
  sha256: '',
  bytes: null,
  state: 'draft',
  attempts: 0,
  createdAt: 1,
  nextAttemptAt: 0,
})

describe('drafts', () => {
  it('keeps a draft with when it was saved, replaces it, and forgets it', async () => {
    expect(await readDraft('cpd:new', db)).toBeUndefined()
    await writeDraft('cpd:new', { values: { title: 'Confocal' } }, db, 1000)
    await writeDraft('cpd:new', { values: { title: 'Confocal refresher' } }, db, 2000)
    expect(await readDraft('cpd:new', db)).toEqual({ value: { values: { title: 'Confocal refresher' } }, savedAt: 2000 })
    await deleteDraft('cpd:new', db)
    expect(await readDraft('cpd:new', db)).toBeUndefined()
  })

  it('discards a draft and its held files together, or neither when dropping the files fails', async () => {
    await writeDraft('cpd:new', { values: {} }, db)
    await db.evidenceBlobs.bulkPut([heldFile('a', 'cpd:new'), heldFile('b', 'cpd:other')])
    const dropHeld = async (database: HubDb, key: string) => void (await database.evidenceBlobs.where('draftKey').equals(key).delete())
    await expect(
      discardDraftAndFiles(
        'cpd:new',
        async (database, key) => {
          await dropHeld(database, key)
          throw new Error('disk full')
        },
        db,
      ),
    ).rejects.toThrow('disk full')
    expect(await readDraft('cpd:new', db)).toBeDefined()
    expect(await db.evidenceBlobs.count()).toBe(2)
    await discardDraftAndFiles('cpd:new', dropHeld, db)
    expect(await readDraft('cpd:new', db)).toBeUndefined()
    expect((await db.evidenceBlobs.toArray()).map((f) => f.id)).toEqual(['b'])
  })
})

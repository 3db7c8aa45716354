import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COLLECTIONS, COLLECTION_NAMES } from '@/domain/collections'

interface Index {
  collectionGroup: string
  queryScope: 'COLLECTION' | 'COLLECTION_GROUP'
  fields: { fieldPath: string; order?: string; arrayConfig?: string }[]
}

const indexes = (JSON.parse(readFileSync(new URL('../../firestore.indexes.json', import.meta.url), 'utf8')) as { indexes: Index[] }).indexes

describe('firestore.indexes.json', () => {
  // Production Firestore refuses the purge's (deleted == true, updatedAt <) query without these;
  // the emulator does not, so only this test notices a collection added without one.
  it.each(COLLECTION_NAMES)('has the tombstone purge index for %s', (name) => {
    const scope = COLLECTIONS[name].scope === 'root' ? 'COLLECTION' : 'COLLECTION_GROUP'
    const found = indexes.some(
      (i) => i.collectionGroup === name && i.queryScope === scope && i.fields.map((f) => f.fieldPath).join(',') === 'deleted,updatedAt',
    )
    expect(found).toBe(true)
  })

  // A client pulls such a collection with where(readers array-contains uid) orderBy(updatedAt, id):
  // production needs this composite index (the emulator does not).
  it.each(COLLECTION_NAMES.filter((n) => COLLECTIONS[n].readersField))('has the readers pull index for %s', (name) => {
    const field = COLLECTIONS[name].readersField!
    const found = indexes.some(
      (i) =>
        i.collectionGroup === name &&
        i.queryScope === 'COLLECTION' &&
        JSON.stringify(i.fields) ===
          JSON.stringify([
            { fieldPath: field, arrayConfig: 'CONTAINS' },
            { fieldPath: 'updatedAt', order: 'ASCENDING' },
            { fieldPath: '__name__', order: 'ASCENDING' },
          ]),
    )
    expect(found).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import type { EvidenceBlobRow } from '@/db/database'
import type { Evidence } from '@/domain/entities'
import { describeFile, evidenceItem, evidenceSummary } from './evidence-items'

const row = (state: EvidenceBlobRow['state'], extra: Partial<EvidenceBlobRow> = {}): EvidenceBlobRow => ({
  id: 'e1',
  cpdId: 'c1',
  draftKey: null,
  name: 'bench.jpg',
  contentType: 'image/jpeg',
  size: 380 * 1024,
  sha256: 'a'.repeat(64),
  bytes: new Uint8Array(1),
  state,
  attempts: 0,
  createdAt: 1,
  nextAttemptAt: 0,
  ...extra,
})
const doc: Evidence = {
  id: 'e1',
  updatedAt: 1,
  version: 1,
  deleted: false,
  lastMutationId: null,
  name: 'bench.jpg',
  contentType: 'image/jpeg',
  size: 380 * 1024,
  sha256: 'a'.repeat(64),
  chunkCount: 1,
  uploadedAt: 1,
}

describe('evidenceItem', () => {
  it('says what happens to a file at each stage', () => {
    expect(evidenceItem('e1', row('draft'), undefined, true)?.message).toBe('Kept on this device; uploads once the entry is saved')
    expect(evidenceItem('e1', row('pending'), undefined, false)?.message).toMatch(/you are offline/)
    expect(evidenceItem('e1', row('uploading'), undefined, true)?.status).toBe('uploading')
    expect(evidenceItem('e1', row('uploaded'), undefined, true)?.message).toBe('Uploaded')
  })

  it('shows a failed upload with its reason and attempts, and offers a retry', () => {
    const item = evidenceItem('e1', row('failed', { attempts: 2, lastError: 'The server is busy' }), undefined, true)
    expect(item).toMatchObject({ status: 'failed', canRetry: true })
    expect(item?.message).toBe('Upload failed (2 attempts): The server is busy. It will be tried again automatically.')
  })

  it('trusts the synced description: the server has the whole file', () => {
    expect(evidenceItem('e1', row('pending'), doc, true)?.status).toBe('uploaded')
    expect(evidenceItem('e1', undefined, doc, true)).toMatchObject({ status: 'uploaded', local: false })
  })

  it('hides a file being removed, and explains one that is only on another device', () => {
    expect(evidenceItem('e1', row('deleting'), doc, true)).toBeNull()
    expect(evidenceItem('e1', undefined, undefined, true)?.status).toBe('elsewhere')
  })
})

describe('summaries', () => {
  it('describes files and lists', () => {
    expect(describeFile({ contentType: 'application/pdf', size: 2 * 1024 * 1024 })).toBe('PDF · 2 MB')
    const a = evidenceItem('a', row('uploaded'), undefined, true)!
    const b = evidenceItem('b', row('pending'), undefined, true)!
    expect(evidenceSummary([a, b])).toBe('2 files: 1 uploaded, 1 waiting to upload')
    expect(evidenceSummary([])).toBe('')
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceBlobRow } from '@/db/database'
import type { Evidence } from '@/domain/entities'
import { i18n } from '@/i18n'
import { i18nFor } from '../../../../tests/support/i18n'
import type { Composer } from '../cpd-text'
import { describeFile, evidenceItem, noteText, type EvidenceItem } from './evidence-items'

const t = (...args: unknown[]) => (i18n.global.t as (...a: unknown[]) => string)(...args)
const said = (item: EvidenceItem | null) => (item ? noteText(item.note, t as Composer['t']) : null)
beforeAll(async () => {
  await i18nFor('en')
})

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
    expect(said(evidenceItem('e1', row('draft'), undefined, true))).toBe('Kept on this device; uploads once the entry is saved')
    expect(said(evidenceItem('e1', row('pending'), undefined, false))).toMatch(/you are offline/)
    expect(evidenceItem('e1', row('uploading'), undefined, true)?.status).toBe('uploading')
    expect(said(evidenceItem('e1', row('uploaded'), undefined, true))).toBe('Uploaded')
  })

  it('shows a failed upload with its reason and attempts, and offers a retry', () => {
    const item = evidenceItem('e1', row('failed', { attempts: 2, lastError: 'The server is busy' }), undefined, true)
    expect(item).toMatchObject({ status: 'failed', canRetry: true })
    expect(said(item)).toBe('Upload failed (2 attempts): The server is busy. It will be tried again automatically.')
    expect(said(evidenceItem('e1', row('failed', { attempts: 1 }), undefined, true))).toBe(
      'Upload failed (1 attempt): unknown error. It will be tried again automatically.',
    )
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

describe('describeFile', () => {
  it('names the kind of file and its size', () => {
    expect(describeFile({ contentType: 'application/pdf', size: 2 * 1024 * 1024 }, t as Composer['t'])).toBe('PDF · 2 MB')
    expect(describeFile({ contentType: 'image/jpeg', size: 380 * 1024 }, t as Composer['t'])).toBe('Photo · 380 KB')
  })

  it('speaks Welsh in cy', async () => {
    await i18nFor('cy')
    try {
      expect(describeFile({ contentType: 'image/jpeg', size: 380 * 1024 }, t as Composer['t'])).toBe('Llun · 380 KB')
      expect(said(evidenceItem('e1', row('uploaded'), undefined, true))).toBe('Wedi’i lanlwytho')
    } finally {
      await i18nFor('en')
    }
  })
})

import { describe, expect, it } from 'vitest'
import { wordsIn } from '../../../tests/support/errors'
import { EVIDENCE_CHUNK_BYTES, MAX_EVIDENCE_BYTES } from '../entities'
import {
  checkEvidenceFile,
  checkEvidenceSize,
  chunkCount,
  chunkRange,
  formatBytes,
  MAX_PHOTO_INPUT_BYTES,
  nameForType,
  safeFileName,
  sniffContentType,
} from './evidence'

// Verdicts are problems (codes); these tests read them in the English a person sees.
const en = await wordsIn('en')

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])))
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF', 0, 1)
const WEBP = bytes('RIFF', 0, 0, 0, 0, 'WEBP')
const PDF = bytes('%PDF-1.7\n%abc')
const ZIP = bytes('PK', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0)

describe('sniffContentType', () => {
  it('recognises photos and PDFs by their first bytes', () => {
    expect(sniffContentType(PNG)).toBe('image/png')
    expect(sniffContentType(JPEG)).toBe('image/jpeg')
    expect(sniffContentType(WEBP)).toBe('image/webp')
    expect(sniffContentType(PDF)).toBe('application/pdf')
  })

  it('refuses anything else, including a DOCX and too few bytes', () => {
    expect(sniffContentType(ZIP)).toBeNull()
    expect(sniffContentType(bytes('hello world!'))).toBeNull()
    expect(sniffContentType(new Uint8Array(0))).toBeNull()
    expect(sniffContentType(bytes(0xff, 0xd8))).toBeNull()
  })
})

describe('checkEvidenceFile', () => {
  it('sends a photo to compression and keeps its type', () => {
    expect(checkEvidenceFile({ name: 'bench.png', type: 'image/png', size: 9_000_000 }, PNG)).toEqual({
      ok: true,
      kind: 'photo',
      contentType: 'image/png',
    })
  })

  it('accepts a PDF within the limit as it is', () => {
    expect(checkEvidenceFile({ name: 'certificate.pdf', type: 'application/pdf', size: 200_000 }, PDF)).toEqual({
      ok: true,
      kind: 'pdf',
      contentType: 'application/pdf',
    })
  })

  it('refuses a PDF over 5 MB with the size and what to do', () => {
    const verdict = checkEvidenceFile({ name: 'scan.pdf', type: 'application/pdf', size: MAX_EVIDENCE_BYTES + 1 }, PDF)
    expect(verdict.ok).toBe(false)
    expect(!verdict.ok && en(verdict.message)).toMatch(/“scan\.pdf” is 5 MB; files can be at most 5 MB\. Save a smaller copy/)
  })

  it('refuses wrong types whatever the name or the reported type says', () => {
    const docx = checkEvidenceFile(
      { name: 'notes.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 3000 },
      ZIP,
    )
    expect(docx.ok).toBe(false)
    expect(!docx.ok && en(docx.message)).toBe('“notes.docx” is not a photo or a PDF. Attach a photo (JPEG, PNG, WebP) or a PDF.')
    const renamed = checkEvidenceFile({ name: 'photo.jpg', type: 'image/jpeg', size: 3000 }, ZIP)
    expect(renamed.ok).toBe(false)
  })

  it('lets a HEIC photo try compression (Safari can decode it)', () => {
    expect(checkEvidenceFile({ name: 'IMG_0001.HEIC', type: 'image/heic', size: 2_000_000 }, bytes(0, 0, 0, 24, 'ftypheic'))).toEqual({
      ok: true,
      kind: 'photo',
      contentType: null,
    })
  })

  it('refuses empty files and enormous photos', () => {
    const empty = checkEvidenceFile({ name: 'a.png', type: 'image/png', size: 0 }, PNG)
    expect(!empty.ok && en(empty.message)).toBe('“a.png” is empty. Choose another file.')
    const huge = checkEvidenceFile({ name: 'pano.jpg', type: 'image/jpeg', size: MAX_PHOTO_INPUT_BYTES + 1 }, JPEG)
    expect(!huge.ok && en(huge.message)).toContain('too large to attach')
  })
})

describe('sizes and chunks', () => {
  it('allows exactly 5 MB', () => {
    expect(checkEvidenceSize('a.jpg', MAX_EVIDENCE_BYTES)).toBeNull()
    expect(en(checkEvidenceSize('a.jpg', MAX_EVIDENCE_BYTES + 1))).toMatch(/at most 5 MB/)
  })

  it('splits a file into 512 KB chunks, the last one shorter', () => {
    expect(chunkCount(1)).toBe(1)
    expect(chunkCount(EVIDENCE_CHUNK_BYTES)).toBe(1)
    expect(chunkCount(EVIDENCE_CHUNK_BYTES + 1)).toBe(2)
    expect(chunkCount(MAX_EVIDENCE_BYTES)).toBe(10)
    expect(chunkRange(EVIDENCE_CHUNK_BYTES + 10, 1)).toEqual({ start: EVIDENCE_CHUNK_BYTES, end: EVIDENCE_CHUNK_BYTES + 10 })
  })

  it('formats sizes for people', () => {
    expect(formatBytes(12)).toBe('12 bytes')
    expect(formatBytes(380 * 1024)).toBe('380 KB')
    expect(formatBytes(4.25 * 1024 * 1024)).toBe('4.3 MB')
  })
})

describe('file names', () => {
  it('drops paths and control characters and caps the length, keeping the extension', () => {
    expect(safeFileName('C:\\fakepath\\cert\u0007.pdf')).toBe('cert.pdf')
    expect(safeFileName('   ')).toBe('evidence')
    const long = safeFileName(`${'x'.repeat(300)}.pdf`)
    expect(long).toHaveLength(200)
    expect(long.endsWith('.pdf')).toBe(true)
  })

  it('gives a compressed photo the extension of its new type', () => {
    expect(nameForType('IMG_0001.HEIC', 'image/jpeg')).toBe('IMG_0001.jpg')
    expect(nameForType('scan', 'application/pdf')).toBe('scan.pdf')
  })
})

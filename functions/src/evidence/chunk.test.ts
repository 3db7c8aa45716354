import { describe, expect, it } from 'vitest'
import { EVIDENCE_CHUNK_BYTES, MAX_EVIDENCE_BYTES } from '@/domain/entities'
import { checkChunk } from './chunk'

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
function pngOf(size: number): Buffer {
  const bytes = Buffer.alloc(size, 7)
  Buffer.from(PNG_HEAD).copy(bytes)
  return bytes
}
const input = (file: Buffer, index: number, extra: Record<string, unknown> = {}) => {
  const start = index * EVIDENCE_CHUNK_BYTES
  return {
    evidenceId: 'ev-1',
    index,
    name: 'bench.png',
    contentType: 'image/png',
    size: file.length,
    sha256: 'a'.repeat(64),
    data: file.subarray(start, Math.min(file.length, start + EVIDENCE_CHUNK_BYTES)).toString('base64'),
    ...extra,
  }
}

describe('checkChunk', () => {
  it('accepts each chunk of a file in its place, decoded', () => {
    const file = pngOf(EVIDENCE_CHUNK_BYTES + 100)
    const first = checkChunk(input(file, 0))
    expect(first).toMatchObject({ ok: true, count: 2 })
    const last = checkChunk(input(file, 1))
    expect(last.ok && last.bytes.length).toBe(100)
  })

  it('refuses a file over 5 MB before looking further', () => {
    expect(checkChunk({ ...input(pngOf(10), 0), size: MAX_EVIDENCE_BYTES + 1 })).toMatchObject({
      ok: false,
      code: 'too-large',
      field: 'size',
    })
  })

  it('refuses content that is not what its type says, and types that are not evidence', () => {
    const text = Buffer.from('just some text, not a picture')
    expect(checkChunk({ ...input(text, 0) })).toMatchObject({ ok: false, code: 'invalid', field: 'contentType' })
    expect(checkChunk({ ...input(pngOf(10), 0), contentType: 'application/zip' })).toMatchObject({ ok: false, field: 'contentType' })
  })

  it('refuses a chunk of the wrong length, an index past the end and malformed data', () => {
    const file = pngOf(2000)
    expect(checkChunk({ ...input(file, 0), size: 3000 })).toMatchObject({ ok: false, field: 'data' })
    expect(checkChunk(input(file, 1))).toMatchObject({ ok: false, field: 'index' })
    expect(checkChunk({ ...input(file, 0), data: '%%%' })).toMatchObject({ ok: false, field: 'data' })
    expect(checkChunk({ ...input(file, 0), extra: true })).toMatchObject({ ok: false })
    expect(checkChunk(null)).toMatchObject({ ok: false })
  })
})

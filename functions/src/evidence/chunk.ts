/**
 * Pure checks of one evidence chunk upload, before anything is read or written: the shape, the
 * size cap, that the chunk is as long as its place in the file says, and that the file's first
 * bytes are what its type claims.
 */
import * as v from 'valibot'
import { problem } from '@/domain/problems'
import { Id } from '@/domain/common'
import { EVIDENCE_CHUNK_BYTES, EvidenceFields, MAX_EVIDENCE_BYTES } from '@/domain/entities'
import { chunkCount, chunkRange, sniffContentType } from '@/domain/rules/evidence'
import { firstIssue } from '../push/validate'

/** Base64 of a full chunk, with padding. */
const MAX_BASE64 = Math.ceil(EVIDENCE_CHUNK_BYTES / 3) * 4

export const UploadChunkSchema = v.strictObject({
  evidenceId: Id,
  index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(chunkCount(MAX_EVIDENCE_BYTES) - 1)),
  name: EvidenceFields.name,
  contentType: EvidenceFields.contentType,
  size: EvidenceFields.size,
  sha256: EvidenceFields.sha256,
  cpdId: EvidenceFields.cpdId,
  registrationId: EvidenceFields.registrationId,
  competenceId: EvidenceFields.competenceId,
  data: v.pipe(
    v.string(),
    v.maxLength(MAX_BASE64, 'A chunk can be at most 512 KB'),
    v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the chunk as base64'),
  ),
})
export type UploadChunkInput = v.InferOutput<typeof UploadChunkSchema>

export const ReadChunkSchema = v.strictObject({
  evidenceId: Id,
  index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(chunkCount(MAX_EVIDENCE_BYTES) - 1)),
})

export const DeleteEvidenceSchema = v.strictObject({ evidenceId: Id })

export type ChunkCheck =
  | { ok: true; input: UploadChunkInput; bytes: Buffer; count: number }
  | { ok: false; code: 'invalid' | 'too-large'; message: string; field?: string }

/** Validates an upload request and decodes its chunk. */
export function checkChunk(data: unknown): ChunkCheck {
  const size = (data as { size?: unknown } | null)?.size
  if (typeof size === 'number' && size > MAX_EVIDENCE_BYTES) {
    return { ok: false, code: 'too-large', message: problem('fileTooLarge', { mb: 5 }), field: 'size' }
  }
  const parsed = v.safeParse(UploadChunkSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    return { ok: false, code: 'invalid', message: issue.message, ...(issue.field ? { field: issue.field } : {}) }
  }
  const input = parsed.output
  const count = chunkCount(input.size)
  if (input.index >= count) return { ok: false, code: 'invalid', message: problem('invalid'), field: 'index' }
  const bytes = Buffer.from(input.data, 'base64')
  const { start, end } = chunkRange(input.size, input.index)
  if (bytes.length !== end - start) {
    return {
      ok: false,
      code: 'invalid',
      message: problem('invalid'),
      field: 'data',
    }
  }
  if (input.index === 0 && sniffContentType(bytes.subarray(0, 16)) !== input.contentType) {
    return {
      ok: false,
      code: 'invalid',
      message: problem('evidenceContentMismatch'),
      field: 'contentType',
    }
  }
  return { ok: true, input, bytes, count }
}

/**
 * Rules for CPD evidence files, shared by the phone (before a file is kept) and the evidence
 * callables (before a chunk is stored): which files are accepted, how big they may be, how they
 * split into chunks. A file's type is decided by its first bytes, never by its name or the type
 * the browser reports alone.
 */
import { EVIDENCE_CHUNK_BYTES, MAX_EVIDENCE_BYTES, type EvidenceContentType } from '../entities'
import { problem } from '../problems'

/** Photos larger than this are refused before compression is even tried (a phone photo is ~3–12 MB). */
export const MAX_PHOTO_INPUT_BYTES = 40 * 1024 * 1024
/**
 * Photo formats a phone's browser may be able to decode (Safari reads HEIC) though they cannot be
 * stored as they are: compression turns them into a JPEG, or says the photo could not be read.
 */
const CONVERTIBLE_PHOTO_TYPES = new Set(['image/heic', 'image/heif', 'image/gif', 'image/bmp', 'image/avif'])

/** The evidence type of a file from its first bytes (at least 12), or null when it is none of them. */
export function sniffContentType(head: Uint8Array): EvidenceContentType | null {
  const at = (i: number) => head[i]
  const ascii = (from: number, text: string) => [...text].every((c, i) => at(from + i) === c.charCodeAt(0))
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg'
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'image/png'
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp'
  if (ascii(0, '%PDF-')) return 'application/pdf'
  return null
}

/** What to do with a chosen file before it is kept: compress a photo, keep a PDF, or refuse it. */
export type EvidenceFileVerdict =
  | { ok: true; kind: 'photo'; contentType: EvidenceContentType | null }
  | { ok: true; kind: 'pdf'; contentType: 'application/pdf' }
  /** `message`: a problem (`problem()`), worded by the client. */
  | { ok: false; message: string }

/**
 * Checks a chosen file. `type` is what the browser reports, `head` its first bytes. Photos may be
 * large here (they are compressed next and checked again with {@link checkEvidenceSize}); a PDF
 * must already fit.
 */
export function checkEvidenceFile(file: { name: string; type: string; size: number }, head: Uint8Array): EvidenceFileVerdict {
  const name = displayName(file.name)
  if (file.size === 0) return { ok: false, message: problem('evidenceEmpty', { name }) }
  const sniffed = sniffContentType(head)
  if (sniffed === 'application/pdf') {
    const tooBig = checkEvidenceSize(name, file.size)
    return tooBig ? { ok: false, message: tooBig } : { ok: true, kind: 'pdf', contentType: sniffed }
  }
  const photo = sniffed !== null || CONVERTIBLE_PHOTO_TYPES.has(file.type.toLowerCase())
  if (!photo) return { ok: false, message: problem('evidenceNotPhotoOrPdf', { name }) }
  if (file.size > MAX_PHOTO_INPUT_BYTES)
    return {
      ok: false,
      message: problem('evidencePhotoTooLarge', { name, size: formatBytes(file.size), max: formatBytes(MAX_PHOTO_INPUT_BYTES) }),
    }
  return { ok: true, kind: 'photo', contentType: sniffed }
}

/** The problem of a file over the limit (`problem()`), or null when it fits. */
export function checkEvidenceSize(name: string, size: number): string | null {
  if (size <= MAX_EVIDENCE_BYTES) return null
  return problem('evidenceTooLarge', { name: displayName(name), size: formatBytes(size), max: formatBytes(MAX_EVIDENCE_BYTES) })
}

/** How many chunks a file of `size` bytes is stored in. */
export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / EVIDENCE_CHUNK_BYTES))
}

/** The byte range [start, end) of chunk `index` of a file of `size` bytes. */
export function chunkRange(size: number, index: number): { start: number; end: number } {
  const start = index * EVIDENCE_CHUNK_BYTES
  return { start, end: Math.min(size, start + EVIDENCE_CHUNK_BYTES) }
}

/** "4.2 MB", "380 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toString()} MB`
}

/**
 * A file name safe to show and to store (200 characters, no path, no control characters), keeping
 * its extension where it can.
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (!base) return 'evidence'
  if (base.length <= 200) return base
  const dot = base.lastIndexOf('.')
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : ''
  return base.slice(0, 200 - ext.length) + ext
}

/** `path`, or "name (2).ext", "name (3).ext" … when a file of that name is already in `used` (e.g. in a ZIP); adds it to `used`. */
export function uniquePath(path: string, used: Set<string>): string {
  let candidate = path
  const dot = path.lastIndexOf('.')
  for (let n = 2; used.has(candidate); n++)
    candidate = dot > path.lastIndexOf('/') ? `${path.slice(0, dot)} (${n})${path.slice(dot)}` : `${path} (${n})`
  used.add(candidate)
  return candidate
}

/** The file name with the extension that matches its stored type (a compressed photo becomes .jpg). */
export function nameForType(name: string, contentType: EvidenceContentType): string {
  const ext = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'application/pdf': '.pdf' }[contentType]
  const safe = safeFileName(name)
  const dot = safe.lastIndexOf('.')
  const stem = dot > 0 ? safe.slice(0, dot) : safe
  return safeFileName(stem.slice(0, 200 - ext.length) + ext)
}

function displayName(name: string): string {
  const safe = safeFileName(name)
  return safe.length > 60 ? `${safe.slice(0, 57)}…` : safe
}

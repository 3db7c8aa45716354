/**
 * Turns a chosen file into evidence the queue can keep: checked by its first bytes (photos and PDFs
 * only), photos compressed on the phone, capped at 5 MB, hashed. Every refusal is a message for
 * the person, naming the file and what to do.
 */
import type { PreparedEvidence } from '@/evidence-engine/queue'
import { sha256Hex } from '@/evidence-engine/bytes'
import type { EvidenceContentType } from '@/domain/entities'
import { checkEvidenceFile, checkEvidenceSize, nameForType, safeFileName } from '@/domain/rules/evidence'
import { compressPhoto, KEEP_AS_IS_BYTES, MAX_EDGE, photoSize } from './compress-photo'

export class EvidenceFileError extends Error {
  /**
   * `message`: the domain's verdict on the file; `unreadable`: set (to the file's safe name) when
   * the browser could not read it as a photo, worded by the picker in the language shown.
   */
  constructor(
    message: string,
    readonly unreadable?: string,
  ) {
    super(message)
    this.name = 'EvidenceFileError'
  }
}

export async function prepareEvidence(file: File): Promise<PreparedEvidence> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer())
  const verdict = checkEvidenceFile(file, head)
  if (!verdict.ok) throw new EvidenceFileError(verdict.message)
  if (verdict.kind === 'pdf') return finish(file.name, verdict.contentType, new Uint8Array(await file.arrayBuffer()))

  const original = verdict.contentType
  if (original && file.size <= KEEP_AS_IS_BYTES) {
    const small = await photoSize(file).catch(() => null)
    if (small && Math.max(small.width, small.height) <= MAX_EDGE)
      return finish(file.name, original, new Uint8Array(await file.arrayBuffer()))
  }
  let compressed: Blob
  try {
    compressed = (await compressPhoto(file)).blob
  } catch {
    const name = safeFileName(file.name)
    throw new EvidenceFileError(`“${name}” could not be read as a photo on this device.`, name)
  }
  // A photo already well compressed may come out bigger: keep whichever is smaller and storable.
  if (original && file.size <= compressed.size && !checkEvidenceSize(file.name, file.size)) {
    return finish(file.name, original, new Uint8Array(await file.arrayBuffer()))
  }
  return finish(nameForType(file.name, 'image/jpeg'), 'image/jpeg', new Uint8Array(await compressed.arrayBuffer()))
}

async function finish(name: string, contentType: EvidenceContentType, bytes: Uint8Array): Promise<PreparedEvidence> {
  const safe = safeFileName(name)
  const tooBig = checkEvidenceSize(safe, bytes.length)
  if (tooBig) throw new EvidenceFileError(tooBig)
  return { name: safe, contentType, size: bytes.length, sha256: await sha256Hex(bytes), bytes }
}

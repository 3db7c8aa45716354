/**
 * BlobStore over the evidence callables: a file goes up in ≤ 512 KB chunks (base64) to
 * `evidenceUpload`, which stores them under users/{uid}/evidence/{id}/chunks/{n} and, on the last
 * one, checks the whole file's SHA-256 and publishes its description. `evidenceRead` hands the
 * owner's chunks back; `evidenceDelete` removes them. Used with the emulators and in tests, and
 * in production until the Cloud Storage adapter (./storage-blob-store.ts) is switched on.
 */
import { httpsCallable } from 'firebase/functions'
import { BlobStoreError, type BlobStore, type EvidenceFile } from '@/evidence-engine/ports'
import { concatBytes, fromBase64, sha256Hex, toBase64 } from '@/evidence-engine/bytes'
import { chunkCount, chunkRange } from '@/domain/rules/evidence'
import { firebase } from './app'
import { toTransportError } from './errors'

type UploadOutcome = { status: 'stored'; index: number } | { status: 'complete' } | { status: 'incomplete'; missing: number[] }
interface ChunkData {
  index: number
  chunkCount: number
  name: string
  contentType: string
  sha256: string
  data: string
}

/**
 * Server refusals keep their problem (details.problem, worded by the client), else their code; the
 * rest is offline, signed out or a server fault to retry.
 */
export function toBlobStoreError(error: unknown): BlobStoreError {
  const details = (error as { details?: { code?: unknown; problem?: unknown } } | null)?.details
  const code = details?.code
  const message =
    typeof details?.problem === 'string'
      ? details.problem
      : typeof code === 'string'
        ? code
        : error instanceof Error
          ? error.message
          : String(error)
  if (code === 'not-found') return new BlobStoreError(message, 'not-found')
  if (code === 'unauthenticated') return new BlobStoreError(message, 'unauthenticated')
  if (typeof code === 'string') return new BlobStoreError(message, 'refused')
  const transport = toTransportError(error)
  return new BlobStoreError(transport.message, transport.kind)
}

export function createFirestoreBlobStore(instance?: string): BlobStore {
  async function call<O>(name: string, input: object): Promise<O> {
    try {
      return (await httpsCallable<object, O>(firebase(instance).functions, name, { timeout: 120_000 })(input)).data
    } catch (error) {
      throw toBlobStoreError(error)
    }
  }

  async function sendChunk(file: EvidenceFile, index: number): Promise<UploadOutcome> {
    const { start, end } = chunkRange(file.size, index)
    const { id: evidenceId, name, contentType, size, sha256, cpdId, registrationId, competenceId } = file
    return call<UploadOutcome>('evidenceUpload', {
      evidenceId,
      index,
      name,
      contentType,
      size,
      sha256,
      ...(cpdId ? { cpdId } : {}),
      ...(registrationId && competenceId ? { registrationId, competenceId } : {}),
      data: toBase64(file.bytes.subarray(start, end)),
    })
  }

  return {
    async upload(file, onProgress) {
      if (file.bytes.length !== file.size) throw new BlobStoreError('The file on this device is damaged', 'refused')
      const count = chunkCount(file.size)
      let todo = Array.from({ length: count }, (_, i) => i)
      // A round sends what is missing, the last chunk last (it completes the file); two rounds at most.
      for (let round = 0; round < 2; round++) {
        let outcome: UploadOutcome = { status: 'stored', index: -1 }
        for (const index of todo) {
          outcome = await sendChunk(file, index)
          if (outcome.status === 'complete') {
            onProgress?.(file.size, file.size)
            return
          }
          onProgress?.(chunkRange(file.size, index).end, file.size)
        }
        if (outcome.status !== 'incomplete') break
        todo = [...outcome.missing.filter((i) => i !== count - 1), count - 1]
      }
      throw new BlobStoreError('The server did not receive the whole file', 'server')
    },

    async download(id) {
      const first = await call<ChunkData>('evidenceRead', { evidenceId: id, index: 0 })
      const parts = [fromBase64(first.data)]
      for (let index = 1; index < first.chunkCount; index++)
        parts.push(fromBase64((await call<ChunkData>('evidenceRead', { evidenceId: id, index })).data))
      const bytes = concatBytes(parts)
      if ((await sha256Hex(bytes)) !== first.sha256) throw new BlobStoreError('The file came back damaged; try again', 'server')
      return { name: first.name, contentType: first.contentType, bytes }
    },

    async remove(id) {
      await call('evidenceDelete', { evidenceId: id })
    },
  }
}

/** The evidence callables: a member's own CPD evidence files, stored in chunks (see ./evidence.ts). */
import { getDb } from '../firebase'
import { requireLiveUid } from '../live'
import { callerFromClaims } from '../push/authorise'
import { deleteEvidenceCore, readEvidenceChunkCore, uploadEvidenceChunkCore, type ChunkData, type UploadOutcome } from './evidence'
import { onCall } from '../guard'

/** Store one ≤ 512 KB chunk of the caller's file; the last one completes it (checksum checked). */
export const evidenceUpload = onCall<unknown, Promise<UploadOutcome>>({ cors: true, timeoutSeconds: 60, memory: '512MiB' }, async (req) => {
  const uid = await requireLiveUid(req)
  return uploadEvidenceChunkCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})

/** One chunk of the caller's own file, base64. */
export const evidenceRead = onCall<unknown, Promise<ChunkData>>({ cors: true, memory: '512MiB' }, async (req) => {
  const uid = await requireLiveUid(req)
  return readEvidenceChunkCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})

/** Remove the caller's file (chunks deleted, description tombstoned). */
export const evidenceDelete = onCall<unknown, Promise<{ status: 'deleted' }>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return deleteEvidenceCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})

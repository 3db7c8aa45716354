/**
 * Moves queued evidence to the BlobStore: one pass uploads every file due, oldest first, and runs
 * queued removals. A failure is kept on the row (state `failed`, the reason, the attempt count) and
 * retried with backoff; being offline is not a failure, the pass just stops; a file the server
 * refuses for good is marked `refused` with the reason, never dropped.
 */
import type { EvidenceBlobRow, HubDb } from '@/db/database'
import { backoffDelay } from '@/platform/background-job'
import { BlobStoreError, type BlobStore } from './ports'
import { dueWork, resumeInterrupted } from './queue'

export interface UploaderOptions {
  db: HubDb
  store: BlobStore
  now?: () => number
  random?: () => number
  /** Progress of the file being sent, for the UI. */
  onProgress?: (id: string, sent: number, total: number) => void
}

export interface PassSummary {
  uploaded: number
  removed: number
  failed: number
  refused: number
  /** The pass stopped because the network is gone. */
  offline: boolean
}

export interface EvidenceUploader {
  /** One pass over the work due now. */
  runOnce(): Promise<PassSummary>
}

export function createEvidenceUploader(options: UploaderOptions): EvidenceUploader {
  const { db, store } = options
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  let resumed = false

  return { runOnce }

  async function runOnce(): Promise<PassSummary> {
    const summary: PassSummary = { uploaded: 0, removed: 0, failed: 0, refused: 0, offline: false }
    if (!resumed) {
      await resumeInterrupted(db)
      resumed = true
    }
    for (const row of await dueWork(db, now())) {
      const outcome = row.state === 'deleting' ? await removeOne(row) : await uploadOne(row)
      if (outcome === 'offline') {
        summary.offline = true
        break
      }
      if (outcome !== 'skipped') summary[outcome]++
    }
    return summary
  }

  async function uploadOne(row: EvidenceBlobRow): Promise<'uploaded' | 'failed' | 'refused' | 'offline' | 'skipped'> {
    const bytes = row.bytes
    if (!bytes) return settle(row.id, row.state, { state: 'refused', lastError: 'The file is no longer on this device' }, 'refused')
    // Claimed only if still waiting: a removal queued meanwhile wins.
    const claimed = await db.evidenceBlobs
      .where('id')
      .equals(row.id)
      .and((r) => r.state === 'pending' || r.state === 'failed')
      .modify({ state: 'uploading' })
    if (claimed === 0) return 'skipped'
    try {
      await store.upload(
        {
          id: row.id,
          name: row.name,
          contentType: row.contentType,
          size: row.size,
          sha256: row.sha256,
          cpdId: row.cpdId,
          registrationId: row.registrationId ?? null,
          competenceId: row.competenceId ?? null,
          bytes,
        },
        (sent, total) => options.onProgress?.(row.id, sent, total),
      )
      return settle(
        row.id,
        'uploading',
        { state: 'uploaded', uploadedAt: now(), lastError: undefined, attempts: row.attempts + 1 },
        'uploaded',
      )
    } catch (error) {
      const kind = error instanceof BlobStoreError ? error.kind : 'server'
      const message = error instanceof Error ? error.message : String(error)
      if (kind === 'offline') return settle(row.id, 'uploading', { state: 'pending' }, 'offline')
      if (kind === 'refused' || kind === 'not-found')
        return settle(row.id, 'uploading', { state: 'refused', lastError: message, attempts: row.attempts + 1 }, 'refused')
      const attempts = row.attempts + 1
      return settle(
        row.id,
        'uploading',
        { state: 'failed', lastError: message, attempts, nextAttemptAt: now() + backoffDelay(attempts, random) },
        'failed',
      )
    }
  }

  async function removeOne(row: EvidenceBlobRow): Promise<'removed' | 'failed' | 'offline'> {
    try {
      await store.remove(row.id)
      await db.evidenceBlobs
        .where('id')
        .equals(row.id)
        .and((r) => r.state === 'deleting')
        .delete()
      return 'removed'
    } catch (error) {
      if (error instanceof BlobStoreError && error.kind === 'offline') return 'offline'
      const attempts = row.attempts + 1
      const lastError = error instanceof Error ? error.message : String(error)
      await db.evidenceBlobs.update(row.id, { attempts, lastError, nextAttemptAt: now() + backoffDelay(attempts, random) })
      return 'failed'
    }
  }

  /** Records an outcome only if the row is still in the state this pass left it in. */
  async function settle<T>(id: string, from: EvidenceBlobRow['state'], changes: Partial<EvidenceBlobRow>, result: T): Promise<T> {
    await db.evidenceBlobs
      .where('id')
      .equals(id)
      .and((r) => r.state === from)
      .modify(changes)
    return result
  }
}

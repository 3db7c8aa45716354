/**
 * The BlobStore port: where CPD evidence files live on the server, with no Firebase types. The
 * app keeps files in its own queue (Dexie `evidenceBlobs`) and hands them to a BlobStore when it
 * can; `src/platform/firebase/blob-store.ts` stores them as Firestore chunks through callables
 * (emulators, tests, and production until Storage is switched on), and
 * `src/platform/firebase/storage-blob-store.ts` sketches a Cloud Storage adapter for production.
 */
import type { EvidenceContentType } from '@/domain/entities'
import type { CpdStats } from '@/domain/rules/cpd-stats'

/** A file and its description, as it is uploaded. */
export interface EvidenceFile {
  id: string
  name: string
  contentType: EvidenceContentType
  size: number
  /** SHA-256 of `bytes`, lower-case hex: the server checks the whole file against it. */
  sha256: string
  cpdId: string | null
  /** Attached directly to a registration's competence instead of a CPD entry. */
  registrationId?: string | null
  competenceId?: string | null
  bytes: Uint8Array
}

export interface DownloadedEvidence {
  name: string
  contentType: string
  bytes: Uint8Array
}

export interface BlobStore {
  /** Uploads the whole file; resolves once the server holds all of it. Safe to repeat. */
  upload(file: EvidenceFile, onProgress?: (sent: number, total: number) => void): Promise<void>
  /** The owner's file back (no one else can read it). */
  download(id: string): Promise<DownloadedEvidence>
  /** Removes the file from the server; removing a missing file succeeds. */
  remove(id: string): Promise<void>
}

/**
 * Why a BlobStore call failed: `offline` and `server` are retried later, `unauthenticated` waits for
 * a sign-in, `refused` will never succeed as it is (the message says why), `not-found` has no file.
 */
export class BlobStoreError extends Error {
  constructor(
    message: string,
    readonly kind: 'offline' | 'unauthenticated' | 'server' | 'refused' | 'not-found',
  ) {
    super(message)
    this.name = 'BlobStoreError'
  }
}

/** What the CPD feature needs from the backend: evidence files, and the leads' aggregate counts. */
export interface CpdPort {
  evidence: BlobStore
  /** Suppressed CPD and registration counts of the caller's institution (leads and admins only). */
  stats(): Promise<CpdStats>
}

/** Getting an evidence file's bytes: from this device, else (online) from the server, kept for next time. */
import { db as defaultDb, type HubDb } from '@/db/database'
import type { EvidenceContentType } from '@/domain/entities'
import { loadPlatform } from '@/platform/load'

export interface EvidenceBytes {
  name: string
  contentType: string
  bytes: Uint8Array
}

/** The file is described on this device but its bytes are neither here nor (offline) reachable yet. */
export class EvidenceNotHereError extends Error {
  constructor() {
    super('This file is not on this device yet')
    this.name = 'EvidenceNotHereError'
  }
}

export async function loadEvidenceBytes(id: string, options: { db?: HubDb } = {}): Promise<EvidenceBytes> {
  const database = options.db ?? defaultDb
  const row = await database.evidenceBlobs.get(id)
  if (row?.bytes) return { name: row.name, contentType: row.contentType, bytes: row.bytes }
  const doc = await database.evidence.get(id)
  if (!doc || doc.deleted) throw new EvidenceNotHereError()
  const file = await (await loadPlatform()).cpd.evidence.download(id)
  // Kept as an uploaded copy, so it opens and exports offline from now on.
  await database.evidenceBlobs.put({
    id,
    cpdId: doc.cpdId ?? null,
    draftKey: null,
    name: doc.name,
    contentType: doc.contentType as EvidenceContentType,
    size: doc.size,
    sha256: doc.sha256,
    bytes: file.bytes,
    state: 'uploaded',
    attempts: 0,
    createdAt: Date.now(),
    nextAttemptAt: 0,
    uploadedAt: doc.uploadedAt,
  })
  return { name: doc.name, contentType: doc.contentType, bytes: file.bytes }
}

/** Opens a file in a new tab (the browser shows photos and PDFs itself). */
export async function openEvidence(id: string): Promise<void> {
  // Opened before the await so a phone's pop-up blocker sees the tap.
  const tab = window.open('', '_blank')
  try {
    const file = await loadEvidenceBytes(id)
    const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType }))
    if (tab) tab.location.href = url
    else window.location.assign(url)
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (error) {
    tab?.close()
    throw error
  }
}

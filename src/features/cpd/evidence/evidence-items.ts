/** What the app shows of an evidence file: its local queue row and/or its synced description. */
import type { EvidenceBlobRow } from '@/db/database'
import type { Evidence } from '@/domain/entities'
import { formatBytes } from '@/domain/rules/evidence'

export type EvidenceStatus = 'held' | 'waiting' | 'uploading' | 'uploaded' | 'failed' | 'refused' | 'elsewhere'

export interface EvidenceItem {
  id: string
  name: string
  contentType: string
  size: number
  status: EvidenceStatus
  /** The status in plain words, e.g. "Upload failed: … Trying again automatically." */
  message: string
  /** The bytes are on this device (it can be opened offline). */
  local: boolean
  canRetry: boolean
}

const KIND: Record<string, string> = { 'image/jpeg': 'Photo', 'image/png': 'Image', 'image/webp': 'Image', 'application/pdf': 'PDF' }

/**
 * One file's view; null when it is being removed. `online`: shown to say why a file still waits.
 */
export function evidenceItem(
  id: string,
  row: EvidenceBlobRow | undefined,
  doc: Evidence | undefined,
  online: boolean,
): EvidenceItem | null {
  if (row?.state === 'deleting') return null
  const name = row?.name ?? doc?.name ?? 'File'
  const contentType = row?.contentType ?? doc?.contentType ?? ''
  const size = row?.size ?? doc?.size ?? 0
  const base = { id, name, contentType, size, local: Boolean(row?.bytes), canRetry: false }
  if (doc && !doc.deleted) return { ...base, status: 'uploaded', message: 'Uploaded' }
  if (!row) return { ...base, status: 'elsewhere', message: 'Not on this device: it uploads from the device it was attached on' }
  switch (row.state) {
    case 'draft':
      return { ...base, status: 'held', message: 'Kept on this device; uploads once the entry is saved' }
    case 'pending':
      return {
        ...base,
        status: 'waiting',
        message: online ? 'Waiting to upload' : 'Waiting to upload: you are offline, it will upload when you reconnect',
      }
    case 'uploading':
      return { ...base, status: 'uploading', message: 'Uploading…' }
    case 'uploaded':
      return { ...base, status: 'uploaded', message: 'Uploaded' }
    case 'failed':
      return {
        ...base,
        status: 'failed',
        canRetry: true,
        message: `Upload failed (${row.attempts} ${row.attempts === 1 ? 'attempt' : 'attempts'}): ${row.lastError ?? 'unknown error'}. It will be tried again automatically.`,
      }
    default:
      return {
        ...base,
        status: 'refused',
        message: `Not accepted by the server: ${row.lastError ?? 'no reason given'}. Remove it and attach another file.`,
      }
  }
}

/** "Photo · 380 KB". */
export function describeFile(item: Pick<EvidenceItem, 'contentType' | 'size'>): string {
  return `${KIND[item.contentType] ?? 'File'} · ${formatBytes(item.size)}`
}

/** A one-line summary for a list, e.g. "2 files: 1 uploaded, 1 waiting to upload". */
export function evidenceSummary(items: readonly EvidenceItem[]): string {
  if (items.length === 0) return ''
  const counts = new Map<string, number>()
  const words: Record<EvidenceStatus, string> = {
    held: 'not saved yet',
    waiting: 'waiting to upload',
    uploading: 'uploading',
    uploaded: 'uploaded',
    failed: 'upload failed',
    refused: 'not accepted',
    elsewhere: 'on another device',
  }
  for (const item of items) counts.set(words[item.status], (counts.get(words[item.status]) ?? 0) + 1)
  const parts = [...counts].map(([word, n]) => `${n} ${word}`)
  return `${items.length} ${items.length === 1 ? 'file' : 'files'}: ${parts.join(', ')}`
}

/** What the app shows of an evidence file: its local queue row and/or its synced description. */
import type { EvidenceBlobRow } from '@/db/database'
import type { Evidence } from '@/domain/entities'
import { formatBytes } from '@/domain/rules/evidence'
import type { Composer } from '../cpd-text'

export type EvidenceStatus = 'held' | 'waiting' | 'uploading' | 'uploaded' | 'failed' | 'refused' | 'elsewhere'

export interface EvidenceItem {
  id: string
  name: string
  contentType: string
  size: number
  status: EvidenceStatus
  /** The status for people: a message of `cpd.evidence.note` (e.g. "Upload failed: … Trying again automatically."). */
  note: EvidenceNote
  /** The bytes are on this device (it can be opened offline). */
  local: boolean
  canRetry: boolean
}

export interface EvidenceNote {
  key: 'uploaded' | 'elsewhere' | 'held' | 'waiting' | 'waitingOffline' | 'uploading' | 'failed' | 'refused'
  params?: Record<string, string | number>
  /** Chooses the plural form. */
  count?: number
}

const KIND: Record<string, 'photo' | 'image' | 'pdf'> = {
  'image/jpeg': 'photo',
  'image/png': 'image',
  'image/webp': 'image',
  'application/pdf': 'pdf',
}

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
  if (doc) return { ...base, status: 'uploaded', note: { key: 'uploaded' } }
  if (!row) return { ...base, status: 'elsewhere', note: { key: 'elsewhere' } }
  switch (row.state) {
    case 'draft':
      return { ...base, status: 'held', note: { key: 'held' } }
    case 'pending':
      return {
        ...base,
        status: 'waiting',
        note: { key: online ? 'waiting' : 'waitingOffline' },
      }
    case 'uploading':
      return { ...base, status: 'uploading', note: { key: 'uploading' } }
    case 'uploaded':
      return { ...base, status: 'uploaded', note: { key: 'uploaded' } }
    case 'failed':
      return {
        ...base,
        status: 'failed',
        canRetry: true,
        note: { key: 'failed', params: { n: row.attempts, reason: row.lastError ?? '' }, count: row.attempts },
      }
    default:
      return {
        ...base,
        status: 'refused',
        note: { key: 'refused', params: { reason: row.lastError ?? '' } },
      }
  }
}

/** A file's status in words, in the language shown. */
export function noteText(note: EvidenceNote, t: Composer['t']): string {
  const params = { ...note.params }
  // An error without words of its own gets the language's "unknown error" / "no reason given".
  if (note.key === 'failed' && !params.reason) params.reason = t('cpd.evidence.unknownError')
  if (note.key === 'refused' && !params.reason) params.reason = t('cpd.evidence.noReason')
  return note.count === undefined ? t(`cpd.evidence.note.${note.key}`, params) : t(`cpd.evidence.note.${note.key}`, params, note.count)
}

/** "Photo · 380 KB". */
export function describeFile(item: Pick<EvidenceItem, 'contentType' | 'size'>, t: Composer['t']): string {
  return `${t(`cpd.evidence.kind.${KIND[item.contentType] ?? 'file'}`)} · ${formatBytes(item.size)}`
}

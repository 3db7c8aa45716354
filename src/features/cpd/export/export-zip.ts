/** The evidence files of a period as one ZIP (fflate, loaded only when someone exports). */
import type { CpdEntry } from '@/domain/entities'
import { safeFileName, uniquePath } from '@/domain/rules/evidence'
import { slugify } from '@/domain/taxonomy'
import { toCsv } from '@/domain/csv'
import type { AuditLabels } from './audit-record'
import type { ExportFile } from './export-files'

export interface ZipSource {
  /** The file's bytes and name; throws when it is neither on this device nor reachable. */
  load(id: string): Promise<{ name: string; bytes: Uint8Array }>
}

/**
 * One folder per activity ("2026-11-20 confocal-user-training/"), its files inside, and an
 * index.csv saying which file belongs to which activity, or why one could not be included.
 */
export async function evidenceZip(
  entries: readonly CpdEntry[],
  window: { start: string; end: string },
  source: ZipSource,
  /** The index's words, in the record's language (`record.labels.zip`). */
  words: AuditLabels['zip'],
): Promise<{ file: ExportFile; included: number; missing: string[] }> {
  const { zipSync, strToU8 } = await import('fflate')
  const files: Record<string, [Uint8Array, { level: 0 }]> = {}
  const index: string[][] = [[words.date, words.activity, words.file, words.included]]
  const missing: string[] = []
  const used = new Set<string>()
  for (const entry of entries) {
    const folder = `${entry.startDate} ${slugify(entry.title).slice(0, 50)}`
    for (const id of entry.evidenceIds) {
      try {
        const { name, bytes } = await source.load(id)
        const path = uniquePath(`${folder}/${safeFileName(name)}`, used)
        // Photos and PDFs are compressed already: store them as they are.
        files[path] = [bytes, { level: 0 }]
        index.push([entry.startDate, entry.title, path, words.yes])
      } catch (error) {
        const reason = error instanceof Error ? error.message : words.notAvailable
        missing.push(`${entry.title}: ${reason}`)
        index.push([entry.startDate, entry.title, id, words.no(reason)])
      }
    }
  }
  const zipped = zipSync({ ...files, 'index.csv': [strToU8(`\ufeff${toCsv(index)}`), { level: 6 }] })
  const name = `cpd-evidence-${window.start}-to-${window.end}.zip`
  return {
    file: { name, blob: new Blob([zipped as Uint8Array<ArrayBuffer>], { type: 'application/zip' }) },
    included: index.length - 1 - missing.length,
    missing,
  }
}

/**
 * "Everything about me" as one ZIP (fflate, loaded only when someone exports): the JSON, the CSV,
 * and the evidence files themselves under evidence/, with evidence/index.csv saying which file is
 * there or why it could not be included (not on this device and not reachable).
 */
import { safeFileName, uniquePath } from '@/domain/rules/evidence'
import { toCsv } from '@/domain/csv'
import { myDataCsv, type CsvWords, type MyDataExport } from './export'

export interface EvidenceSource {
  /** The file's bytes and name; throws when it is neither on this device nor reachable. */
  load(id: string): Promise<{ name: string; bytes: Uint8Array }>
}

export async function myDataZip(
  data: MyDataExport,
  /** Every evidence file of mine this device knows of (described, or waiting to upload). */
  evidence: readonly { id: string; name: string }[],
  source: EvidenceSource,
  t: CsvWords,
): Promise<{ blob: Blob; included: number; missing: string[] }> {
  const { zipSync, strToU8 } = await import('fflate')
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {
    'my-data.json': [strToU8(JSON.stringify(data, null, 2)), { level: 6 }],
    'my-data.csv': [strToU8(`\ufeff${myDataCsv(data, t)}`), { level: 6 }],
  }
  const index: string[][] = [[t('mydata.zip.file'), t('mydata.zip.included')]]
  const missing: string[] = []
  const used = new Set<string>(['evidence/index.csv'])
  for (const file of evidence) {
    try {
      const { name, bytes } = await source.load(file.id)
      const path = uniquePath(`evidence/${safeFileName(name)}`, used)
      // Photos and PDFs are compressed already: store them as they are.
      files[path] = [bytes, { level: 0 }]
      index.push([path, t('mydata.zip.yes')])
    } catch (error) {
      const reason = error instanceof Error ? error.message : t('mydata.zip.notAvailable')
      missing.push(file.name)
      index.push([file.name, t('mydata.zip.no', { reason })])
    }
  }
  if (evidence.length > 0) files['evidence/index.csv'] = [strToU8(`\ufeff${toCsv(index)}`), { level: 6 }]
  const zipped = zipSync(files)
  return {
    blob: new Blob([zipped as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    included: evidence.length - missing.length,
    missing,
  }
}

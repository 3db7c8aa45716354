/** What the My data screen does: export my documents from this device, delete my account. */
import { db } from '@/db/database'
import { wipeLocalData } from '@/db/wipe'
import { loadPlatform } from '@/platform/load'
import { downloadBlob, downloadText } from '@/ui/download'
import { collectMyData, myDataCsv, type CsvWords } from './export'

/** Downloads everything about `uid` held on this device as JSON or CSV; returns how many records. */
export async function exportMyData(uid: string, kind: 'json' | 'csv', t: CsvWords): Promise<number> {
  const data = await collectMyData(db, uid)
  const name = t('mydata.fileName', { day: data.exportedAt.slice(0, 10), ext: kind })
  if (kind === 'json') downloadText(name, JSON.stringify(data, null, 2), 'application/json')
  else downloadText(name, myDataCsv(data, t), 'text/csv;charset=utf-8')
  return Object.values(data.collections).reduce((sum, docs) => sum + docs.length, 0)
}

/**
 * Downloads one ZIP: the JSON, the CSV and every evidence file of mine this device knows of (from
 * the device, else downloaded when online). Says how many records and how many of the files it holds.
 */
export async function exportMyZip(uid: string, t: CsvWords): Promise<{ records: number; files: number; total: number }> {
  const data = await collectMyData(db, uid)
  const described = (data.collections.evidence ?? []).map((e) => ({ id: String(e.id), name: String(e.name ?? e.id) }))
  const known = new Set(described.map((e) => e.id))
  // Files still waiting to upload are described only on this device.
  const waiting = (await db.evidenceBlobs.toArray()).filter((b) => !known.has(b.id)).map((b) => ({ id: b.id, name: b.name }))
  const evidence = [...described, ...waiting]
  const { myDataZip } = await import('./export-zip')
  const source = {
    // From this device, else (online) from the server; the ZIP lists a file it could reach neither way.
    async load(id: string) {
      const row = await db.evidenceBlobs.get(id)
      if (row?.bytes) return { name: row.name, bytes: row.bytes }
      const doc = await db.evidence.get(id)
      if (!doc || doc.deleted) throw new Error(t('mydata.zip.notAvailable'))
      return { name: doc.name, bytes: (await (await loadPlatform()).cpd.evidence.download(id)).bytes }
    },
  }
  const result = await myDataZip(data, evidence, source, t)
  downloadBlob(t('mydata.fileName', { day: data.exportedAt.slice(0, 10), ext: 'zip' }), result.blob)
  const records = Object.values(data.collections).reduce((sum, docs) => sum + docs.length, 0)
  return { records, files: result.included, total: evidence.length }
}

/** Asks the server to delete the account and everything of it (a callable). */
export async function deleteAccountOnServer() {
  return (await loadPlatform()).account.deleteAccount()
}

/** Forgets everything on this device (after the server deleted the account). */
export async function wipeThisDevice(): Promise<void> {
  await wipeLocalData(db)
}

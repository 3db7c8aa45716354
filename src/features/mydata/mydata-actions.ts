/** What the My data screen does: export my documents from this device, delete my account. */
import { db } from '@/db/database'
import { wipeLocalData } from '@/db/wipe'
import { loadPlatform } from '@/platform/load'
import { downloadText } from '@/ui/download'
import { collectMyData, myDataCsv, type CsvWords } from './export'

/** Downloads everything about `uid` held on this device as JSON or CSV; returns how many records. */
export async function exportMyData(uid: string, kind: 'json' | 'csv', t: CsvWords): Promise<number> {
  const data = await collectMyData(db, uid)
  const name = t('mydata.fileName', { day: data.exportedAt.slice(0, 10), ext: kind })
  if (kind === 'json') downloadText(name, JSON.stringify(data, null, 2), 'application/json')
  else downloadText(name, myDataCsv(data, t), 'text/csv;charset=utf-8')
  return Object.values(data.collections).reduce((sum, docs) => sum + docs.length, 0)
}

/** Asks the server to delete the account and everything of it (a callable). */
export async function deleteAccountOnServer() {
  return (await loadPlatform()).account.deleteAccount()
}

/** Forgets everything on this device (after the server deleted the account). */
export async function wipeThisDevice(): Promise<void> {
  await wipeLocalData(db)
}

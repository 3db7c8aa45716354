/**
 * A fingerprint of every document in the emulator's database: path → update time, from one
 * kindless all-descendants query over the emulator's REST API (as the database owner).
 */
import { FIRESTORE_HOST, PROJECT_ID } from './env'

interface RunQueryRow {
  document?: { name: string; updateTime: string }
}

/** Every existing document with its update time (a write anywhere changes the fingerprint). */
export async function fingerprint(): Promise<Map<string, string>> {
  const res = await fetch(`http://${FIRESTORE_HOST}/v1/projects/${PROJECT_ID}/databases/(default)/documents:runQuery`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer owner' },
    body: JSON.stringify({ structuredQuery: { from: [{ allDescendants: true }], select: { fields: [{ fieldPath: '__name__' }] } } }),
  })
  if (!res.ok) throw new Error(`fingerprint query failed: ${res.status} ${await res.text()}`)
  const rows = (await res.json()) as RunQueryRow[]
  const out = new Map<string, string>()
  for (const row of rows) if (row.document) out.set(row.document.name.replace(/^.*?\/documents\//, ''), row.document.updateTime)
  return out
}

/** Paths added, removed or updated between two fingerprints. */
export function diff(a: Map<string, string>, b: Map<string, string>): string[] {
  const changed: string[] = []
  for (const [p, t] of b) if (a.get(p) !== t) changed.push(p)
  for (const p of a.keys()) if (!b.has(p)) changed.push(p)
  return changed
}

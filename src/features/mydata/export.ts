/**
 * "Everything about me" from this device: every document of my own tree (profile, CPD,
 * registrations, equality data, evidence descriptions…) and every shared document that names me
 * (requests, ideas, comments, votes, RAG notes, surveys I wrote), as JSON and as one CSV table.
 */
import { COLLECTIONS, COLLECTION_NAMES } from '@/domain/collections'
import type { HubDb } from '@/db/database'
import { createReads } from '@/db/read'
import { toCsv } from '@/domain/csv'

/** Fields of shared documents that name a member. */
export const PERSON_FIELDS = ['authorUid', 'voterUid', 'byUid', 'createdByUid', 'updatedByUid', 'learnerUid', 'teacherUid'] as const

export interface MyDataExport {
  exportedAt: string
  uid: string
  /** Synced collections by name, then tables kept only on this device (e.g. queued survey answers). */
  collections: Record<string, Record<string, unknown>[]>
}

/** Tables of this device only that hold things I wrote. */
const LOCAL_TABLES = ['surveySubmissions', 'drafts'] as const

const INTERNAL = new Set(['version', 'lastMutationId', 'deleted', '_clock', '_deletedAt'])

/** Collects my documents from the local database. */
export async function collectMyData(db: HubDb, uid: string, now = Date.now()): Promise<MyDataExport> {
  const collections: MyDataExport['collections'] = {}
  // Through the readers, which never return a tombstone.
  const reads = createReads(db)
  for (const name of COLLECTION_NAMES) {
    if (!db.tables.some((t) => t.name === name)) continue
    const def = COLLECTIONS[name]
    let docs: Record<string, unknown>[]
    if (def.scope === 'root' || name === 'members')
      docs = [] // the institution; my directory entry copies my profile
    else {
      const all = (await reads[name].all()) as unknown as Record<string, unknown>[]
      docs = def.scope === 'user' ? all : all.filter((d) => PERSON_FIELDS.some((f) => d[f] === uid))
    }
    const clean = docs.map(stripInternal)
    if (clean.length > 0) collections[name] = clean
  }
  for (const name of LOCAL_TABLES) {
    if (!db.tables.some((t) => t.name === name)) continue
    const rows = (await db.table(name).toArray()) as Record<string, unknown>[]
    if (rows.length > 0)
      collections[name] = rows.map(
        (r) =>
          readableTimes(Object.fromEntries(Object.entries(r).filter(([, v]) => !(v instanceof Uint8Array)))) as Record<string, unknown>,
      )
  }
  return { exportedAt: new Date(now).toISOString(), uid, collections }
}

function stripInternal(doc: Record<string, unknown>): Record<string, unknown> {
  return readableTimes(Object.fromEntries(Object.entries(doc).filter(([k, v]) => !INTERNAL.has(k) && v !== undefined))) as Record<
    string,
    unknown
  >
}

/** A field holding a time as epoch ms: `at`, `…At` (updatedAt, joinedAt …), and the values of a `history` map. */
const isTimeField = (key: string) => key === 'at' || /[a-z]At$/.test(key)

/**
 * Times as ISO 8601 date-times ("2026-11-23T14:05:09.000Z") instead of epoch milliseconds, so a
 * person can read them; calendar dates (startDate) are already ISO and stay as they are.
 */
export function readableTimes(value: unknown, time = false): unknown {
  if (time && typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString()
  if (Array.isArray(value)) return value.map((v) => readableTimes(v))
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Blob))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) =>
        k === 'history' && v && typeof v === 'object' && !Array.isArray(v)
          ? [k, Object.fromEntries(Object.entries(v).map(([state, t]) => [state, readableTimes(t, true)]))]
          : [k, readableTimes(v, isTimeField(k))],
      ),
    )
  return value
}

/** vue-i18n's `t` (or `i18n.global.t`): the CSV's headings are in the language shown. */
export type CsvWords = (key: string, named?: Record<string, unknown>) => string

/** The export as one CSV table: collection, document id, field, value (objects as JSON). */
export function myDataCsv(data: MyDataExport, t: CsvWords): string {
  const rows: (string | number)[][] = [['collection', 'document', 'field', 'value'].map((c) => t(`mydata.csv.${c}`))]
  for (const [name, docs] of Object.entries(data.collections)) {
    for (const doc of docs ?? []) {
      for (const [field, value] of Object.entries(doc)) {
        if (field === 'id') continue
        rows.push([
          name,
          String(doc.id ?? doc.key ?? doc.surveyId ?? ''),
          field,
          typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value),
        ])
      }
    }
  }
  return toCsv(rows)
}

import { computed, type ComputedRef, type ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { useOnline } from '@/composables/use-online'
import { db as defaultDb, type EvidenceBlobRow, type HubDb } from '@/db/database'
import { createReads, reads as defaultReads } from '@/db/read'
import type { Evidence } from '@/domain/entities'
import { evidenceItem, type EvidenceItem } from './evidence-items'

interface Sources {
  rows: Map<string, EvidenceBlobRow>
  docs: Map<string, Evidence>
}

/** The files with these ids, in that order, with their upload status, live from the device. */
export function useEvidenceItems(ids: () => readonly string[], options: { db?: HubDb } = {}): ComputedRef<EvidenceItem[]> {
  const database = options.db ?? defaultDb
  const reads = options.db ? createReads(options.db) : defaultReads
  const online = useOnline()
  const sources: ShallowRef<Sources> = useLiveQuery(
    async () => {
      const list = [...ids()]
      const [rows, docs] = await Promise.all([database.evidenceBlobs.bulkGet(list), reads.evidence.getMany(list)])
      return {
        rows: new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : []))),
        docs: new Map(docs.map((d) => [d.id, d] as const)),
      }
    },
    { initial: { rows: new Map(), docs: new Map() }, deps: () => ids().join(',') },
  )
  return computed(() =>
    ids().flatMap((id) => {
      const item = evidenceItem(id, sources.value.rows.get(id), sources.value.docs.get(id), online.value)
      return item ? [item] : []
    }),
  )
}

/** Ids of the files held for an unsaved draft, oldest first. */
export function useDraftEvidenceIds(draftKey: () => string, options: { db?: HubDb } = {}): ShallowRef<string[]> {
  const database = options.db ?? defaultDb
  return useLiveQuery(
    async () => (await database.evidenceBlobs.where('draftKey').equals(draftKey()).sortBy('createdAt')).map((r) => r.id),
    { initial: [], deps: draftKey },
  )
}

/**
 * The leads' dashboard figures, kept on the device (Dexie `meta`) so the dashboard, fed success
 * measures and the self-assessment work offline with the last figures fetched.
 */
import * as v from 'valibot'
import type { HubDb } from '@/db/database'
import { InstitutionStatsSchema, type InstitutionStats } from '@/domain/stats'

export const STATS_KEY = 'institutionStats'

export interface CachedStats {
  stats: InstitutionStats
  /** When this device fetched them (ms). */
  fetchedAt: number
}

/** The cached figures, or null when none (or the cache no longer fits the schema). */
export async function readCachedStats(db: HubDb): Promise<CachedStats | null> {
  const row = await db.meta.get(STATS_KEY)
  const value = row?.value as { stats?: unknown; fetchedAt?: unknown } | undefined
  if (!value || typeof value.fetchedAt !== 'number') return null
  const parsed = v.safeParse(InstitutionStatsSchema, value.stats)
  return parsed.success ? { stats: parsed.output, fetchedAt: value.fetchedAt } : null
}

/** Validates a callable reply and caches it; throws when the reply is not what the app expects. */
export async function storeStats(db: HubDb, raw: unknown, now = Date.now()): Promise<CachedStats> {
  const parsed = v.safeParse(InstitutionStatsSchema, raw)
  if (!parsed.success) throw new Error('The server sent figures this version of the app cannot read')
  const cached = { stats: parsed.output, fetchedAt: now }
  await db.meta.put({ key: STATS_KEY, value: cached })
  return cached
}

/** Fetches fresh figures through the platform (loaded lazily) and caches them. */
export async function refreshStats(db: HubDb): Promise<CachedStats> {
  const { loadPlatform } = await import('@/platform/load')
  return storeStats(db, await (await loadPlatform()).stats.institutionStats())
}

import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import { createReads, reads as defaultReads } from '@/db/read'
import type { Member } from '@/domain/entities'
import { readCachedStats, type CachedStats } from '@/db/stats-cache'
import type { AppFeeds } from '@/domain/rules/measure-feeds'
import { byCodeUnits } from '@/domain/rules/order'

/**
 * Feeds from the local directory and, on a lead's device, the last dashboard figures fetched.
 * (A caller still passing raw table rows gets its tombstones left out here.)
 */
export function feedsFrom(rows: readonly (Pick<Member, 'skills'> & { deleted?: boolean })[], cached: CachedStats | null): AppFeeds {
  const members = rows.filter((m) => !m.deleted)
  const stats = cached?.stats
  const latestSurvey = stats?.surveys.filter((s) => s.ratePercent !== null).sort((a, b) => byCodeUnits(b.opensAt, a.opensAt))[0]
  return {
    members: stats?.members.total ?? (members.length > 0 ? members.length : undefined),
    membersWithSkillsPercent:
      members.length > 0 ? Math.round((100 * members.filter((m) => m.skills.length > 0).length) / members.length) : undefined,
    registeredMembers: stats?.registrations.registeredMembers,
    cpdParticipationPercent: stats?.cpd.percent,
    surveyResponseRatePercent: latestSurvey?.ratePercent,
  }
}

/** App data feeds for success measures, live. */
export function useFeeds(options: { db?: HubDb } = {}): ShallowRef<AppFeeds> {
  const database = options.db ?? defaultDb
  const reads = options.db ? createReads(options.db) : defaultReads
  return useLiveQuery(async () => feedsFrom(await reads.members.all(), await readCachedStats(database)), { initial: {} })
}

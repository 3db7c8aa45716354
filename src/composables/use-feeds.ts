import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { Member } from '@/domain/entities'
import { readCachedStats, type CachedStats } from '@/db/stats-cache'
import type { AppFeeds } from '@/domain/rules/measure-feeds'

/** Feeds from the local directory and, on a lead's device, the last dashboard figures fetched. */
export function feedsFrom(members: readonly Pick<Member, 'deleted' | 'skills'>[], cached: CachedStats | null): AppFeeds {
  const live = members.filter((m) => !m.deleted)
  const stats = cached?.stats
  const latestSurvey = stats?.surveys.filter((s) => s.ratePercent !== null).sort((a, b) => b.opensAt.localeCompare(a.opensAt))[0]
  return {
    members: stats?.members.total ?? (live.length > 0 ? live.length : undefined),
    membersWithSkillsPercent:
      live.length > 0 ? Math.round((100 * live.filter((m) => m.skills.length > 0).length) / live.length) : undefined,
    registeredMembers: stats?.registrations.registeredMembers,
    cpdParticipationPercent: stats?.cpd.percent,
    surveyResponseRatePercent: latestSurvey?.ratePercent,
  }
}

/** App data feeds for success measures, live. */
export function useFeeds(options: { db?: HubDb } = {}): ShallowRef<AppFeeds> {
  const database = options.db ?? defaultDb
  return useLiveQuery(async () => feedsFrom(await database.members.toArray(), await readCachedStats(database)), { initial: {} })
}

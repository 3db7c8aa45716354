import { computed, type ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import type { HubDb } from '@/db/database'
import { docSyncState, unsentIds, type DocSyncState } from '@/db/outbox'
import { reads } from '@/db/read'
import type { MemberSkill, Registration, SkillShareRequest } from '@/domain/entities'
import { verifiedBy } from '@/domain/rules/requests'

export { useInstitution } from '@/composables/use-institution'

/** Ids of CPD entries with changes not yet accepted by the server (or never synced). */
export function useUnsyncedCpdIds(options: { db?: HubDb } = {}): ShallowRef<ReadonlySet<string>> {
  return useLiveQuery(() => unsentIds('cpd', options.db), { initial: new Set<string>() })
}

export type EntrySync = DocSyncState

/** One entry's sync state: its version, changes waiting in the outbox, changes the server refused. */
export function useEntrySync(id: () => string): ShallowRef<EntrySync> {
  return useLiveQuery(() => docSyncState('cpd', id()), { initial: { version: 0, pending: 0, refused: 0 }, deps: id })
}

/** Completed skill-share sessions on this device (quick add offers those not logged yet). */
export function useCompletedRequests(): ShallowRef<SkillShareRequest[]> {
  return useLiveQuery(() => reads.requests.where('state', 'completed'), { initial: [] })
}

/** The skills on the member's profile, to suggest when linking skills to an entry. */
export function useOwnSkills(): ShallowRef<MemberSkill[]> {
  return useLiveQuery(async () => (await reads.profiles.all()).flatMap((p) => p.skills), { initial: [] })
}

/** Registrations not yet awarded, for the Home card. */
export function useOpenRegistrations() {
  const all: ShallowRef<Registration[]> = useLiveQuery(() => reads.registrations.all(), { initial: [] })
  return computed(() => all.value.filter((r) => r.steps.outcome !== 'done'))
}

/**
 * Who verified an entry made from a skill-share session: the other party's name once they
 * confirmed on the request that it took place (a field only they can set), '' when they are not
 * listed, null when not verified (or the entry is not from a session).
 */
export function useVerifiedBy(requestId: () => string | undefined, uid: () => string | undefined): ShallowRef<string | null> {
  return useLiveQuery(
    async () => {
      const id = requestId()
      const me = uid()
      const request = id && me ? await reads.requests.get(id) : undefined
      const by = request && me ? verifiedBy(request, me) : null
      if (!by) return null
      const [member] = await reads.members.getMany([by])
      return member?.visibility === 'institution' ? member.displayName : ''
    },
    { initial: null, deps: () => `${requestId() ?? ''}/${uid() ?? ''}` },
  )
}

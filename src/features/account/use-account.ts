/** What the account page reads and writes: the member's own profile and their institution's settings. */
import { computed, type ComputedRef, type ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
import { repos as defaultRepos, type Repos } from '@/db/repos'
import type { Institution, LANGUAGES, Member } from '@/domain/entities'

export interface AccountDeps {
  reads?: Reads
  repos?: Repos
}

/** The member's own profile, live (undefined until the first sync brings it). */
export function useOwnProfile(uid: () => string, deps: AccountDeps = {}): ShallowRef<Member | undefined> {
  const reads = deps.reads ?? defaultReads
  return useLiveQuery(() => reads.profiles.get(uid()), { initial: undefined, deps: uid })
}

/** Saves the job title on the member's profile (queued for sync). */
export async function saveJobTitle(uid: string, jobTitle: string, deps: AccountDeps = {}): Promise<void> {
  await (deps.repos ?? defaultRepos).profiles.patch(uid, { jobTitle })
}

/** The institution's settings document, live (undefined until the first sync brings it). */
export function useInstitutionSettings(institutionId: () => string | null, deps: AccountDeps = {}): ComputedRef<Institution | undefined> {
  const reads = deps.reads ?? defaultReads
  const institution = useLiveQuery(
    async () => {
      const id = institutionId()
      return id ? reads.institutions.get(id) : undefined
    },
    { initial: undefined, deps: institutionId },
  )
  return computed(() => institution.value)
}

/** A lead sets (or clears, with null) the language members see until they choose their own. */
export async function saveDefaultLocale(
  institutionId: string,
  locale: (typeof LANGUAGES)[number] | null,
  deps: AccountDeps = {},
): Promise<void> {
  const repos = deps.repos ?? defaultRepos
  const current = await (deps.reads ?? defaultReads).institutions.get(institutionId)
  if (!current) return
  await repos.institutions.patchFrom(institutionId, { defaultLocale: current.defaultLocale }, { defaultLocale: locale ?? undefined })
}

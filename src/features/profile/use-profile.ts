/** What the profile screens read (my profile, my institution) and write (the form's patch, my skills). */
import type { Ref, ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
import { repos as defaultRepos, type Repos } from '@/db/repos'
import type { Institution, Member, MemberSkill } from '@/domain/entities'

export interface ProfileDeps {
  reads?: Reads
  repos?: Repos
}

/** My profile and my institution's document, live (undefined until synced). */
export function useProfileDocs(
  uid: Ref<string | null>,
  institutionId: Ref<string | null>,
  deps: ProfileDeps = {},
): { profile: ShallowRef<Member | undefined>; institution: ShallowRef<Institution | undefined> } {
  const reads = deps.reads ?? defaultReads
  return {
    profile: useLiveQuery(async () => (uid.value ? reads.profiles.get(uid.value) : undefined), { initial: undefined, deps: uid }),
    institution: useLiveQuery(async () => (institutionId.value ? reads.institutions.get(institutionId.value) : undefined), {
      initial: undefined,
      deps: institutionId,
    }),
  }
}

/** Saves the fields the form changed since it loaded (a patch, queued for sync). */
export async function saveProfile(
  uid: string,
  loaded: Record<string, unknown>,
  next: Record<string, unknown>,
  deps: ProfileDeps = {},
): Promise<void> {
  await (deps.repos ?? defaultRepos).profiles.patchFrom(uid, loaded, next)
}

/** Saves one change of my skills, against the list shown (a skill added on another device stays). */
export async function saveSkills(uid: string, shown: readonly MemberSkill[], next: MemberSkill[], deps: ProfileDeps = {}): Promise<void> {
  await (deps.repos ?? defaultRepos).profiles.patchFrom(uid, { skills: [...shown] }, { skills: next })
}

/** What the directory screens read (institution, a colleague's entry, teach suggestions) and the lead's removal. */
import type { ComputedRef, Ref, ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
import type { Institution, Member } from '@/domain/entities'
import { loadPlatform } from '@/platform/load'
import { isListed } from '@/search/directory-index'
import { skillKey } from './suggestions'

/** The institution's document (faculties, name), live; undefined until synced. */
export function useInstitutionDoc(
  institutionId: Ref<string | null | undefined> | ComputedRef<string | null | undefined>,
  options: { reads?: Reads } = {},
): ShallowRef<Institution | undefined> {
  const reads = options.reads ?? defaultReads
  return useLiveQuery(async () => (institutionId.value ? reads.institutions.get(institutionId.value) : undefined), {
    initial: undefined,
    deps: institutionId,
  })
}

/**
 * A colleague's directory entry: only a listed colleague of the same institution shows; anything
 * else is null (not found). Undefined while the device is being read.
 */
export function useListedMember(
  uid: () => string,
  institutionId: () => string | null | undefined,
  options: { reads?: Reads } = {},
): ShallowRef<Member | null | undefined> {
  const reads = options.reads ?? defaultReads
  return useLiveQuery(
    async () => {
      const inst = institutionId()
      if (inst === undefined) return undefined
      const m = await reads.members.get(uid())
      return m && inst && isListed(m, inst) ? m : null
    },
    { initial: undefined as Member | null | undefined, deps: () => [uid(), institutionId()] },
  )
}

/** My profile and the colleagues who can teach a skill I want to learn (only those are read into memory). */
export function useTeachers(
  uid: () => string | null,
  options: { reads?: Reads } = {},
): ShallowRef<{ me: Member | undefined; teachers: Member[] } | null> {
  const reads = options.reads ?? defaultReads
  return useLiveQuery(
    async () => {
      const id = uid()
      if (!id) return null
      const me = await reads.profiles.get(id)
      const keys = new Set((me?.skills ?? []).filter((s) => s.wantsToLearn).map(skillKey))
      const teachers = keys.size ? (await reads.members.all()).filter((m) => m.skills.some((s) => s.canTeach && keys.has(skillKey(s)))) : []
      return { me, teachers }
    },
    { initial: null, deps: uid },
  )
}

/** A lead removes a member from the institution (a callable). */
export async function removeMember(uid: string) {
  return (await loadPlatform()).account.removeMember(uid)
}

import { computed, type ComputedRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
import type { Member } from '@/domain/entities'
import { departmentCoverage, type DepartmentCoverage } from './coverage'
import { skillChoices, type SkillChoice } from './skill-merge'

/** Each department's coverage in `institutionId`, live from the directory on this device. */
export function useCoverage(institutionId: () => string | null, options: { reads?: Reads } = {}): ComputedRef<DepartmentCoverage[]> {
  const reads = options.reads ?? defaultReads
  const members = useLiveQuery(() => reads.members.all(), { initial: [] as Member[] })
  const institution = useLiveQuery(
    async () => {
      const id = institutionId()
      return id ? reads.institutions.get(id) : undefined
    },
    { initial: undefined, deps: institutionId },
  )
  return computed(() => {
    const id = institutionId()
    return id ? departmentCoverage(members.value, institution.value ?? { id, faculties: [] }) : []
  })
}

/** Every skill listed across the directory on this device, for a lead's merge of duplicates. */
export function useSkillChoices(options: { reads?: Reads } = {}): ComputedRef<SkillChoice[]> {
  const reads = options.reads ?? defaultReads
  const members = useLiveQuery(() => reads.members.all(), { initial: [] as Member[] })
  return computed(() => skillChoices(members.value))
}

/** The member's registrations, live from the device (reads never return deleted ones). */
import type { Ref, ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads } from '@/db/read'
import type { Registration } from '@/domain/entities'

export function useRegistrations(): ShallowRef<Registration[]> {
  return useLiveQuery(() => reads.registrations.all(), { initial: [] })
}

/** One registration: undefined while loading, null when it is not on this device. */
export function useRegistration(id: Ref<string>): ShallowRef<Registration | null | undefined> {
  return useLiveQuery<Registration | null | undefined>(async () => (await reads.registrations.get(id.value)) ?? null, {
    initial: undefined,
    deps: id,
  })
}

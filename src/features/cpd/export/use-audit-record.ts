import { computed, type ComputedRef, type Ref } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db } from '@/db/database'
import type { CpdEntry } from '@/domain/entities'
import { PATHWAYS } from '@/domain/rules/registration'
import { formatDate } from '@/ui/format'
import { auditRecord, type AuditRecord } from './audit-record'

/** The audit record of the 12-month window `window`, live from the device. */
export function useAuditRecord(window: Ref<{ start: string; end: string }>): {
  record: ComputedRef<AuditRecord>
  entries: ComputedRef<CpdEntry[]>
} {
  const data = useLiveQuery(
    async () => {
      const [entries, profiles, institutions, registrations, blobs, evidence] = await Promise.all([
        db.cpd.toArray(),
        db.profiles.toArray(),
        db.institutions.toArray(),
        db.registrations.toArray(),
        db.evidenceBlobs.toArray(),
        db.evidence.toArray(),
      ])
      const names = new Map<string, string>([
        ...evidence.filter((e) => !e.deleted).map((e) => [e.id, e.name] as const),
        ...blobs.map((b) => [b.id, b.name] as const),
      ])
      return {
        entries: entries.filter((e) => !e.deleted),
        profile: profiles.find((p) => !p.deleted),
        institution: institutions.find((i) => !i.deleted),
        registrations: registrations.filter((r) => !r.deleted),
        names,
      }
    },
    { initial: { entries: [], profile: undefined, institution: undefined, registrations: [], names: new Map<string, string>() } },
  )
  const record = computed(() => {
    const { entries, profile, institution, registrations, names } = data.value
    return auditRecord({
      entries,
      window: window.value,
      evidenceNames: names,
      generatedOn: formatDate(new Date().toISOString().slice(0, 10)),
      person: {
        name: profile?.displayName ?? 'Your name',
        email: profile?.email,
        jobTitle: profile?.jobTitle,
        institution: institution?.name,
        registrations: registrations.map(
          (r) => `${PATHWAYS[r.target].title} (${r.target}): ${r.steps.outcome === 'done' ? 'registered' : 'in progress'}`,
        ),
      },
    })
  })
  const entries = computed(() =>
    data.value.entries.filter((e) => (e.endDate ?? e.startDate) >= window.value.start && e.startDate <= window.value.end),
  )
  return { record, entries }
}

import { computed, type ComputedRef, type Ref } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db } from '@/db/database'
import { reads } from '@/db/read'
import type { CpdEntry } from '@/domain/entities'
import { useCpdText } from '../cpd-text'
import { auditRecord, type AuditRecord } from './audit-record'

/** The audit record of the 12-month window `window`, live from the device, in the language shown. */
export function useAuditRecord(window: Ref<{ start: string; end: string }>): {
  record: ComputedRef<AuditRecord>
  entries: ComputedRef<CpdEntry[]>
} {
  const text = useCpdText()
  const data = useLiveQuery(
    async () => {
      const [entries, profiles, institutions, registrations, blobs, evidence] = await Promise.all([
        reads.cpd.all(),
        reads.profiles.all(),
        reads.institutions.all(),
        reads.registrations.all(),
        // Files still on this device only (a local table: no reader, no tombstones).
        db.evidenceBlobs.toArray(),
        reads.evidence.all(),
      ])
      const names = new Map<string, string>([...evidence.map((e) => [e.id, e.name] as const), ...blobs.map((b) => [b.id, b.name] as const)])
      return { entries, profile: profiles[0], institution: institutions[0], registrations, names }
    },
    { initial: { entries: [], profile: undefined, institution: undefined, registrations: [], names: new Map<string, string>() } },
  )
  const record = computed(() => {
    const { entries, profile, institution, registrations, names } = data.value
    return auditRecord({
      entries,
      window: window.value,
      evidenceNames: names,
      generatedOn: text.date(new Date().toISOString().slice(0, 10)),
      text,
      person: {
        name: profile?.displayName ?? text.t('cpd.export.yourName'),
        email: profile?.email,
        jobTitle: profile?.jobTitle,
        institution: institution?.name,
        registrations: registrations.map(
          (r) =>
            `${text.t(`registration.pathway.${r.target}`)} (${r.target}): ${text.t(r.steps.outcome === 'done' ? 'cpd.export.registered' : 'cpd.export.inProgress')}`,
        ),
      },
    })
  })
  const entries = computed(() =>
    data.value.entries.filter((e) => (e.endDate ?? e.startDate) >= window.value.start && e.startDate <= window.value.end),
  )
  return { record, entries }
}

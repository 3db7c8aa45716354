/**
 * cpdStats: CPD participation and professional registration across an institution, for its leads
 * and admins. CPD and registration records sit in each member's private tree, which no lead can
 * read; this callable reads only the fields the counts need (dates, targets, steps, the fee-support
 * flag) and returns suppressed counts (src/domain/rules/cpd-stats.ts), never a record.
 */
import type { Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { REGISTRATION_STEPS, REGISTRATION_TARGETS, type Registration } from '@/domain/entities'
import { cpdStats, type CpdStats } from '@/domain/rules/cpd-stats'
import { addMonths, isoDateOf } from '@/domain/rules/dates'
import { typedError } from '../errors'
import { cpdStatsFrom } from '../aggregates/model'
import { countersFor } from '../aggregates/store'

/** Members read at once (each costs two small queries). */
const CONCURRENCY = 25

function institutionOf(caller: Caller): string {
  if (!caller.institutionId || (caller.role !== 'lead' && caller.role !== 'admin')) {
    throw typedError('forbidden', 'Only institutional leads can see CPD and registration figures')
  }
  return caller.institutionId
}

/** The figures from the institution's kept counters (functions/src/aggregates), suppressed as served. */
export async function cpdStatsCore(db: Firestore, caller: Caller, now = Date.now()): Promise<CpdStats> {
  const inst = institutionOf(caller)
  const [institution, counters] = await Promise.all([db.doc(`institutions/${inst}`).get(), countersFor(db, inst, now)])
  return cpdStatsFrom(counters, { now, faculties: facultiesOf(institution.get('faculties')) })
}

const facultiesOf = (list: unknown) =>
  (Array.isArray(list) ? (list as unknown[]) : []).flatMap((f) => (isFaculty(f) ? [{ id: f.id, name: f.name }] : []))

/** The same figures from a full scan of every member's documents: the bench's baseline. */
export async function cpdStatsScan(db: Firestore, caller: Caller, now = Date.now()): Promise<CpdStats> {
  const inst = institutionOf(caller)
  const [institution, profiles] = await Promise.all([
    db.doc(`institutions/${inst}`).get(),
    db.collectionGroup('profiles').where('institutionId', '==', inst).where('deleted', '==', false).select('facultyId').get(),
  ])
  const faculties = (Array.isArray(institution.get('faculties')) ? (institution.get('faculties') as unknown[]) : []).flatMap((f) =>
    isFaculty(f) ? [{ id: f.id, name: f.name }] : [],
  )
  const members = profiles.docs.map((d) => {
    const facultyId = d.get('facultyId') as unknown
    return { uid: d.id, ...(typeof facultyId === 'string' ? { facultyId } : {}) }
  })

  // Entries that started up to a year before the window may still run into it.
  const since = addMonths(isoDateOf(now), -24)
  const registrations = new Map<string, Pick<Registration, 'target' | 'steps' | 'feeSupportRequested'>[]>()
  const cpdDates = new Map<string, { startDate: string; endDate?: string }[]>()
  for (let i = 0; i < members.length; i += CONCURRENCY) {
    await Promise.all(
      members.slice(i, i + CONCURRENCY).map(async ({ uid }) => {
        const [regs, cpd] = await Promise.all([
          db.collection(`users/${uid}/registrations`).where('deleted', '==', false).select('target', 'steps', 'feeSupportRequested').get(),
          db.collection(`users/${uid}/cpd`).where('startDate', '>=', since).select('startDate', 'endDate', 'deleted').get(),
        ])
        registrations.set(
          uid,
          regs.docs.flatMap((d) => {
            const r = registrationOf(d.data())
            return r ? [r] : []
          }),
        )
        cpdDates.set(
          uid,
          cpd.docs
            .filter((d) => d.get('deleted') !== true)
            .flatMap((d) => {
              const startDate = d.get('startDate') as unknown
              const endDate = d.get('endDate') as unknown
              return typeof startDate === 'string' ? [{ startDate, ...(typeof endDate === 'string' ? { endDate } : {}) }] : []
            }),
        )
      }),
    )
  }
  return cpdStats({ now, faculties, members, registrations, cpdDates })
}

function isFaculty(f: unknown): f is { id: string; name: string } {
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof (f as { id?: unknown }).id === 'string' &&
    typeof (f as { name?: unknown }).name === 'string'
  )
}

/** The fields the counts need, or null for a malformed record (skipped, never guessed). */
function registrationOf(data: Record<string, unknown>): Pick<Registration, 'target' | 'steps' | 'feeSupportRequested'> | null {
  const target = data.target
  if (typeof target !== 'string' || !(REGISTRATION_TARGETS as readonly string[]).includes(target)) return null
  const raw = typeof data.steps === 'object' && data.steps !== null ? (data.steps as Record<string, unknown>) : {}
  const steps: Registration['steps'] = {}
  for (const s of REGISTRATION_STEPS) {
    const state = raw[s]
    if (state === 'todo' || state === 'doing' || state === 'done') steps[s] = state
  }
  return { target: target as Registration['target'], steps, feeSupportRequested: data.feeSupportRequested === true }
}

/**
 * What leads see of CPD and professional registration across their institution: counts only,
 * every one passed through the shared suppression rules (groups under 5 withheld, complementary
 * figures withheld so a small one cannot be worked back). Pure: the `cpdStats` callable feeds it
 * what it read from members' private trees, and nothing else of those records leaves the server.
 */
import { REGISTRATION_TARGETS, type Registration } from '../entities'
import { addDays, addMonths, isoDateOf, type Clock } from './dates'
import { PATHWAYS, type RegistrationTarget } from './registration'
import { MIN_GROUP, suppress, suppressCounts, suppressTable, type SuppressedTable } from './suppression'

export interface CpdStatsMember {
  uid: string
  facultyId?: string
}

export interface CpdStatsInput {
  now: Clock
  faculties: readonly { id: string; name: string }[]
  members: readonly CpdStatsMember[]
  /** uid → the member's live registrations. */
  registrations: ReadonlyMap<string, readonly Pick<Registration, 'target' | 'steps' | 'feeSupportRequested'>[]>
  /** uid → start and end dates of the member's live CPD entries (only dates: nothing else is read). */
  cpdDates: ReadonlyMap<string, readonly { startDate: string; endDate?: string }[]>
}

export interface SuppressedCounts {
  counts: Record<string, number | null>
  total: number | null
}

export interface CpdStats {
  generatedAt: number
  minGroup: number
  /** The last 12 months, for CPD participation. */
  window: { start: string; end: string }
  members: number | null
  /** Members by their highest registration achieved (outcome done), one level each. */
  registeredByLevel: SuppressedCounts
  /** Members working towards a registration, by the pathway of the highest one in progress. */
  inProgressByPathway: SuppressedCounts
  /** Members who asked for the institution's fee support on a registration in progress. */
  feeSupportRequests: number | null
  /** Faculty rows × [logged CPD in the window, not yet]. */
  cpdByFaculty: SuppressedTable
}

/** The row of members with no faculty (or one no longer listed): a code the client words (its message: cpd insights, noFaculty). */
export const NO_FACULTY = 'unspecified'
export const CPD_COLUMNS = ['logged', 'notYet'] as const

/** Aggregates and suppresses; `generatedAt` is `now`. */
export function cpdStats(input: CpdStatsInput): CpdStats {
  const end = isoDateOf(input.now)
  const start = addDays(addMonths(end, -12), 1)
  const registered = zeroCounts()
  const inProgress = zeroCounts()
  let feeSupport = 0
  for (const member of input.members) {
    const regs = input.registrations.get(member.uid) ?? []
    const done = highest(regs.filter((r) => r.steps.outcome === 'done').map((r) => r.target))
    if (done) registered[done]++
    const working = regs.filter((r) => r.steps.outcome !== 'done')
    const next = highest(working.map((r) => r.target))
    if (next) inProgress[next]++
    if (working.some((r) => r.feeSupportRequested)) feeSupport++
  }

  const facultyName = new Map(input.faculties.map((f) => [f.id, f.name]))
  const rows = new Map<string, { logged: number; notYet: number }>()
  for (const f of input.faculties) rows.set(f.name, { logged: 0, notYet: 0 })
  for (const member of input.members) {
    const label = (member.facultyId && facultyName.get(member.facultyId)) || NO_FACULTY
    const row = rows.get(label) ?? { logged: 0, notYet: 0 }
    const logged = (input.cpdDates.get(member.uid) ?? []).some((d) => (d.endDate ?? d.startDate) >= start && d.startDate <= end)
    if (logged) row.logged++
    else row.notYet++
    rows.set(label, row)
  }
  // A faculty with no members at all is dropped: an empty row says nothing and only adds zeros.
  const breakdown = [...rows].filter(([, r]) => r.logged + r.notYet > 0).map(([label, counts]) => ({ label, counts }))

  return {
    generatedAt: new Date(input.now).getTime(),
    minGroup: MIN_GROUP,
    window: { start, end },
    members: suppress(input.members.length),
    registeredByLevel: suppressCounts(registered),
    inProgressByPathway: suppressCounts(inProgress),
    feeSupportRequests: suppress(feeSupport),
    cpdByFaculty: suppressTable(breakdown, { columns: CPD_COLUMNS }),
  }
}

function zeroCounts(): Record<RegistrationTarget, number> {
  return Object.fromEntries(REGISTRATION_TARGETS.map((t) => [t, 0])) as Record<RegistrationTarget, number>
}

/** The highest level among targets (ties: the first listed), so each member counts once. */
function highest(targets: readonly RegistrationTarget[]): RegistrationTarget | null {
  let best: RegistrationTarget | null = null
  for (const t of targets) if (!best || PATHWAYS[t].level > PATHWAYS[best].level) best = t
  return best
}

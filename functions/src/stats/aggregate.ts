/**
 * Aggregate statistics of an institution for the leads' dashboard and the self-assessment: pure,
 * so it is unit-tested without Firestore. Its input holds private data (contracts, equality
 * answers, CPD and registration records); its output holds only counts, every one of them passed
 * through the shared suppression rules (groups under 5 withheld, with complementary suppression
 * so a withheld figure cannot be worked back out of the totals beside it).
 */
import { REGISTRATION_TARGETS } from '@/domain/entities'
import { cpdYear } from '@/domain/rules/cpd'
import { isoDateOf } from '@/domain/rules/dates'
import { MIN_GROUP, suppress, suppressCounts, suppressTable, type SuppressedTable } from '@/domain/rules/suppression'

/** One live member profile, as the server reads it (private fields included). */
export interface ProfileInput {
  uid: string
  facultyId?: string
  roleFamily?: string
  contract?: string
  site?: string
  joinedAt: number
}

export interface EqualityInput {
  gender?: string
  ethnicity?: string
  ageBand?: string
  disability?: string
}

export interface RegistrationInput {
  target: string
  /** Registered when the outcome step is done. */
  outcomeDone: boolean
}

export interface SurveyInput {
  id: string
  title: string
  status: string
  opensAt: string
  closesAt: string
  responses: number
  audience: number
}

export interface StatsInput {
  now: number
  cpdYearStartMonth?: number
  profiles: readonly ProfileInput[]
  /** uid → equality answers (only members who answered). */
  equality: ReadonlyMap<string, EqualityInput>
  /** uid → that member's registrations. */
  registrations: ReadonlyMap<string, readonly RegistrationInput[]>
  /** Members with at least one CPD entry in the current CPD year. */
  cpdParticipants: ReadonlySet<string>
  surveys: readonly SurveyInput[]
}

/** A one-way breakdown: key → count, or null where withheld. */
export interface Breakdown {
  counts: Record<string, number | null>
  total: number | null
}

export interface InstitutionStatsResult {
  generatedAt: number
  minGroup: number
  members: {
    total: number | null
    byFaculty: Breakdown
    byRoleFamily: Breakdown
    byContract: Breakdown
    /** Members by site or campus. */
    bySite: Breakdown
    /** Faculty rows × contract columns. */
    facultyByContract: SuppressedTable
    /** Members registered by the end of each of the last 12 months, oldest first. */
    growth: { month: string; total: number | null }[]
  }
  registrations: {
    /** Members registered at each level (outcome done). */
    registered: Breakdown
    /** Registrations in progress at each level. */
    inProgress: Breakdown
    /** Distinct members holding at least one registration. */
    registeredMembers: number | null
  }
  cpd: {
    year: string
    participants: number | null
    notYet: number | null
    /** Whole percent of members with CPD this CPD year; null when withheld. */
    percent: number | null
  }
  surveys: {
    id: string
    title: string
    status: string
    opensAt: string
    closesAt: string
    responses: number | null
    audience: number
    /** Whole percent; null when the responses are withheld or the audience is empty. */
    ratePercent: number | null
  }[]
  equality: {
    respondents: number | null
    gender: Breakdown
    ethnicity: Breakdown
    ageBand: Breakdown
    disability: Breakdown
  }
}

const UNSPECIFIED = 'unspecified'
const GROWTH_MONTHS = 12

/** Counts of `key(item)` over items; a missing value counts as "unspecified". */
function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) {
    const k = key(item)?.trim() || UNSPECIFIED
    counts[k] = (counts[k] ?? 0) + 1
  }
  return counts
}

const percentOf = (part: number | null, whole: number) => (part === null || whole <= 0 ? null : Math.round((100 * part) / whole))

/** Every figure of the dashboard, suppressed. */
export function aggregateInstitutionStats(input: StatsInput): InstitutionStatsResult {
  const profiles = input.profiles
  const total = profiles.length
  const byFaculty = countBy(profiles, (p) => p.facultyId)
  const contracts = [...new Set(profiles.map((p) => p.contract?.trim() || UNSPECIFIED))].sort()
  const facultyRows = Object.keys(byFaculty)
    .sort()
    .map((facultyId) => ({
      label: facultyId,
      counts: countBy(
        profiles.filter((p) => (p.facultyId?.trim() || UNSPECIFIED) === facultyId),
        (p) => p.contract,
      ),
    }))

  const registered: Record<string, number> = Object.fromEntries(REGISTRATION_TARGETS.map((t) => [t, 0]))
  const inProgress: Record<string, number> = Object.fromEntries(REGISTRATION_TARGETS.map((t) => [t, 0]))
  let registeredMembers = 0
  const memberIds = new Set(profiles.map((p) => p.uid))
  for (const [uid, regs] of input.registrations) {
    if (!memberIds.has(uid)) continue
    let any = false
    for (const r of regs) {
      const into = r.outcomeDone ? registered : inProgress
      into[r.target] = (into[r.target] ?? 0) + 1
      any ||= r.outcomeDone
    }
    if (any) registeredMembers++
  }

  const participants = profiles.filter((p) => input.cpdParticipants.has(p.uid)).length
  const cpdSplit = suppressCounts({ participated: participants, notYet: total - participants })
  const answered = profiles.map((p) => input.equality.get(p.uid)).filter((e): e is EqualityInput => e !== undefined)

  return {
    generatedAt: input.now,
    minGroup: MIN_GROUP,
    members: {
      total: suppress(total),
      byFaculty: suppressCounts(byFaculty),
      byRoleFamily: suppressCounts(countBy(profiles, (p) => p.roleFamily)),
      byContract: suppressCounts(countBy(profiles, (p) => p.contract)),
      bySite: suppressCounts(countBy(profiles, (p) => p.site)),
      facultyByContract: suppressTable(facultyRows, { columns: contracts }),
      growth: growth(profiles, input.now),
    },
    registrations: {
      registered: suppressCounts(registered),
      inProgress: suppressCounts(inProgress),
      registeredMembers: suppress(registeredMembers),
    },
    cpd: {
      year: cpdYear(isoDateOf(input.now), input.cpdYearStartMonth ?? 1).label,
      participants: cpdSplit.counts.participated ?? null,
      notYet: cpdSplit.counts.notYet ?? null,
      percent: cpdSplit.counts.participated === null || cpdSplit.counts.notYet === null ? null : percentOf(participants, total),
    },
    surveys: input.surveys.map((s) => {
      const responses = suppress(s.responses)
      return { ...s, responses, ratePercent: percentOf(responses, s.audience) }
    }),
    equality: {
      respondents: suppress(answered.length),
      gender: suppressCounts(countBy(answered, (e) => e.gender)),
      ethnicity: suppressCounts(countBy(answered, (e) => e.ethnicity)),
      ageBand: suppressCounts(countBy(answered, (e) => e.ageBand)),
      disability: suppressCounts(countBy(answered, (e) => e.disability)),
    },
  }
}

/**
 * Members registered by the end of each of the last 12 months (cumulative), so the line only
 * ever reveals totals, never who joined in a month; a total under 5 is withheld.
 */
function growth(profiles: readonly ProfileInput[], now: number): { month: string; total: number | null }[] {
  const end = new Date(now)
  const months: { month: string; total: number | null }[] = []
  for (let k = GROWTH_MONTHS - 1; k >= 0; k--) {
    const monthStart = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - k, 1)
    const nextMonth = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - k + 1, 1)
    const count = profiles.filter((p) => p.joinedAt < nextMonth).length
    months.push({ month: new Date(monthStart).toISOString().slice(0, 7), total: suppress(count) })
  }
  return months
}

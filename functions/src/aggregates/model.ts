/**
 * Kept aggregates of an institution (pure part): what one member contributes to the dashboards'
 * counts, the counts as a flat vector of integers, and the dashboards served from them.
 *
 * - A member's **contribution** is derived from their own documents (profile, equality answers,
 *   live registrations, CPD dates of the last 24 months). It is stored beside them
 *   (`users/{uid}/counted/contribution`, server only) so that any change adds exactly
 *   `contribution(after) − contribution(before)` to the institution's counters.
 * - The **counters** (`aggregates/{inst}/shards/{k}`) hold counts only: keyed by faculty, role
 *   family, contract, join month, equality answer, registration level, CPD year and coverage day,
 *   never by a uid. Nothing here is suppressed: suppression is applied when the figures are
 *   served (`institutionStatsFrom`, `cpdStatsFrom`), with the same rules as the full scan.
 * - CPD for the leads' rolling 12-month window is kept as a difference array over days: a member
 *   "has logged CPD in the window ending on day t" for t in a union of intervals; the counters add
 *   +1 at each interval's first day and −1 the day after its last, so the count on day t is the
 *   sum of the keys ≤ t (the figure moves with the date without any write).
 */
import { REGISTRATION_TARGETS } from '@/domain/entities'
import { cpdYear } from '@/domain/rules/cpd'
import { CPD_COLUMNS, NO_FACULTY, type CpdStats } from '@/domain/rules/cpd-stats'
import { addDays, addMonths, isoDateOf } from '@/domain/rules/dates'
import { PATHWAYS, type RegistrationTarget } from '@/domain/rules/registration'
import { MIN_GROUP, suppress, suppressCounts, suppressTable } from '@/domain/rules/suppression'
import type { InstitutionStatsResult, SurveyInput } from '../stats/aggregate'

export const UNSPECIFIED = 'unspecified'
/** CPD entries older than this (by start date) no longer count anywhere today. */
export const CPD_LOOKBACK_MONTHS = 24

type Doc = Record<string, unknown>

/** What one member's documents add to their institution's counters. */
export interface Contribution {
  inst: string
  faculty: string
  role: string
  contract: string
  /** Site or campus (optional: contributions stored before sites were counted have none; the daily recount fills them in). */
  site?: string
  /** UTC month of joinedAt, YYYY-MM. */
  joined: string
  equality: { gender: string; ethnicity: string; ageBand: string; disability: string } | null
  /** Live registrations by target: outcome done / not done. */
  regDone: Record<string, number>
  regProg: Record<string, number>
  /** cpdStats' view: highest level registered, highest in progress, fee support asked. */
  hiDone: string
  hiProg: string
  fee: boolean
  /** CPD start month (1..12) → CPD year labels with at least one live entry. */
  cpdYears: Record<string, string[]>
  /** Days on which the member counts as "logged CPD in the last 12 months": merged [from, to]. */
  cover: { from: string; to: string }[]
}

/** The member's documents as stored (tombstones included; they count for nothing). */
export interface MemberSources {
  profile: Doc | null
  equality: Doc | null
  registrations: readonly Doc[]
  cpd: readonly Doc[]
}

const live = (d: Doc | null | undefined): d is Doc => !!d && d.deleted !== true
const label = (x: unknown): string => (typeof x === 'string' && x.trim() !== '' ? x.trim() : UNSPECIFIED)

/** The member's contribution, or null when they are not (or no longer) a member anywhere. */
export function contributionOf(src: MemberSources, today: string): Contribution | null {
  const p = src.profile
  if (!live(p) || typeof p.institutionId !== 'string' || p.institutionId === '') return null
  const joinedAt = typeof p.joinedAt === 'number' && Number.isFinite(p.joinedAt) ? p.joinedAt : 0
  const eq = live(src.equality) ? src.equality : null

  const regDone: Record<string, number> = {}
  const regProg: Record<string, number> = {}
  const done: RegistrationTarget[] = []
  const working: RegistrationTarget[] = []
  let fee = false
  for (const r of src.registrations) {
    if (!live(r) || typeof r.target !== 'string') continue
    const steps = typeof r.steps === 'object' && r.steps !== null ? (r.steps as Record<string, unknown>) : {}
    const outcomeDone = steps.outcome === 'done'
    const into = outcomeDone ? regDone : regProg
    into[r.target] = (into[r.target] ?? 0) + 1
    // cpdStats reads only registrations of a known level (see functions/src/cpd-stats/stats.ts).
    if (!(REGISTRATION_TARGETS as readonly string[]).includes(r.target)) continue
    const target = r.target as RegistrationTarget
    if (outcomeDone) done.push(target)
    else {
      working.push(target)
      if (r.feeSupportRequested === true) fee = true
    }
  }

  const since = addMonths(today, -CPD_LOOKBACK_MONTHS)
  const entries = src.cpd.filter(
    (c): c is Doc & { startDate: string } => live(c) && typeof c.startDate === 'string' && c.startDate >= since,
  )
  const cpdYears: Record<string, string[]> = {}
  for (let m = 1; m <= 12; m++) {
    cpdYears[String(m)] = [...new Set(entries.map((c) => cpdYear(c.startDate, m).label))].sort()
  }
  const cover = mergeIntervals(
    entries.flatMap((c) => {
      const last = lastCoveredDay(typeof c.endDate === 'string' ? c.endDate : c.startDate)
      return last >= c.startDate ? [[c.startDate, last] as [string, string]] : []
    }),
  ).map(([from, to]) => ({ from, to }))

  return {
    inst: p.institutionId,
    faculty: label(p.facultyId),
    role: label(p.roleFamily),
    contract: label(p.contract),
    site: label(p.site),
    joined: new Date(joinedAt).toISOString().slice(0, 7),
    equality: eq
      ? { gender: label(eq.gender), ethnicity: label(eq.ethnicity), ageBand: label(eq.ageBand), disability: label(eq.disability) }
      : null,
    regDone,
    regProg,
    hiDone: highest(done),
    hiProg: highest(working),
    fee,
    cpdYears,
    cover,
  }
}

/** The first day of the 12-month window that ends on `day` (as cpdStats computes it). */
export const windowStart = (day: string): string => addDays(addMonths(day, -12), 1)

/** The last day whose 12-month window still reaches back to `day`. */
export function lastCoveredDay(day: string): string {
  let t = addMonths(day, 12)
  while (windowStart(addDays(t, 1)) <= day) t = addDays(t, 1)
  while (windowStart(t) > day) t = addDays(t, -1)
  return t
}

function mergeIntervals(list: [string, string][]): [string, string][] {
  const sorted = [...list].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const out: [string, string][] = []
  for (const [from, to] of sorted) {
    const last = out[out.length - 1]
    if (last && from <= addDays(last[1], 1)) {
      if (to > last[1]) last[1] = to
    } else out.push([from, to])
  }
  return out
}

function highest(targets: readonly RegistrationTarget[]): string {
  let best: RegistrationTarget | null = null
  for (const t of targets) if (!best || PATHWAYS[t].level > PATHWAYS[best].level) best = t
  return best ?? ''
}

// ---------- vectors: counter name → integer ----------

/** A counter's name: its path in the counters' map, segments joined by SEP. */
export type Vector = Map<string, number>
export const SEP = '\u001f'
/** Counters holding a single number (depth 1); every other name has 2 or 3 segments. */
export const key = (...segments: string[]): string => segments.join(SEP)

function bump(v: Vector, name: string, by: number): void {
  const next = (v.get(name) ?? 0) + by
  if (next === 0) v.delete(name)
  else v.set(name, next)
}

/** What a contribution adds to the counters. */
export function vectorOf(c: Contribution | null): Vector {
  const v: Vector = new Map()
  if (!c) return v
  bump(v, key('members'), 1)
  bump(v, key('faculty', c.faculty), 1)
  bump(v, key('role', c.role), 1)
  bump(v, key('contract', c.contract), 1)
  if (c.site !== undefined) bump(v, key('site', c.site), 1)
  bump(v, key('facultyContract', c.faculty, c.contract), 1)
  bump(v, key('facultyRole', c.faculty, c.role), 1)
  bump(v, key('joined', c.joined), 1)
  if (c.equality) {
    bump(v, key('equality'), 1)
    for (const [field, value] of Object.entries(c.equality)) bump(v, key(field, value), 1)
  }
  for (const [t, n] of Object.entries(c.regDone)) bump(v, key('regDone', t), n)
  for (const [t, n] of Object.entries(c.regProg)) bump(v, key('regProg', t), n)
  if (Object.keys(c.regDone).length > 0) bump(v, key('registered'), 1)
  if (c.hiDone) bump(v, key('hiDone', c.hiDone), 1)
  if (c.hiProg) bump(v, key('hiProg', c.hiProg), 1)
  if (c.fee) bump(v, key('fee'), 1)
  for (const [m, labels] of Object.entries(c.cpdYears)) for (const l of labels) bump(v, key('cpdYear', m, l), 1)
  for (const { from, to } of c.cover) {
    bump(v, key('cover', c.faculty, from), 1)
    bump(v, key('cover', c.faculty, addDays(to, 1)), -1)
  }
  return v
}

export function add(into: Vector, v: Vector, sign = 1): Vector {
  for (const [k, n] of v) bump(into, k, sign * n)
  return into
}

export const minus = (a: Vector, b: Vector): Vector => add(add(new Map(), a), b, -1)

/**
 * The counters as they bear on today's and later figures: coverage keys up to today folded into
 * one (their sum is what counts), CPD years that ended before today dropped, zeros dropped. Two
 * vectors serve the same figures from today on exactly when their normal forms are equal; the
 * recount compares these, and the daily job stores them (so the day keys never pile up).
 */
export function normalise(v: Vector, today: string): Vector {
  const out: Vector = new Map()
  for (const [k, n] of v) {
    const [head, a, b] = k.split(SEP)
    if (head === 'cover' && a !== undefined && b !== undefined && b <= today) bump(out, key('cover', a, PAST), n)
    else if (head === 'cpdYear' && a !== undefined && b !== undefined && yearEnded(b, Number(a), today)) continue
    else bump(out, k, n)
  }
  return out
}

/** Counter names whose kept value differs from the recount, as far as today's figures go. */
export interface Drift {
  counter: string
  kept: number
  recount: number
}

export function driftOf(kept: Vector, recount: Vector, today: string): Drift[] {
  const a = normalise(kept, today)
  const b = normalise(recount, today)
  const names = [...new Set([...a.keys(), ...b.keys()])].sort()
  return names
    .filter((n) => (a.get(n) ?? 0) !== (b.get(n) ?? 0))
    .map((n) => ({ counter: n.split(SEP).join('/'), kept: a.get(n) ?? 0, recount: b.get(n) ?? 0 }))
}

/** The key all coverage days up to today fold into (sorts before every date). */
export const PAST = '0000-00-00'

function yearEnded(yearLabel: string, startMonth: number, today: string): boolean {
  return yearLabel < cpdYear(today, startMonth).label
}

// ---------- serving: the dashboards from the counters, suppressed now ----------

/** Counters under a prefix: the next segment → value (depth-2 names). */
function under(v: Vector, ...prefix: string[]): Record<string, number> {
  const p = prefix.join(SEP) + SEP
  const out: Record<string, number> = {}
  for (const k of [...v.keys()].sort()) {
    if (!k.startsWith(p)) continue
    const rest = k.slice(p.length)
    if (rest.includes(SEP)) continue
    out[rest] = v.get(k)!
  }
  return out
}

const sumAt = (v: Vector, day: string, faculty: string): number => {
  let n = 0
  for (const [d, c] of Object.entries(under(v, 'cover', faculty))) if (d <= day) n += c
  return n
}

const facultiesOf = (v: Vector): string[] => Object.keys(under(v, 'faculty'))

const percentOf = (part: number | null, whole: number) => (part === null || whole <= 0 ? null : Math.round((100 * part) / whole))

export interface SurveyMeta {
  id: string
  title: string
  status: string
  opensAt: string
  closesAt: string
  audience: unknown
}

/** Members a survey was addressed to, from the faculty × role counters. */
export function audienceFrom(v: Vector, audience: unknown): number {
  const a = (typeof audience === 'object' && audience !== null ? audience : {}) as { facultyIds?: unknown; roleFamilies?: unknown }
  const faculties = Array.isArray(a.facultyIds) ? (a.facultyIds as unknown[]) : []
  const roles = Array.isArray(a.roleFamilies) ? (a.roleFamilies as unknown[]) : []
  let n = 0
  for (const f of facultiesOf(v)) {
    if (faculties.length > 0 && (f === UNSPECIFIED || !faculties.includes(f))) continue
    for (const [r, c] of Object.entries(under(v, 'facultyRole', f))) {
      if (roles.length > 0 && (r === UNSPECIFIED || !roles.includes(r))) continue
      n += c
    }
  }
  return n
}

/** The institutionStats reply from the counters (same shape and suppression as the full scan). */
export function institutionStatsFrom(
  v: Vector,
  ctx: { now: number; cpdYearStartMonth: number; surveys: readonly SurveyMeta[] },
): InstitutionStatsResult {
  const total = v.get(key('members')) ?? 0
  const byFaculty = under(v, 'faculty')
  const contracts = Object.keys(under(v, 'contract')).sort()
  const facultyRows = Object.keys(byFaculty)
    .sort()
    .map((f) => ({ label: f, counts: under(v, 'facultyContract', f) }))
  const registered: Record<string, number> = Object.fromEntries(REGISTRATION_TARGETS.map((t) => [t, 0]))
  const inProgress: Record<string, number> = Object.fromEntries(REGISTRATION_TARGETS.map((t) => [t, 0]))
  Object.assign(registered, under(v, 'regDone'))
  Object.assign(inProgress, under(v, 'regProg'))
  const year = cpdYear(isoDateOf(ctx.now), ctx.cpdYearStartMonth)
  const participants = v.get(key('cpdYear', String(ctx.cpdYearStartMonth), year.label)) ?? 0
  const cpdSplit = suppressCounts({ participated: participants, notYet: total - participants })
  const surveys: SurveyInput[] = ctx.surveys.map((s) => ({
    id: s.id,
    title: s.title,
    status: s.status,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    responses: v.get(key('responses', s.id)) ?? 0,
    audience: audienceFrom(v, s.audience),
  }))
  const joined = under(v, 'joined')
  const end = new Date(ctx.now)
  const growth: { month: string; total: number | null }[] = []
  for (let k = 11; k >= 0; k--) {
    const month = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - k, 1)).toISOString().slice(0, 7)
    let count = 0
    for (const [m, n] of Object.entries(joined)) if (m <= month) count += n
    growth.push({ month, total: suppress(count) })
  }
  return {
    generatedAt: ctx.now,
    minGroup: MIN_GROUP,
    members: {
      total: suppress(total),
      byFaculty: suppressCounts(byFaculty),
      byRoleFamily: suppressCounts(under(v, 'role')),
      byContract: suppressCounts(under(v, 'contract')),
      bySite: suppressCounts(under(v, 'site')),
      facultyByContract: suppressTable(facultyRows, { columns: contracts }),
      growth,
    },
    registrations: {
      registered: suppressCounts(registered),
      inProgress: suppressCounts(inProgress),
      registeredMembers: suppress(v.get(key('registered')) ?? 0),
    },
    cpd: {
      year: year.label,
      participants: cpdSplit.counts.participated ?? null,
      notYet: cpdSplit.counts.notYet ?? null,
      percent: cpdSplit.counts.participated === null || cpdSplit.counts.notYet === null ? null : percentOf(participants, total),
    },
    surveys: surveys.map((s) => {
      const responses = suppress(s.responses)
      return { ...s, responses, ratePercent: percentOf(responses, s.audience) }
    }),
    equality: {
      respondents: suppress(v.get(key('equality')) ?? 0),
      gender: suppressCounts(under(v, 'gender')),
      ethnicity: suppressCounts(under(v, 'ethnicity')),
      ageBand: suppressCounts(under(v, 'ageBand')),
      disability: suppressCounts(under(v, 'disability')),
    },
  }
}

/** The cpdStats reply from the counters (same shape and suppression as src/domain/rules/cpd-stats.ts). */
export function cpdStatsFrom(v: Vector, ctx: { now: number; faculties: readonly { id: string; name: string }[] }): CpdStats {
  const end = isoDateOf(ctx.now)
  const start = windowStart(end)
  const registered: Record<string, number> = Object.fromEntries(REGISTRATION_TARGETS.map((t) => [t, 0]))
  const inProgress: Record<string, number> = Object.fromEntries(REGISTRATION_TARGETS.map((t) => [t, 0]))
  Object.assign(registered, under(v, 'hiDone'))
  Object.assign(inProgress, under(v, 'hiProg'))
  const facultyName = new Map(ctx.faculties.map((f) => [f.id, f.name]))
  const rows = new Map<string, { logged: number; notYet: number }>()
  for (const f of ctx.faculties) rows.set(f.name, { logged: 0, notYet: 0 })
  for (const [faculty, members] of Object.entries(under(v, 'faculty'))) {
    const name = (faculty !== UNSPECIFIED && facultyName.get(faculty)) || NO_FACULTY
    const row = rows.get(name) ?? { logged: 0, notYet: 0 }
    const logged = sumAt(v, end, faculty)
    row.logged += logged
    row.notYet += members - logged
    rows.set(name, row)
  }
  const breakdown = [...rows].filter(([, r]) => r.logged + r.notYet > 0).map(([label, counts]) => ({ label, counts }))
  return {
    generatedAt: ctx.now,
    minGroup: MIN_GROUP,
    window: { start, end },
    members: suppress(v.get(key('members')) ?? 0),
    registeredByLevel: suppressCounts(registered),
    inProgressByPathway: suppressCounts(inProgress),
    feeSupportRequests: suppress(v.get(key('fee')) ?? 0),
    cpdByFaculty: suppressTable(breakdown, { columns: CPD_COLUMNS }),
  }
}

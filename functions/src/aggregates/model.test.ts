import { describe, expect, it } from 'vitest'
import { cpdStats } from '@/domain/rules/cpd-stats'
import { cpdYear } from '@/domain/rules/cpd'
import { addDays, addMonths, isoDateOf } from '@/domain/rules/dates'
import { aggregateInstitutionStats, type EqualityInput, type RegistrationInput } from '../stats/aggregate'
import {
  add,
  contributionOf,
  cpdStatsFrom,
  driftOf,
  institutionStatsFrom,
  key,
  lastCoveredDay,
  normalise,
  vectorOf,
  windowStart,
  type MemberSources,
  type Vector,
} from './model'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 23, 9)

/** A small deterministic generator (no Math.random: a failure reproduces). */
function rng(seed: number) {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

function members(seed: number, n: number, today: string) {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  return Array.from({ length: n }, (_, i): MemberSources & { uid: string } => ({
    uid: `u${i}`,
    profile: {
      institutionId: 'inst',
      deleted: r() < 0.05,
      facultyId: pick(['f-a', 'f-b', 'f-c', undefined, '']),
      roleFamily: pick(['laboratory', 'workshop', 'it', undefined]),
      contract: pick(['permanent', 'fixed-term', undefined]),
      // From the index, not the generator, so the other fields' draws stay as they were.
      site: ['Main campus', 'City campus', 'Main campus', undefined][i % 4],
      joinedAt: NOW - Math.floor(r() * 700) * DAY,
    },
    equality:
      r() < 0.6
        ? {
            deleted: r() < 0.1,
            gender: pick(['Woman', 'Man', 'Non-binary', undefined]),
            disability: pick(['yes', 'no', undefined]),
            ageBand: pick(['25-34', '35-44']),
          }
        : null,
    registrations: Array.from({ length: Math.floor(r() * 3) }, () => ({
      deleted: r() < 0.1,
      target: pick(['RSciTech', 'EngTech', 'CSci', 'IEng']),
      steps: r() < 0.5 ? { outcome: 'done' } : { evidence: 'doing' },
      feeSupportRequested: r() < 0.3,
    })),
    cpd: Array.from({ length: Math.floor(r() * 4) }, () => {
      const startDate = addDays(today, -Math.floor(r() * 800) + 150)
      return { deleted: r() < 0.1, startDate, ...(r() < 0.3 ? { endDate: addDays(startDate, Math.floor(r() * 30)) } : {}) }
    }),
  }))
}

/** The full scan's pure aggregators, fed as the scans feed them. */
function scanned(list: ReturnType<typeof members>, now: number, startMonth: number) {
  const today = isoDateOf(now)
  const liveMembers = list.filter((m) => m.profile && m.profile.deleted !== true)
  const str = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x : undefined)
  const equality = new Map<string, EqualityInput>()
  const registrations = new Map<string, RegistrationInput[]>()
  const cpdParticipants = new Set<string>()
  const year = cpdYear(today, startMonth)
  for (const m of liveMembers) {
    if (m.equality && m.equality.deleted !== true)
      equality.set(m.uid, { gender: str(m.equality.gender), disability: str(m.equality.disability), ageBand: str(m.equality.ageBand) })
    const regs = m.registrations.filter((x) => x.deleted !== true)
    if (regs.length)
      registrations.set(
        m.uid,
        regs.map((x) => ({ target: String(x.target), outcomeDone: (x.steps as { outcome?: string }).outcome === 'done' })),
      )
    if (m.cpd.some((c) => c.deleted !== true && (c.startDate as string) >= year.start && (c.startDate as string) <= year.end))
      cpdParticipants.add(m.uid)
  }
  const profiles = liveMembers.map((m) => ({
    uid: m.uid,
    facultyId: str(m.profile!.facultyId),
    roleFamily: str(m.profile!.roleFamily),
    contract: str(m.profile!.contract),
    site: str(m.profile!.site),
    joinedAt: m.profile!.joinedAt as number,
  }))
  const surveys = [
    {
      id: 's1',
      title: 'Pulse',
      status: 'open',
      opensAt: '2026-01-01',
      closesAt: '2027-01-01',
      responses: 7,
      audience: profiles.filter((p) => p.facultyId === 'f-a').length,
    },
  ]
  const institution = aggregateInstitutionStats({
    now,
    cpdYearStartMonth: startMonth,
    profiles,
    equality,
    registrations,
    cpdParticipants,
    surveys,
  })
  const since = addMonths(today, -24)
  const cpd = cpdStats({
    now,
    faculties: [
      { id: 'f-a', name: 'Arts' },
      { id: 'f-b', name: 'Biology' },
      { id: 'f-z', name: 'Zoology' },
    ],
    members: liveMembers.map((m) => ({
      uid: m.uid,
      ...(typeof m.profile!.facultyId === 'string' ? { facultyId: m.profile!.facultyId } : {}),
    })),
    registrations: new Map(liveMembers.map((m) => [m.uid, m.registrations.filter((x) => x.deleted !== true) as never])),
    cpdDates: new Map(
      liveMembers.map((m) => [m.uid, m.cpd.filter((c) => c.deleted !== true && (c.startDate as string) >= since) as never]),
    ),
  })
  return { institution, cpd }
}

function kept(list: ReturnType<typeof members>, today: string): Vector {
  const v: Vector = new Map([[key('responses', 's1'), 7]])
  for (const m of list) add(v, vectorOf(contributionOf(m, today)))
  return v
}

const served = (v: Vector, now: number, startMonth: number) => ({
  institution: institutionStatsFrom(v, {
    now,
    cpdYearStartMonth: startMonth,
    surveys: [
      { id: 's1', title: 'Pulse', status: 'open', opensAt: '2026-01-01', closesAt: '2027-01-01', audience: { facultyIds: ['f-a'] } },
    ],
  }),
  cpd: cpdStatsFrom(v, {
    now,
    faculties: [
      { id: 'f-a', name: 'Arts' },
      { id: 'f-b', name: 'Biology' },
      { id: 'f-z', name: 'Zoology' },
    ],
  }),
})

describe('kept aggregates serve what the full scan serves', () => {
  for (const [seed, n] of [
    [1, 12],
    [2, 40],
    [3, 150],
    [4, 600],
  ] as const) {
    it(`seed ${seed}: ${n} members, CPD years from every start month`, () => {
      const list = members(seed, n, isoDateOf(NOW))
      const v = kept(list, isoDateOf(NOW))
      for (const startMonth of [1, 8]) expect(served(v, NOW, startMonth)).toEqual(scanned(list, NOW, startMonth))
    })
  }

  it('stays right as days pass with no write (the rolling CPD window moves)', () => {
    const list = members(7, 300, isoDateOf(NOW))
    const v = kept(list, isoDateOf(NOW))
    for (const later of [1, 20, 45, 90]) {
      const now = NOW + later * DAY
      expect(served(v, now, 1).cpd).toEqual(scanned(list, now, 1).cpd)
      expect(served(normalise(v, isoDateOf(now)), now, 1)).toEqual(served(v, now, 1))
    }
  })

  it('holds counts only: no uid, and nothing stored pre-suppressed', () => {
    const list = members(5, 30, isoDateOf(NOW))
    const v = kept(list, isoDateOf(NOW))
    expect([...v.keys()].join(' ')).not.toMatch(/\bu\d+\b/)
    expect([...v.values()].every((n) => Number.isInteger(n))).toBe(true)
    // A group of one is kept as 1 and withheld only when served.
    const one = kept([{ ...list[0]!, profile: { ...list[0]!.profile, deleted: false, facultyId: 'f-solo' } }], isoDateOf(NOW))
    expect(one.get(key('faculty', 'f-solo'))).toBe(1)
    expect(institutionStatsFrom(one, { now: NOW, cpdYearStartMonth: 1, surveys: [] }).members.byFaculty.counts['f-solo']).toBeNull()
  })

  it('a change adds exactly its difference; drift names the counter', () => {
    const list = members(9, 50, isoDateOf(NOW))
    const today = isoDateOf(NOW)
    const before = kept(list, today)
    const m = list.find((x) => x.profile!.deleted !== true)!
    const after = kept(
      list.map((x) => (x === m ? { ...x, profile: { ...x.profile, facultyId: 'f-new' } } : x)),
      today,
    )
    const delta = add(add(new Map(), after), before, -1)
    expect(add(add(new Map(), before), delta)).toEqual(after)
    expect(driftOf(before, after, today).map((d) => d.counter)).toContain('faculty/f-new')
    expect(driftOf(after, after, today)).toEqual([])
  })

  it('counts sites, and a contribution stored before sites were counted adds no site (the recount fills it in)', () => {
    const list = members(3, 150, isoDateOf(NOW))
    const v = kept(list, isoDateOf(NOW))
    expect(served(v, NOW, 1).institution.members.bySite.counts['Main campus']).toBeGreaterThan(5)
    const c = contributionOf(
      list.find((x) => x.profile!.deleted !== true)!,
      isoDateOf(NOW),
    )!
    const { site: _site, ...older } = c
    expect([...vectorOf(older).keys()].some((k) => k.startsWith(key('site', '')))).toBe(false)
    expect([...vectorOf(c).keys()].some((k) => k.startsWith(key('site', '')))).toBe(true)
  })

  it('the window day arithmetic inverts windowStart', () => {
    for (const d of ['2026-02-28', '2026-03-31', '2024-02-29', '2026-11-23']) {
      const last = lastCoveredDay(d)
      expect(windowStart(last) <= d).toBe(true)
      expect(windowStart(addDays(last, 1)) > d).toBe(true)
    }
  })
})

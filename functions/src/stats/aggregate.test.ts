import { describe, expect, it } from 'vitest'
import { InstitutionStatsSchema } from '@/domain/stats'
import * as v from 'valibot'
import { aggregateInstitutionStats, type ProfileInput, type RegistrationInput, type StatsInput } from './aggregate'
import { audienceSize } from './stats'

const NOW = Date.UTC(2026, 10, 23, 9)
const DAY = 86_400_000

/** 12 in science (9 permanent, 3 fixed-term), 6 in engineering (all permanent), 2 with no faculty. */
function profiles(): ProfileInput[] {
  const out: ProfileInput[] = []
  for (let i = 0; i < 12; i++)
    out.push({
      uid: `sci${i}`,
      facultyId: 'f-sci',
      roleFamily: 'laboratory',
      contract: i < 9 ? 'permanent' : 'fixed-term',
      joinedAt: NOW - (i + 1) * 20 * DAY,
    })
  for (let i = 0; i < 6; i++)
    out.push({ uid: `eng${i}`, facultyId: 'f-eng', roleFamily: 'workshop', contract: 'permanent', joinedAt: NOW - 400 * DAY })
  out.push({ uid: 'x1', joinedAt: NOW - DAY }, { uid: 'x2', roleFamily: 'it', joinedAt: NOW - 2 * DAY })
  return out
}

function input(extra: Partial<StatsInput> = {}): StatsInput {
  return {
    now: NOW,
    cpdYearStartMonth: 8,
    profiles: profiles(),
    equality: new Map(),
    registrations: new Map(),
    cpdParticipants: new Set(),
    surveys: [],
    ...extra,
  }
}

describe('aggregateInstitutionStats', () => {
  it('counts members by faculty, role family and contract, withholding groups under 5', () => {
    const stats = aggregateInstitutionStats(input())
    expect(stats.members.total).toBe(20)
    // "unspecified" has 2: withheld, and so is the next smallest (6) so it cannot be subtracted back.
    expect(stats.members.byFaculty.counts).toEqual({ 'f-sci': 12, 'f-eng': null, unspecified: null })
    expect(stats.members.byContract.counts['fixed-term']).toBeNull()
    expect(stats.members.byContract.counts.unspecified).toBeNull()
    expect(stats.members.byContract.counts.permanent).toBe(15)
    expect(stats.minGroup).toBe(5)
  })

  it('counts members by site or campus, withholding sites under 5', () => {
    const sited = profiles().map((p, i) => ({
      ...p,
      site: i < 12 ? 'Main campus' : i < 18 ? 'City campus' : i === 18 ? 'Farm' : undefined,
    }))
    const stats = aggregateInstitutionStats(input({ profiles: sited }))
    expect(stats.members.bySite.counts['Main campus']).toBe(12)
    expect(stats.members.bySite.counts['City campus']).toBe(6)
    expect(stats.members.bySite.counts['Farm']).toBeNull()
    expect(stats.members.bySite.counts['unspecified']).toBeNull()
  })

  it('never shows a table cell under 5, nor one that could be subtracted back', () => {
    const table = aggregateInstitutionStats(input()).members.facultyByContract
    const sci = table.rows.find((r) => r.label === 'f-sci')
    expect(sci?.counts['fixed-term']).toBeNull()
    for (const row of table.rows) {
      for (const value of Object.values(row.counts)) if (value !== null) expect(value).toBeGreaterThanOrEqual(5)
      const hidden = Object.values(row.counts).filter((x) => x === null).length
      if (row.total !== null) expect(hidden).not.toBe(1)
    }
  })

  it('reports CPD participation as a share, withheld when either side is under 5', () => {
    const some = aggregateInstitutionStats(
      input({ cpdParticipants: new Set(['sci0', 'sci1', 'sci2', 'sci3', 'sci4', 'sci5', 'outsider']) }),
    )
    expect(some.cpd).toEqual({ year: '2026/27', participants: 6, notYet: 14, percent: 30 })
    const few = aggregateInstitutionStats(input({ cpdParticipants: new Set(['sci0', 'sci1']) }))
    expect(few.cpd.participants).toBeNull()
    expect(few.cpd.percent).toBeNull()
  })

  it('counts registrations by level and distinct registered members, ignoring non-members', () => {
    const registrations = new Map<string, RegistrationInput[]>([
      ...Array.from({ length: 6 }, (_, i): [string, RegistrationInput[]] => [`sci${i}`, [{ target: 'RSciTech', outcomeDone: true }]]),
      [
        'eng0',
        [
          { target: 'EngTech', outcomeDone: true },
          { target: 'IEng', outcomeDone: false },
        ],
      ],
      ['stranger', [{ target: 'RSciTech', outcomeDone: true }]],
    ])
    const stats = aggregateInstitutionStats(input({ registrations }))
    expect(stats.registrations.registered.counts.RSciTech).toBe(6)
    expect(stats.registrations.registered.counts.EngTech).toBeNull()
    expect(stats.registrations.registeredMembers).toBe(7)
  })

  it('summarises equality answers only in aggregate', () => {
    const equality = new Map(
      profiles()
        .slice(0, 14)
        .map((p, i) => [p.uid, { gender: i < 8 ? 'Woman' : i < 13 ? 'Man' : 'Non-binary', disability: 'no' }]),
    )
    const stats = aggregateInstitutionStats(input({ equality }))
    expect(stats.equality.respondents).toBe(14)
    expect(stats.equality.gender.counts).toMatchObject({ Woman: 8, 'Non-binary': null })
    // With one group withheld, the next smallest is too (else 14 − 8 − 5 = 1).
    expect(stats.equality.gender.counts.Man).toBeNull()
    expect(JSON.stringify(stats)).not.toMatch(/sci\d|eng\d|"x1"|"x2"/)
  })

  it('gives survey response rates, withheld under 5 responses', () => {
    const surveys = [
      { id: 's1', title: 'Annual', status: 'closed', opensAt: '2026-01-01', closesAt: '2026-02-01', responses: 8, audience: 20 },
      { id: 's2', title: 'Pulse', status: 'open', opensAt: '2026-11-01', closesAt: '2026-12-01', responses: 3, audience: 20 },
    ]
    const stats = aggregateInstitutionStats(input({ surveys }))
    expect(stats.surveys.map((s) => [s.id, s.responses, s.ratePercent])).toEqual([
      ['s1', 8, 40],
      ['s2', null, null],
    ])
  })

  it('draws growth as cumulative totals over the last 12 months', () => {
    const { growth } = aggregateInstitutionStats(input()).members
    expect(growth).toHaveLength(12)
    expect(growth[11]).toEqual({ month: '2026-11', total: 20 })
    const totals = growth.map((g) => g.total ?? 0)
    expect([...totals].sort((a, b) => a - b)).toEqual(totals)
  })

  it('matches the schema the app validates the reply with', () => {
    const stats = aggregateInstitutionStats(
      input({
        surveys: [{ id: 's1', title: 'A', status: 'open', opensAt: '2026-01-01', closesAt: '2026-02-01', responses: 9, audience: 20 }],
      }),
    )
    expect(v.safeParse(InstitutionStatsSchema, stats).success).toBe(true)
  })
})

describe('audienceSize', () => {
  it('counts everyone for an open audience and filters by faculty and role otherwise', () => {
    const members = [
      { facultyId: 'a', roleFamily: 'it' },
      { facultyId: 'b', roleFamily: 'it' },
      { facultyId: 'a', roleFamily: 'laboratory' },
    ]
    expect(audienceSize(members, { facultyIds: [], roleFamilies: [] })).toBe(3)
    expect(audienceSize(members, { facultyIds: ['a'], roleFamilies: [] })).toBe(2)
    expect(audienceSize(members, { facultyIds: ['a'], roleFamilies: ['it'] })).toBe(1)
    expect(audienceSize(members, null)).toBe(3)
  })
})

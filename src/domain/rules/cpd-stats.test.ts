import { describe, expect, it } from 'vitest'
import { REGISTRATION_STEPS } from '../entities'
import { cpdStats, NO_FACULTY, type CpdStatsInput } from './cpd-stats'
import type { RegistrationTarget } from './registration'

const NOW = new Date(2026, 10, 23, 12)
const steps = (outcome: 'todo' | 'done') => ({ ...Object.fromEntries(REGISTRATION_STEPS.map((s) => [s, 'todo' as const])), outcome })
const reg = (target: RegistrationTarget, outcome: 'todo' | 'done' = 'todo', feeSupportRequested = false) => ({
  target,
  steps: steps(outcome),
  feeSupportRequested,
})

function input(partial: Partial<CpdStatsInput>): CpdStatsInput {
  return { now: NOW, faculties: [], members: [], registrations: new Map(), cpdDates: new Map(), ...partial }
}

const uids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

describe('cpdStats', () => {
  it('counts each member once, at their highest registration achieved and in progress', () => {
    const members = uids('m', 14).map((uid) => ({ uid }))
    const registrations = new Map<string, ReturnType<typeof reg>[]>()
    // Six registered RSciTech, of whom one has since achieved RSci too (counted at RSci only).
    for (const uid of uids('m', 6)) registrations.set(uid, [reg('RSciTech', 'done')])
    registrations.set('m0', [reg('RSciTech', 'done'), reg('RSci', 'done')])
    // Seven working towards RSci, five of them asking for fee support; six towards EngTech, five towards AFHEA.
    for (const [i, uid] of uids('m', 13).slice(6).entries()) registrations.set(uid, [reg('RSci', 'todo', i < 5)])
    for (const uid of uids('t', 6)) registrations.set(uid, [reg('EngTech')])
    for (const uid of uids('a', 5)) registrations.set(uid, [reg('AFHEA')])
    members.push(...[...uids('t', 6), ...uids('a', 5)].map((uid) => ({ uid })))
    const stats = cpdStats(input({ members, registrations }))
    expect(stats.members).toBe(25)
    expect(stats.registeredByLevel.counts.RSciTech).toBe(5)
    // A single RSci is withheld among the withheld zeros, so which level it is cannot be told.
    expect(stats.registeredByLevel.counts.RSci).toBeNull()
    expect(stats.registeredByLevel.counts.CEng).toBeNull()
    expect(stats.registeredByLevel.total).toBe(6)
    expect(stats.inProgressByPathway.counts.RSci).toBe(7)
    expect(stats.inProgressByPathway.counts.EngTech).toBe(6)
    // Shown beside a total with only zeros withheld, the zeros would be known: the smallest goes too.
    expect(stats.inProgressByPathway.counts.AFHEA).toBeNull()
    expect(stats.inProgressByPathway.total).toBe(18)
    expect(stats.feeSupportRequests).toBe(5)
  })

  it('withholds every figure under 5, zero included, and the totals that would give them away', () => {
    const members = uids('m', 4).map((uid) => ({ uid }))
    const stats = cpdStats(input({ members, registrations: new Map([['m0', [reg('CEng', 'done', true)]]]) }))
    expect(stats.members).toBeNull()
    expect(Object.values(stats.registeredByLevel.counts).every((c) => c === null)).toBe(true)
    expect(stats.feeSupportRequests).toBeNull()
  })

  it('splits CPD participation in the last 12 months by faculty, suppressing small cells', () => {
    const faculties = [
      { id: 'sci', name: 'Science' },
      { id: 'eng', name: 'Engineering' },
      { id: 'arts', name: 'Arts' },
    ]
    const members = [
      ...uids('s', 12).map((uid) => ({ uid, facultyId: 'sci' })),
      ...uids('e', 10).map((uid) => ({ uid, facultyId: 'eng' })),
      ...uids('x', 2).map((uid) => ({ uid })),
    ]
    const cpdDates = new Map<string, { startDate: string; endDate?: string }[]>()
    for (const uid of uids('s', 7)) cpdDates.set(uid, [{ startDate: '2026-06-01' }])
    for (const uid of uids('e', 5)) cpdDates.set(uid, [{ startDate: '2026-01-10' }])
    // Outside the window (more than 12 months ago), and a course that ended inside it.
    cpdDates.set('e5', [{ startDate: '2025-11-23' }])
    cpdDates.set('e6', [{ startDate: '2025-10-01', endDate: '2025-11-24' }])
    const stats = cpdStats(input({ faculties, members, cpdDates }))
    expect(stats.window).toEqual({ start: '2025-11-24', end: '2026-11-23' })
    const rows = Object.fromEntries(stats.cpdByFaculty.rows.map((r) => [r.label, r]))
    expect(Object.keys(rows)).toEqual(['Science', 'Engineering', NO_FACULTY])
    expect(rows.Science?.counts.logged).toBe(7)
    expect(rows.Science?.counts.notYet).toBe(5)
    // Engineering "not yet" is 4: withheld, and its row partner too, or 10 − 6 would give it away.
    expect(rows.Engineering?.counts.notYet).toBeNull()
    expect(rows.Engineering?.counts.logged).toBeNull()
    expect(rows[NO_FACULTY]?.total).toBeNull()
    const shown = stats.cpdByFaculty.rows.flatMap((r) => [...Object.values(r.counts), r.total])
    expect(shown.filter((n) => n !== null).every((n) => (n ?? 0) >= 5)).toBe(true)
  })

  it('never returns anything but counts', () => {
    const stats = cpdStats(
      input({ members: [{ uid: 'secret-uid', facultyId: 'f' }], cpdDates: new Map([['secret-uid', [{ startDate: '2026-11-01' }]]]) }),
    )
    expect(JSON.stringify(stats)).not.toContain('secret-uid')
  })
})

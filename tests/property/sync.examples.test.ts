/** Named schedules for the invariants, kept as regression examples beside the random ones. */
import { describe, expect, it } from 'vitest'
import type { Caller } from '@/domain/collections'
import type { LocalDoc } from '@/db/apply'
import { MemoryServer, memoryTransport } from '../support/memory-server'
import { INSTITUTION, realClock, runSchedule, type Step } from '../support/sync-harness'

const tech: Caller = { uid: 'u-tech', institutionId: INSTITUTION, role: 'technician' }
const lead: Caller = { uid: 'u-lead', institutionId: INSTITUTION, role: 'lead' }

function run(steps: Step[], callers: Caller[] = [tech, tech], pageSize = 2, skews: number[] = []) {
  const server = new MemoryServer(
    () => 1,
    () => realClock.t,
  )
  return runSchedule(steps, {
    specs: callers.map((caller, i) => ({ caller, skew: skews[i] })),
    pageSize,
    makeTransport: (s) => memoryTransport(server, s.caller),
    serverDocs: async (c, col) => new Map(server.pull(c, col, null, 1e9).map((d) => [d.id, d as LocalDoc])),
    checkAppliedOnce: async () => {
      for (const [id, n] of server.applyCount) expect(n, `mutation ${id} applied once`).toBe(1)
    },
    ledger: async () => new Map([...server.ledger.entries()].map(([k, r]) => [k.split('__')[1] ?? k, r])),
  })
}

const shared: Step[] = [
  { kind: 'create', client: 0, collection: 'cpd', title: 'Alpha', hours: 1 },
  { kind: 'push', client: 0, fault: 'none' },
  { kind: 'pull', client: 0 },
  { kind: 'pull', client: 1 },
]

describe('sync examples', () => {
  it('rebases a pending edit over a newer server copy (read-your-writes)', () =>
    run([
      ...shared,
      { kind: 'patch', client: 0, collection: 'cpd', pick: 0, title: 'Beta' },
      { kind: 'patch', client: 1, collection: 'cpd', pick: 0, title: 'Gamma' },
      { kind: 'push', client: 1, fault: 'none' },
      { kind: 'pull', client: 0 },
    ]))

  it('never resurrects a document deleted on another device', () =>
    run([
      ...shared,
      { kind: 'online', client: 1, online: false },
      { kind: 'delete', client: 0, collection: 'cpd', pick: 0 },
      { kind: 'push', client: 0, fault: 'none' },
      { kind: 'patch', client: 1, collection: 'cpd', pick: 0, title: 'Stale' },
    ]))

  it('applies a mutation once when its reply is lost, or it is delivered twice, or the tab crashes', () =>
    run(
      [
        { kind: 'create', client: 0, collection: 'ideas', title: 'Alpha', hours: 0 },
        { kind: 'push', client: 0, fault: 'lost-reply' },
        { kind: 'crash', client: 0 },
        { kind: 'patch', client: 0, collection: 'ideas', pick: 0, title: 'Beta' },
        { kind: 'push', client: 0, fault: 'duplicate' },
        { kind: 'pull', client: 1 },
      ],
      [tech, lead],
    ))

  const YEAR = 365 * 24 * 3600 * 1000
  it('a phone whose clock is a year ahead does not freeze a title the laptop edits later', () =>
    run(
      [
        { kind: 'create', client: 0, collection: 'cpd', title: 'Alpha', hours: 1 },
        { kind: 'push', client: 0, fault: 'none' },
        { kind: 'pull', client: 1 },
        { kind: 'patch', client: 1, collection: 'cpd', pick: 0, title: 'Beta' },
        { kind: 'push', client: 1, fault: 'none' },
      ],
      [tech, tech],
      2,
      [YEAR, 0],
    ))

  it('two devices of one person each add a skill offline to the same entry: both stay', () =>
    run(
      [
        ...shared,
        { kind: 'online', client: 0, online: false },
        { kind: 'online', client: 1, online: false },
        { kind: 'skill', client: 0, pick: 0, skill: 'cryo', add: true },
        { kind: 'skill', client: 1, pick: 0, skill: 'pcr', add: true },
        { kind: 'patch', client: 1, collection: 'cpd', pick: 0, title: 'Gamma' },
      ],
      [tech, tech],
      2,
      [-YEAR, YEAR],
    ))
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Caller } from '@/domain/collections'
import type { LocalDoc } from '@/db/apply'
import { MemoryServer, memoryTransport } from '../support/memory-server'
import { INSTITUTION, realClock, runSchedule, SKEWS, stepArb, type ClientSpec } from '../support/sync-harness'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000)
const technician: Caller = { uid: 'u-tech', institutionId: INSTITUTION, role: 'technician' }
const lead: Caller = { uid: 'u-lead', institutionId: INSTITUTION, role: 'lead' }

describe('sync invariants against the in-memory server', () => {
  it(`hold over ${RUNS} random schedules of 2–3 devices (two per person), skewed clocks and list edits`, async () => {
    let schedules = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Caller[]>([technician, technician], [technician, technician, lead], [technician, lead], [lead, lead, technician]),
        fc.array(fc.constantFrom(...SKEWS), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(stepArb(3), { minLength: 5, maxLength: 40 }),
        async (callers, skews, ticks, pageSize, steps) => {
          schedules++
          let i = 0
          // Documents of one push share a commit time, so ties on updatedAt straddle page edges.
          const server = new MemoryServer(
            () => ticks[i++ % ticks.length] ?? 0,
            () => realClock.t,
          )
          const specs: ClientSpec[] = callers.map((caller, n) => ({ caller, skew: skews[n] }))
          await runSchedule(
            steps.filter((s) => s.client < specs.length),
            {
              specs,
              pageSize,
              makeTransport: (spec) => memoryTransport(server, spec.caller),
              serverDocs: async (caller, col) => {
                const out = new Map<string, LocalDoc>()
                for (const d of server.pull(caller, col, null, 1e9)) out.set(d.id, d as LocalDoc)
                return out
              },
              checkAppliedOnce: async () => {
                for (const [id, n] of server.applyCount) expect(n, `mutation ${id} applied once`).toBe(1)
              },
              ledger: async () => new Map([...server.ledger.entries()].map(([k, r]) => [k.split('__')[1] ?? k, r])),
            },
          )
        },
      ),
      { numRuns: RUNS },
    )
    console.info(`sync property: ${schedules} schedules run`)
  }, 600_000)
})

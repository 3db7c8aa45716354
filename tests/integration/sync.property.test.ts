/**
 * The sync invariants of tests/property, run against the emulators with the real pieces: the
 * app's Firebase transport (Firestore Lite reads + the syncPush callable) signed in through
 * Firebase Auth, the deployed merge rule and security rules. Fewer schedules than in memory:
 * every push and pull is a real round trip.
 */
import fc from 'fast-check'
import { Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { collectionPath, type Caller, type CollectionName } from '@/domain/collections'
import type { LocalDoc } from '@/db/apply'
import type { MutationResult } from '@/domain/sync'
import type { SyncTransport } from '@/sync/ports'
import { withFaults } from '../support/memory-server'
import { COLLECTIONS_UNDER_TEST, runSchedule, SKEWS, stepArb, type ClientSpec } from '../support/sync-harness'
import { adminApp, type Admin } from './helpers/admin'
import { signInDevice, useEmulatorsInApp } from './helpers/device'
import { RUN } from './helpers/env'
import { createMember } from './helpers/seed'
import { emailAt } from './helpers/users'

const RUNS = Number(process.env.EMULATOR_PROPERTY_RUNS ?? 25)
const INSTITUTION = `inst-sync-${RUN}`

let admin: Admin
const devices = new Map<string, SyncTransport>()
let tech: Caller
let lead: Caller

beforeAll(async () => {
  useEmulatorsInApp()
  admin = adminApp()
  const users = [
    { key: 'tech', role: 'technician' as const, devices: 2 },
    { key: 'lead', role: 'lead' as const, devices: 1 },
  ]
  for (const u of users) {
    // A member as joinInstitution makes one (claims and profile): the rules check both.
    const user = await createMember(admin, INSTITUTION, emailAt('example.ac.uk', u.key), u.role)
    const caller: Caller = { uid: user.uid, institutionId: INSTITUTION, role: u.role }
    if (u.key === 'tech') tech = caller
    else lead = caller
    for (let d = 0; d < u.devices; d++) {
      const { session, transport } = await signInDevice(user, `${u.key}-${d}-${RUN}`, INSTITUTION)
      expect(session.institutionId).toBe(INSTITUTION)
      devices.set(`${u.key}-${d}`, transport)
    }
  }
}, 120_000)

afterAll(async () => {
  vi.unstubAllEnvs()
  await admin?.close()
})

/** Every document of a collection as the server holds it (tombstones too), updatedAt in ms. */
async function serverDocs(caller: Caller, col: CollectionName): Promise<Map<string, LocalDoc>> {
  const snap = await admin.db.collection(collectionPath(col, { uid: caller.uid, institutionId: INSTITUTION })).get()
  return new Map(
    snap.docs.map((d) => {
      const data = d.data()
      const updatedAt = data.updatedAt instanceof Timestamp ? data.updatedAt.toMillis() : Number(data.updatedAt)
      return [d.id, { ...data, id: d.id, updatedAt } as LocalDoc]
    }),
  )
}

async function clearServer(): Promise<void> {
  for (const caller of [tech, lead]) {
    for (const col of COLLECTIONS_UNDER_TEST)
      await admin.db.recursiveDelete(admin.db.collection(collectionPath(col, { uid: caller.uid, institutionId: INSTITUTION })))
    await admin.db.recursiveDelete(admin.db.collection(`users/${caller.uid}/mutations`))
  }
}

describe('sync invariants against the emulators', () => {
  it(`hold over ${RUNS} random schedules (two devices per person, skewed clocks, list edits) with the real transport and callable`, async () => {
    let schedules = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(['tech-0', 'tech-1'], ['tech-0', 'tech-1', 'lead-0'], ['tech-0', 'lead-0']),
        fc.array(fc.constantFrom(...SKEWS), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(stepArb(3), { minLength: 5, maxLength: 25 }),
        async (deviceKeys, skews, pageSize, steps) => {
          schedules++
          await clearServer()
          const answered = new Map<string, MutationResult>()
          const record = (results: MutationResult[]) => {
            for (const r of results) if (!answered.has(r.mutationId)) answered.set(r.mutationId, r)
          }
          const specs: ClientSpec[] = deviceKeys.map(
            (k, n) => ({ caller: k.startsWith('tech') ? tech : lead, device: k, skew: skews[n] }) as ClientSpec & { device: string },
          )
          await runSchedule(
            steps.filter((s) => s.client < specs.length),
            {
              specs,
              pageSize,
              // The emulators commit at today's time: device clocks (and their skews) start there.
              startTime: Date.now(),
              makeTransport: (spec) => withFaults(devices.get((spec as ClientSpec & { device: string }).device) as SyncTransport, record),
              serverDocs,
              ledger: async () => answered,
              // A mutation applied twice would raise its document's version past its ledger entries.
              checkAppliedOnce: async () => {
                // Ledgers live in each author's tree; shared documents may have several authors.
                const perDoc = new Map<string, number>()
                for (const caller of [tech, lead]) {
                  for (const e of (await admin.db.collection(`users/${caller.uid}/mutations`).get()).docs) {
                    const key = `${e.get('collection')}/${e.get('docId')}`
                    perDoc.set(key, (perDoc.get(key) ?? 0) + 1)
                  }
                }
                const docs = new Map<string, LocalDoc>()
                for (const caller of [tech, lead]) {
                  for (const col of COLLECTIONS_UNDER_TEST)
                    for (const d of (await serverDocs(caller, col)).values()) docs.set(`${col}/${d.id}`, d)
                }
                for (const [key, doc] of docs) expect(doc.version, `${key} applied once per mutation`).toBe(perDoc.get(key) ?? 0)
              },
            },
          )
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    )
    console.info(`sync property (emulators): ${schedules} schedules run`)
  }, 900_000)
})

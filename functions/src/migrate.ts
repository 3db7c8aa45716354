/**
 * One-off data migrations, each run once (a server-only `migrations/{name}` marker records it)
 * by the daily maintenance job and by the seed, so existing databases catch up with the code:
 *
 * - `joinCodeSecrets`: an institution's `joinCodeHashes` move from its document, which every
 *   member reads, to the server-only `institutionSecrets/{id}`.
 * - `requestParties`: skill-share requests written before `parties` existed get it (and a new
 *   version), so their learner and teacher can still read and pull them. A tombstone without it
 *   has nothing left to derive it from: it is left to the purge (a device holding the request
 *   drops it at its next full pull).
 * - `domainRegistry`: every institution's `emailDomains` enter the server-held registry
 *   (`emailDomains/{domain}`) joinInstitution now resolves through; a domain claimed by two
 *   institutions stays with the first by id (the other loses it, reported as a conflict), and
 *   public suffixes and free-mail domains are dropped (reported as refused).
 */
import { FieldValue, type Firestore, type QueryDocumentSnapshot } from 'firebase-admin/firestore'
import { readersOf } from '@/domain/collections'
import { backfillDomainRegistry, type RegistryBackfill } from './domains/domains'
import { secretsPath } from './join/codes'

export interface MigrationReport {
  /** Migrations run now (already-marked ones are skipped). */
  ran: string[]
  institutions: number
  requests: number
  /** `domainRegistry`: domains registered, and those refused or claimed twice (first by id wins). */
  domains?: RegistryBackfill
}

const PAGE = 400

/** Runs every migration not yet marked done; `force` runs them again (each is idempotent). */
export async function migrateCore(db: Firestore, opts: { force?: boolean } = {}): Promise<MigrationReport> {
  const report: MigrationReport = { ran: [], institutions: 0, requests: 0 }
  const steps: [string, () => Promise<void>][] = [
    ['joinCodeSecrets', async () => void (report.institutions = await moveJoinCodes(db))],
    ['requestParties', async () => void (report.requests = await addRequestParties(db))],
    ['domainRegistry', async () => void (report.domains = await backfillDomainRegistry(db))],
  ]
  for (const [name, run] of steps) {
    const marker = db.doc(`migrations/${name}`)
    if (!opts.force && (await marker.get()).exists) continue
    await run()
    await marker.set({ at: FieldValue.serverTimestamp() })
    report.ran.push(name)
  }
  return report
}

async function moveJoinCodes(db: Firestore): Promise<number> {
  let moved = 0
  for (const inst of (await db.collection('institutions').get()).docs) {
    const hashes = inst.get('joinCodeHashes') as unknown
    if (hashes === undefined) continue
    const batch = db.batch()
    if (Array.isArray(hashes) && hashes.length > 0) {
      batch.set(
        db.doc(secretsPath(inst.id)),
        { joinCodeHashes: FieldValue.arrayUnion(...hashes.filter((h) => typeof h === 'string')) },
        { merge: true },
      )
    }
    batch.update(inst.ref, { joinCodeHashes: FieldValue.delete() })
    await batch.commit()
    moved++
  }
  return moved
}

async function addRequestParties(db: Firestore): Promise<number> {
  let updated = 0
  let after: QueryDocumentSnapshot | undefined
  for (;;) {
    let query = db.collectionGroup('requests').orderBy('__name__').limit(PAGE)
    if (after) query = query.startAfter(after)
    const page = await query.get()
    const batch = db.batch()
    let writes = 0
    for (const d of page.docs) {
      if (d.get('deleted') === true || Array.isArray(d.get('parties'))) continue
      const parties = readersOf('requests', d.data())
      if (!parties?.length) continue
      // A new version at the commit time: a device that already dropped it (its first filtered
      // pull ran before this migration) pulls it again.
      const version = typeof d.get('version') === 'number' ? (d.get('version') as number) + 1 : 1
      batch.update(d.ref, { parties, version, updatedAt: FieldValue.serverTimestamp(), lastMutationId: null })
      writes++
    }
    if (writes) await batch.commit()
    updated += writes
    if (page.size < PAGE) return updated
    after = page.docs.at(-1)
  }
}

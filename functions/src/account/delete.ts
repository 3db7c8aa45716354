/**
 * deleteAccount: removes everything of the caller's, keeping only anonymous aggregates (see
 * ./plan.ts for what happens to each kind of document), then deletes the Auth user. Safe to run
 * again after a failure part-way: every step finds only what is left, and the Auth user goes last.
 */
import { randomBytes } from 'node:crypto'
import * as v from 'valibot'
import type { Auth } from 'firebase-admin/auth'
import { FieldPath, FieldValue, type Firestore, type QueryDocumentSnapshot, type WriteBatch } from 'firebase-admin/firestore'
import { collectionPath, COLLECTIONS, docPath, type Caller, type CollectionName } from '@/domain/collections'
import { isPlainObject, typedError } from '../errors'
import { poolEntries } from '../surveys/pool'
import { keyedId, surveySecret } from '../surveys/submit'
import { endSession } from './remove'
import { forgetMember } from '../aggregates/store'
import { anonymousVote, AUTHOR_FIELDS, DeleteInputSchema, nextVersion, OWNED, remainingReaders, tombstone, writersWithout } from './plan'

export interface DeleteOutcome {
  deleted: true
  /** Documents removed or made tombstones. */
  removed: number
  /** Shared documents kept, with the person's name and id taken out. */
  anonymised: number
}

type Write = (batch: WriteBatch) => void

/** The callable's body, with its I/O injected so tests can drive it with firebase-admin. */
export async function deleteAccountCore(
  db: Firestore,
  auth: Auth,
  caller: Caller,
  data: unknown,
  opts: { now?: () => number; secret?: string } = {},
): Promise<DeleteOutcome> {
  if (!isPlainObject(data) || !v.safeParse(DeleteInputSchema, data).success) {
    throw typedError('invalid', 'Confirm that you want to delete your account', { field: 'confirm' })
  }
  const now = opts.now ?? Date.now
  const uid = caller.uid
  const ids = (institutionId: string) => ({ institutionId, uid })
  const profile = await db.doc(docPath('profiles', ids(''), uid)).get()
  const stored = profile.exists ? profile.get('institutionId') : undefined
  const institutionId = caller.institutionId ?? (typeof stored === 'string' ? stored : null)
  const writes: Write[] = []
  let removed = 0
  let anonymised = 0

  if (institutionId) {
    const inst = ids(institutionId)
    // The directory entry: a tombstone, so every colleague's device drops it on its next pull.
    const memberRef = db.doc(docPath('members', inst, uid))
    const member = await memberRef.get()
    if (member.exists && member.get('deleted') !== true) {
      writes.push((b) => b.set(memberRef, stamped(tombstone(uid, member.data(), now()))))
      removed++
    }
    // Skill-share requests either way round: tombstones the other party's devices still pull.
    const owned = new Map<string, { collection: CollectionName; doc: QueryDocumentSnapshot }>()
    for (const { collection, field } of OWNED) {
      for (const d of (await db.collection(collectionPath(collection, inst)).where(field, '==', uid).get()).docs)
        owned.set(d.ref.path, { collection, doc: d })
    }
    for (const { collection, doc: d } of owned.values()) {
      if (d.get('deleted') === true) continue
      writes.push((b) => b.set(d.ref, stamped(tombstone(d.id, d.data(), now(), remainingReaders(collection, d.data(), uid)))))
      removed++
    }
    // Authored records: kept, author removed.
    for (const { collection, field, replace } of AUTHOR_FIELDS) {
      for (const d of (await db.collection(collectionPath(collection, inst)).where(field, '==', uid).get()).docs) {
        writes.push((b) =>
          b.update(d.ref, { ...replace, version: nextVersion(d.data()), updatedAt: FieldValue.serverTimestamp(), lastMutationId: null }),
        )
        anonymised++
      }
    }
    // Votes: still counted, under an anonymous voter (the old id names the person: tombstone it).
    const replaced = new Set(owned.keys())
    for (const d of (await db.collection(collectionPath('votes', inst)).where('voterUid', '==', uid).get()).docs) {
      replaced.add(d.ref.path)
      if (d.get('deleted') === true) continue
      const anon = anonymousVote(d.data(), randomBytes(9).toString('base64url'), now())
      if (anon) writes.push((b) => b.set(db.doc(`${collectionPath('votes', inst)}/${anon.id}`), stamped(anon.doc)))
      writes.push((b) => b.set(d.ref, stamped(tombstone(d.id, d.data(), now()))))
      anonymised++
    }
    // Who last wrote each field of a shared document (`_by`) names the person too: the former member
    // now. Documents replaced by tombstones above keep no `_by`.
    const institution = await db.doc(`institutions/${institutionId}`).get()
    const shared = [institution]
    for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
      if (COLLECTIONS[name].scope === 'institution') shared.push(...(await db.collection(collectionPath(name, inst)).get()).docs)
    }
    for (const snap of shared) {
      const by = snap.exists && !replaced.has(snap.ref.path) && snap.get('deleted') !== true ? writersWithout(snap.get('_by'), uid) : null
      if (!by) continue
      writes.push((b) =>
        b.update(snap.ref, { _by: by, version: nextVersion(snap.data()), updatedAt: FieldValue.serverTimestamp(), lastMutationId: null }),
      )
      anonymised++
    }
    const surveyCounts = await surveyTraces(db, institutionId, uid, opts.secret ?? surveySecret(), writes)
    removed += surveyCounts.removed
    anonymised += surveyCounts.anonymised
  }

  // What colleagues were told of this member's actions may carry their name: withdrawn as
  // tombstones, so the colleagues' devices drop them on their next pull.
  for (const told of (await db.collectionGroup('notifications').where('fromUid', '==', uid).get()).docs) {
    if (told.get('deleted') === true) continue
    writes.push((b) => b.set(told.ref, stamped(tombstone(told.id, told.data(), now()))))
    removed++
  }
  await commit(db, writes)
  await forgetMember(db, uid)
  // The member's own tree (profile, CPD, registrations, equality data, evidence, ledger).
  await db.recursiveDelete(db.doc(`users/${uid}`))
  await db.doc(`rateLimits/${uid}`).delete()
  removed++
  // Revoke first: should the deletion below fail, no device of this account can refresh its token.
  await endSession(auth, uid)
  try {
    await auth.deleteUser(uid)
  } catch (error) {
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error
  }
  return { deleted: true, removed, anonymised }
}

/** Sync metadata the server stamps on a document it writes. */
function stamped(doc: Record<string, unknown>): Record<string, unknown> {
  return { ...doc, updatedAt: FieldValue.serverTimestamp() }
}

/**
 * Survey traces: the receipt that says "this person answered" (keyed by a hash of the uid) is
 * deleted, and a named survey's answer (counted or still in the mixing pool) loses its name. An
 * anonymous answer has nothing that leads back to the person (functions/src/surveys/submit.ts),
 * so it stays in the aggregate as it is.
 */
async function surveyTraces(
  db: Firestore,
  institutionId: string,
  uid: string,
  secret: string,
  writes: Write[],
): Promise<{ removed: number; anonymised: number }> {
  let removed = 0
  let anonymised = 0
  const surveys = await db.collection(collectionPath('surveys', { institutionId, uid })).select().get()
  for (const s of surveys.docs) {
    const receipt = s.ref.collection('receipts').doc(keyedId(secret, 'receipt', institutionId, s.id, uid))
    const pool = s.ref.collection('pool').doc('waiting')
    const [r, p] = await db.getAll(receipt, pool)
    if (r?.exists) {
      writes.push((b) => b.delete(receipt))
      removed++
    }
    for (const [key, entry] of Object.entries(poolEntries(p?.data()))) {
      if (entry.respondentUid !== uid) continue
      const { respondentUid: _u, respondentName: _n, ...answers } = entry
      writes.push((b) => b.update(pool, new FieldPath('e', key), answers))
      anonymised++
    }
    for (const named of (await s.ref.collection('responses').where('respondentUid', '==', uid).get()).docs) {
      writes.push((b) => b.update(named.ref, { respondentUid: FieldValue.delete(), respondentName: FieldValue.delete() }))
      anonymised++
    }
  }
  return { removed, anonymised }
}

/** Commits writes in batches under Firestore's 500-operation limit. */
async function commit(db: Firestore, writes: Write[]): Promise<void> {
  for (let i = 0; i < writes.length; i += 400) {
    const batch = db.batch()
    for (const w of writes.slice(i, i + 400)) w(batch)
    await batch.commit()
  }
}

/**
 * endorseSkill: the learner of a completed skill-share session says "taught me this", once. A
 * learner cannot write the teacher's profile through sync (profiles belong to their owners), so
 * this callable does it: in one transaction it checks the request (src/domain/endorsements.ts),
 * stamps it `endorsedAt` (the "once"), and adds one to `endorsements[skillId]` on the teacher's
 * profile and directory entry, each with a new version and commit time so every device pulls it.
 */
import * as v from 'valibot'
import { FieldValue, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { docPath, type Caller } from '@/domain/collections'
import { EndorseInputSchema, endorseRefusal, withEndorsement, type EndorsementCounts } from '@/domain/endorsements'
import { isPlainObject, typedError } from '../errors'
import { firstIssue } from '../push/validate'

export interface EndorseOutcome {
  skillId: string
  count: number
}

export async function endorseSkillCore(db: Firestore, caller: Caller, data: unknown, now = Date.now): Promise<EndorseOutcome> {
  if (!isPlainObject(data)) throw typedError('invalid', 'Send { requestId }')
  const parsed = v.safeParse(EndorseInputSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, { field: issue.field || 'requestId' })
  }
  const institutionId = caller.institutionId
  if (!institutionId || !caller.role) throw typedError('forbidden', 'Join an institution first')
  const ids = { institutionId, uid: caller.uid }
  const requestRef = db.doc(docPath('requests', ids, parsed.output.requestId))
  return db.runTransaction(async (tx) => {
    const request = await tx.get(requestRef)
    const refusal = endorseRefusal(request.exists ? request.data() : null, caller.uid)
    if (refusal) throw typedError(refusal, `Cannot endorse: ${refusal}`)
    const teacherUid = request.get('teacherUid') as string
    const skillId = request.get('skillId') as string
    const profileRef = db.doc(docPath('profiles', { institutionId, uid: teacherUid }, teacherUid))
    const memberRef = db.doc(docPath('members', ids, teacherUid))
    const [profile, member] = await tx.getAll(profileRef, memberRef)
    const updatedAt = FieldValue.serverTimestamp()
    tx.update(requestRef, { endorsedAt: now(), version: versionOf(request) + 1, updatedAt, lastMutationId: null })
    let count = 0
    for (const snap of [profile, member]) {
      // A teacher who left (or hid their profile) keeps no count anywhere.
      if (!snap?.exists || snap.get('deleted') === true) continue
      const next = withEndorsement(snap.get('endorsements') as EndorsementCounts | undefined, skillId)
      count = next[skillId]!
      bump(tx, snap, { endorsements: next, updatedAt })
    }
    return { skillId, count }
  })
}

function versionOf(snap: DocumentSnapshot): number {
  const version = snap.get('version')
  return typeof version === 'number' ? version : 0
}

function bump(tx: Transaction, snap: DocumentSnapshot, fields: Record<string, unknown>): void {
  tx.update(snap.ref, { ...fields, version: versionOf(snap) + 1, lastMutationId: null })
}

/**
 * removeMember: a lead (or admin) takes a member out of their institution. The member's profile
 * (the membership the rules check) and directory entry become tombstones in one transaction, their
 * institution claims are cleared and their refresh tokens revoked: their next read of the
 * institution is refused by the rules, their next callable by `requireLiveUid`, and no new token
 * can be had. Their own tree (CPD, registrations, evidence) stays theirs; they may join again.
 */
import * as v from 'valibot'
import type { Auth } from 'firebase-admin/auth'
import { FieldValue, type Firestore } from 'firebase-admin/firestore'
import { docPath, type Caller } from '@/domain/collections'
import { RemoveMemberInputSchema } from '@/domain/members'
import { isPlainObject, typedError } from '../errors'
import { firstIssue } from '../push/validate'
import { tombstone } from './plan'
import { keepMember } from '../aggregates/store'

export interface RemoveOutcome {
  removed: string
}

export async function removeMemberCore(db: Firestore, auth: Auth, caller: Caller, data: unknown, now = Date.now): Promise<RemoveOutcome> {
  if (!isPlainObject(data)) throw typedError('invalid', 'Send { uid } of the member to remove')
  const parsed = v.safeParse(RemoveMemberInputSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, { field: issue.field || 'uid' })
  }
  const { uid } = parsed.output
  const institutionId = caller.institutionId
  if (!institutionId || (caller.role !== 'lead' && caller.role !== 'admin')) throw typedError('forbidden', 'Only a lead removes members')
  if (uid === caller.uid) throw typedError('invalid', 'You cannot remove yourself; delete your account instead', { field: 'uid' })
  const ids = { institutionId, uid }
  const profileRef = db.doc(docPath('profiles', ids, uid))
  const memberRef = db.doc(docPath('members', ids, uid))
  await db.runTransaction(async (tx) => {
    const [profile, member] = await tx.getAll(profileRef, memberRef)
    if (!profile?.exists || profile.get('deleted') === true || profile.get('institutionId') !== institutionId) {
      throw typedError('not-found', 'This person is not a member of your institution', { field: 'uid' })
    }
    if (profile.get('role') === 'admin' && caller.role !== 'admin') throw typedError('forbidden', 'Only an admin removes an admin')
    const stamp = { updatedAt: FieldValue.serverTimestamp() }
    const gone = { ...tombstone(uid, profile.data(), now()), ...stamp }
    // Taken out of the institution's aggregates in the same commit.
    const keep = await keepMember(db, tx, uid, new Map([[profileRef.path, { ...gone, updatedAt: 0 }]]))
    tx.set(profileRef, gone)
    keep()
    tx.set(memberRef, { ...tombstone(uid, member?.exists ? member.data() : undefined, now()), ...stamp })
  })
  await endSession(auth, uid)
  return { removed: uid }
}

/** Clears a leaver's institution claims and revokes their refresh tokens (a deleted user: nothing to do). */
export async function endSession(auth: Auth, uid: string): Promise<void> {
  try {
    const user = await auth.getUser(uid)
    const { institutionId: _i, role: _r, ...rest } = user.customClaims ?? {}
    await auth.setCustomUserClaims(uid, rest)
    await auth.revokeRefreshTokens(uid)
  } catch (error) {
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error
  }
}

/** The `deleteAccount` callable: the signed-in member deletes their account and data. */
import { requireAuth } from '../errors'
import { getAdminAuth, getDb } from '../firebase'
import { callerFromClaims } from '../push/authorise'
import { requireLiveUid } from '../live'
import { deleteAccountCore, type DeleteOutcome } from './delete'
import { removeMemberCore, type RemoveOutcome } from './remove'
import { onCall } from '../guard'

export const deleteAccount = onCall<unknown, Promise<DeleteOutcome>>({ cors: true, timeoutSeconds: 300, memory: '512MiB' }, async (req) => {
  const uid = requireAuth(req.auth)
  return deleteAccountCore(getDb(), getAdminAuth(), callerFromClaims(uid, req.auth?.token), req.data)
})

/** A lead takes a member out of their institution: membership ended, claims cleared, sessions revoked. */
export const removeMember = onCall<unknown, Promise<RemoveOutcome>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return removeMemberCore(getDb(), getAdminAuth(), callerFromClaims(uid, req.auth?.token), req.data)
})

/** The `deleteAccount` callable: the signed-in member deletes their account and data. */
import { onCall } from 'firebase-functions/v2/https'
import { requireAuth } from '../errors'
import { getAdminAuth, getDb } from '../firebase'
import { callerFromClaims } from '../push/authorise'
import { deleteAccountCore, type DeleteOutcome } from './delete'

export const deleteAccount = onCall<unknown, Promise<DeleteOutcome>>({ cors: true, timeoutSeconds: 300, memory: '512MiB' }, async (req) => {
  const uid = requireAuth(req.auth)
  return deleteAccountCore(getDb(), getAdminAuth(), callerFromClaims(uid, req.auth?.token), req.data)
})

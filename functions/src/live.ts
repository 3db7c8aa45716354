/** The signed-in caller of a callable that writes or reads a member's private data. */
import type { CallableRequest } from 'firebase-functions/v2/https'
import { requireAuth, requireLiveAccount } from './errors'
import { getAdminAuth } from './firebase'

/**
 * The caller's uid once Auth confirms the account still exists, is enabled and its session was
 * not revoked (one lookup): a deleted, disabled or removed member's device keeps a valid ID token
 * for up to an hour, and must not write or read the account's data with it. Typed
 * `unauthenticated` otherwise.
 */
export async function requireLiveUid(req: Pick<CallableRequest, 'auth'>): Promise<string> {
  const uid = requireAuth(req.auth)
  await requireLiveAccount(getAdminAuth(), uid, req.auth?.token.auth_time)
  return uid
}

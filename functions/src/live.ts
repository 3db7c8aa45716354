/** The signed-in caller of a callable that writes or reads a member's private data. */
import type { CallableRequest } from 'firebase-functions/v2/https'
import { requireAuth, requireLiveAccount } from './errors'
import { getAdminAuth } from './firebase'

/**
 * The caller's uid once Auth confirms the account still exists and is enabled (one lookup): a
 * deleted or disabled account's other device keeps a valid ID token for up to an hour, and must not
 * write or read the account's data with it. Typed `unauthenticated` otherwise.
 */
export async function requireLiveUid(req: Pick<CallableRequest, 'auth'>): Promise<string> {
  const uid = requireAuth(req.auth)
  await requireLiveAccount(getAdminAuth(), uid)
  return uid
}

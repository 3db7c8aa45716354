/**
 * Who the caller is (from verified token claims) and the server checks that wrap the shared
 * merge rule (src/domain/merge.ts): membership for shared collections.
 */
import { COLLECTIONS, type Caller, type CollectionName } from '@/domain/collections'
import { ROLES, type Role } from '@/domain/common'
import type { Rejection } from './validate'

/** The caller as the registry sees it; malformed claims count as no membership. */
export function callerFromClaims(uid: string, token: Record<string, unknown> | undefined): Caller {
  const inst = token?.institutionId
  const role = token?.role
  const institutionId = typeof inst === 'string' && /^[\w.-]{1,128}$/.test(inst) ? inst : null
  const validRole = typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : null
  return institutionId && validRole ? { uid, institutionId, role: validRole } : { uid, institutionId: null, role: null }
}

/** Institution data needs a membership (claims); the caller's own tree needs only a sign-in. */
export function checkScope(caller: Caller, collection: CollectionName): Rejection | null {
  if (COLLECTIONS[collection].scope === 'user') return null
  if (caller.institutionId && caller.role) return null
  return { code: 'forbidden', message: 'Join an institution before changing shared data' }
}

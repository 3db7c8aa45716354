/**
 * joinInstitution: match the caller's email domain (or a join code) to an institution, write the
 * member's profile (`users/{uid}/profiles/{uid}`) and its directory entry
 * (`institutions/{inst}/members/{uid}`), and set the `{institutionId, role}` custom claims.
 *
 * Email verification: required, except for institutions whose doc sets `allowUnverified: true`
 * (the emulator demo institution, where sign-up cannot deliver a verification email). The flag
 * is server-owned: the sync protocol cannot set it.
 */
import * as v from 'valibot'
import type { Auth } from 'firebase-admin/auth'
import { FieldValue, type DocumentData, type DocumentSnapshot, type Firestore, type QueryDocumentSnapshot } from 'firebase-admin/firestore'
import { directoryProjection, docPath } from '@/domain/collections'
import { MemberSchema } from '@/domain/entities'
import type { Role } from '@/domain/common'
import { ROLES } from '@/domain/common'
import { isPlainObject, typedError } from '../errors'
import { firstIssue } from '../push/validate'
import { domainCandidates, hashJoinCode, isRateLimited, JoinInputSchema, MAX_BAD_CODES, recordAttempt, SECRETS_COLLECTION, type RateWindow } from './codes'

export interface JoinOutcome {
  institutionId: string
  role: Role
}

/** The callable's body, with its I/O injected so tests can drive it with firebase-admin. */
export async function joinInstitutionCore(db: Firestore, auth: Auth, uid: string, data: unknown, now = Date.now): Promise<JoinOutcome> {
  if (!isPlainObject(data)) throw typedError('invalid', 'Send a name and, if you have one, a join code')
  const parsed = v.safeParse(JoinInputSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  const input = parsed.output

  const user = await auth.getUser(uid)
  const claims = user.customClaims ?? {}
  if (typeof claims.institutionId === 'string') {
    throw typedError('already-member', 'You are already a member of an institution', { institutionId: claims.institutionId })
  }
  const email = user.email?.toLowerCase()
  if (!email) throw typedError('invalid', 'Your account has no email address')

  let inst: DocumentSnapshot<DocumentData> | null = await matchByDomain(db, email)
  if (!inst) {
    if (!input.joinCode) {
      throw typedError('unknown-domain', 'Your email domain is not registered with any institution. Ask your lead for a join code.')
    }
    inst = await matchByCode(db, uid, input.joinCode, now)
  }

  const instData = inst.data() ?? {}
  if (!user.emailVerified && instData.allowUnverified !== true) {
    throw typedError('invalid', 'Verify your email address before joining', { reason: 'email-unverified' })
  }

  const institutionId = inst.id
  const profileRef = db.doc(docPath('profiles', { institutionId, uid }, uid))
  const memberRef = db.doc(docPath('members', { institutionId, uid }, uid))
  const role = await db.runTransaction(async (tx) => {
    const [profileSnap, memberSnap] = await tx.getAll(profileRef, memberRef)
    const existing = profileSnap?.exists ? profileSnap.data()! : null
    if (existing && existing.deleted !== true && existing.institutionId === institutionId) {
      // A join whose claims step failed earlier: finish it with the stored role.
      return (ROLES as readonly string[]).includes(existing.role as string) ? (existing.role as Role) : 'technician'
    }
    const fields = {
      institutionId,
      displayName: input.displayName,
      email,
      role: 'technician' as Role,
      visibility: 'institution' as const,
      skills: [],
      joinedAt: now(),
    }
    const meta = { id: uid, updatedAt: 0, version: 1, deleted: false, lastMutationId: null }
    const valid = v.safeParse(MemberSchema, { ...fields, ...meta })
    if (!valid.success) {
      const issue = firstIssue(valid.issues)
      throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
    }
    // Profile (owner's tree) and its directory projection; updatedAt = the commit time.
    const stamp = (prev: Record<string, unknown> | null | undefined) => ({
      ...meta,
      version: ((prev?.version as number | undefined) ?? 0) + 1,
      updatedAt: FieldValue.serverTimestamp(),
      _clock: {},
    })
    tx.set(profileRef, { ...valid.output, ...stamp(existing) })
    const projection = directoryProjection(valid.output)
    if (projection) tx.set(memberRef, { ...projection, ...stamp(memberSnap?.exists ? memberSnap.data() : null) })
    return 'technician' as Role
  })

  await auth.setCustomUserClaims(uid, { ...claims, institutionId, role })
  return { institutionId, role }
}

async function matchByDomain(db: Firestore, email: string): Promise<QueryDocumentSnapshot<DocumentData> | null> {
  const candidates = domainCandidates(email)
  if (candidates.length === 0) return null
  const snap = await db.collection('institutions').where('emailDomains', 'array-contains-any', candidates).get()
  const live = snap.docs.filter((d) => d.get('deleted') !== true)
  // Most specific domain wins; then the lowest id, so the choice is stable.
  const rank = (d: QueryDocumentSnapshot) => {
    const domains = (d.get('emailDomains') as unknown[]) ?? []
    const i = candidates.findIndex((c) => domains.includes(c))
    return i < 0 ? Number.MAX_SAFE_INTEGER : i
  }
  live.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))
  return live[0] ?? null
}

/**
 * Every code attempt is counted before it is checked (so parallel guesses cannot slip past the
 * cap); a correct code clears the counter.
 */
async function matchByCode(db: Firestore, uid: string, code: string, now: () => number): Promise<DocumentSnapshot<DocumentData>> {
  const rlRef = db.doc(`rateLimits/${uid}`)
  const window = await db.runTransaction(async (tx) => {
    const snap = await tx.get(rlRef)
    const w = snap.exists ? (snap.data() as RateWindow) : null
    const t = now()
    if (isRateLimited(w, t)) return null
    const next = recordAttempt(w, t)
    tx.set(rlRef, next)
    return next
  })
  if (!window) throw typedError('rate-limited', 'Too many wrong join codes. Try again in an hour.')

  // The hashes sit in server-only documents (institutionSecrets/{id}), never on the institution.
  const secrets = await db.collection(SECRETS_COLLECTION).where('joinCodeHashes', 'array-contains', hashJoinCode(code)).limit(5).get()
  const candidates = secrets.empty ? [] : await db.getAll(...secrets.docs.map((d) => db.doc(`institutions/${d.id}`)))
  const inst = candidates.filter((d) => d.exists && d.get('deleted') !== true).sort((a, b) => a.id.localeCompare(b.id))[0]
  if (!inst) {
    const remaining = Math.max(0, MAX_BAD_CODES - window.count)
    throw typedError('bad-code', remaining > 0 ? `That join code is not valid (${remaining} attempts left this hour)` : 'That join code is not valid. Try again in an hour.', { remaining })
  }
  await rlRef.delete()
  return inst
}

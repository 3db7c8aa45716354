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
import { createHash } from 'node:crypto'
import { FieldValue, type DocumentData, type DocumentReference, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { directoryProjection, docPath } from '@/domain/collections'
import { MemberSchema } from '@/domain/entities'
import type { Role } from '@/domain/common'
import { ROLES } from '@/domain/common'
import { problem } from '@/domain/problems'
import { isPlainObject, typedError } from '../errors'
import { firstIssue } from '../push/validate'
import { institutionByDomain } from '../domains/domains'
import { keepMember } from '../aggregates/store'
import {
  domainCandidates,
  hashJoinCode,
  isRateLimited,
  JoinInputSchema,
  JOIN_CODE_LIMITS,
  recordAttempt,
  SECRETS_COLLECTION,
  type RateWindow,
} from './codes'

export interface JoinOutcome {
  institutionId: string
  role: Role
}

/** Where a join request came from, for the join-code limits (see `clientAddress`). */
export interface JoinContext {
  /** The caller's network address, or null when unknown. */
  ip?: string | null
}

/** The callable's body, with its I/O injected so tests can drive it with firebase-admin. */
export async function joinInstitutionCore(
  db: Firestore,
  auth: Auth,
  uid: string,
  data: unknown,
  now = Date.now,
  ctx: JoinContext = {},
): Promise<JoinOutcome> {
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

  // A domain joins through the server-held registry (emailDomains/{domain}), never a claim on an institution document.
  let inst: DocumentSnapshot<DocumentData> | null = await institutionByDomain(db, domainCandidates(email))
  if (!inst) {
    if (!input.joinCode) {
      throw typedError('unknown-domain', 'Your email domain is not registered with any institution. Ask your lead for a join code.')
    }
    inst = await matchByCode(db, uid, input.joinCode, now, ctx.ip ?? null)
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
    // The profile is the membership: a parallel join (another code, another device) that committed
    // first wins, and this one is refused, so a person is in exactly one institution.
    if (existing && existing.deleted !== true) {
      throw typedError('already-member', 'You are already a member of an institution', { institutionId: existing.institutionId })
    }
    const fields = {
      institutionId,
      displayName: joinName(input.displayName, email, user.displayName),
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
    const profile = { ...valid.output, ...stamp(existing) }
    // The new member counts in the institution's aggregates from this commit on.
    const keep = await keepMember(db, tx, uid, new Map([[profileRef.path, { ...profile, updatedAt: 0 }]]))
    tx.set(profileRef, profile)
    keep()
    const projection = directoryProjection(valid.output)
    if (projection) tx.set(memberRef, { ...projection, ...stamp(memberSnap?.exists ? memberSnap.data() : null) })
    return 'technician' as Role
  })

  await auth.setCustomUserClaims(uid, { ...claims, institutionId, role })
  return { institutionId, role }
}

/**
 * A network address as a rate-limit key (hashed: no addresses are stored). The last
 * X-Forwarded-For entry is the one Google's front end appended for the connecting client (an
 * earlier entry can be anything the client sent); without the header, the socket's address.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined>, socketIp: string | undefined): string | null {
  const xff = headers['x-forwarded-for']
  const raw =
    (Array.isArray(xff) ? xff.join(',') : (xff ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1) ?? socketIp
  return raw ? raw.slice(0, 64) : null
}

const ipKey = (ip: string) => `rateLimits/ip-${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`
/** Every bad code is a guess at every institution's code: one window across all of them. */
export const ALL_CODES_KEY = 'rateLimits/join-codes'

/**
 * The name to join with. A client that lost the name typed at sign-up to a race (Firebase reports
 * the account before its name is set) sends the email's first part; the account's own name, set
 * at sign-up, is the one the person typed, so it wins then.
 */
export function joinName(sent: string, email: string, accountName: string | undefined): string {
  const account = accountName?.trim()
  return account && sent.trim().toLowerCase() === email.split('@')[0] ? account.slice(0, 100) : sent
}

/**
 * Every code attempt is counted before it is checked (so parallel guesses cannot slip past a
 * cap), per account, per network address and across all institutions (so a burst of fresh
 * accounts does not multiply the guesses). A correct code clears the account's counter and gives
 * its attempt back to the other two.
 */
async function matchByCode(
  db: Firestore,
  uid: string,
  code: string,
  now: () => number,
  ip: string | null,
): Promise<DocumentSnapshot<DocumentData>> {
  const counters: { ref: DocumentReference; max: number }[] = [
    { ref: db.doc(`rateLimits/${uid}`), max: JOIN_CODE_LIMITS.perAccount },
    ...(ip ? [{ ref: db.doc(ipKey(ip)), max: JOIN_CODE_LIMITS.perAddress }] : []),
    { ref: db.doc(ALL_CODES_KEY), max: JOIN_CODE_LIMITS.allInstitutions },
  ]
  const remaining = await db.runTransaction(async (tx) => {
    const snaps = await tx.getAll(...counters.map((c) => c.ref))
    const t = now()
    const windows = snaps.map((s) => (s.exists ? (s.data() as RateWindow) : null))
    if (windows.some((w, i) => isRateLimited(w, t, counters[i]!.max))) return null
    let left = Number.POSITIVE_INFINITY
    windows.forEach((w, i) => {
      const next = recordAttempt(w, t)
      tx.set(counters[i]!.ref, next)
      left = Math.min(left, counters[i]!.max - next.count)
    })
    return left
  })
  if (remaining === null) throw typedError('rate-limited', 'Too many wrong join codes. Try again in an hour.')

  // The hashes sit in server-only documents (institutionSecrets/{id}), never on the institution.
  const secrets = await db.collection(SECRETS_COLLECTION).where('joinCodeHashes', 'array-contains', hashJoinCode(code)).limit(5).get()
  const candidates = secrets.empty ? [] : await db.getAll(...secrets.docs.map((d) => db.doc(`institutions/${d.id}`)))
  const inst = candidates.filter((d) => d.exists && d.get('deleted') !== true).sort((a, b) => a.id.localeCompare(b.id))[0]
  if (!inst) {
    const left = Math.max(0, remaining)
    throw typedError('bad-code', problem('badCode', { count: left }), { remaining: left })
  }
  await counters[0]!.ref.delete()
  await Promise.all(counters.slice(1).map((c) => c.ref.update({ count: FieldValue.increment(-1) }).catch(() => {})))
  return inst
}

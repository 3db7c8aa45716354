/** Seeding documents the way the server stores them (sync metadata, commit-time updatedAt). */
import { createHash } from 'node:crypto'
import { FieldValue, type Firestore } from 'firebase-admin/firestore'
import type { Role } from '@/domain/common'
import type { Institution } from '@/domain/entities'
import type { Admin } from './admin'
import { createUser, type TestUser } from './users'

/** Sync metadata of a freshly created server document. */
export function meta(id: string) {
  return { id, updatedAt: FieldValue.serverTimestamp(), version: 1, deleted: false, lastMutationId: null, _clock: {} }
}

/** sha256 hex of a normalised join code (as functions/src/join/codes.ts hashes it). */
export function codeHash(code: string): string {
  return createHash('sha256')
    .update(code.replace(/[\s-]+/g, '').toUpperCase(), 'utf8')
    .digest('hex')
}

export interface InstitutionSeed {
  id: string
  name?: string
  emailDomains?: string[]
  joinCodes?: string[]
  allowUnverified?: boolean
  faculties?: Institution['faculties']
}

export async function seedInstitution(db: Firestore, s: InstitutionSeed): Promise<void> {
  await db.doc(`institutions/${s.id}`).set({
    ...meta(s.id),
    name: s.name ?? `Institution ${s.id}`,
    emailDomains: s.emailDomains ?? [],
    faculties: s.faculties ?? [],
    sites: [],
    ...(s.allowUnverified ? { allowUnverified: true } : {}),
  })
  // Join-code hashes: server-only, never on the institution document members read.
  if (s.joinCodes?.length) await db.doc(`institutionSecrets/${s.id}`).set({ joinCodeHashes: s.joinCodes.map(codeHash) })
  // Who owns a domain is the server-held registry's to say (as setInstitutionDomains writes it).
  for (const d of s.emailDomains ?? []) await db.doc(`emailDomains/${d}`).set({ institutionId: s.id, setBy: 'test-seed' })
}

/** A member's profile and directory entry, as joinInstitution writes them. */
export interface MemberFields {
  role?: string
  displayName?: string
  email?: string
  visibility?: 'institution' | 'hidden'
  facultyId?: string
  roleFamily?: string
}

export async function seedMember(db: Firestore, inst: string, uid: string, fields: MemberFields = {}): Promise<void> {
  const profile = {
    institutionId: inst,
    displayName: fields.displayName ?? `Member ${uid.slice(0, 6)}`,
    email: fields.email ?? `${uid.toLowerCase()}@example.ac.uk`,
    role: fields.role ?? 'technician',
    visibility: fields.visibility ?? 'institution',
    skills: [],
    joinedAt: 1_700_000_000_000,
    ...(fields.facultyId ? { facultyId: fields.facultyId } : {}),
    ...(fields.roleFamily ? { roleFamily: fields.roleFamily } : {}),
  }
  await db.doc(`users/${uid}/profiles/${uid}`).set({ ...profile, ...meta(uid) })
  await db
    .doc(`institutions/${inst}/members/${uid}`)
    .set(
      profile.visibility === 'hidden'
        ? { id: uid, deleted: true, updatedAt: FieldValue.serverTimestamp(), version: 1, lastMutationId: null }
        : { ...profile, ...meta(uid) },
    )
}

/** A signed-in member of `inst`: an Auth user with the claims joinInstitution sets, and the profile and directory entry it writes. */
export async function createMember(
  admin: Admin,
  inst: string,
  email: string,
  role: Role = 'technician',
  fields: Omit<MemberFields, 'role' | 'email'> = {},
): Promise<TestUser> {
  const user = await createUser(admin.auth, { email, claims: { institutionId: inst, role } })
  await seedMember(admin.db, inst, user.uid, { ...fields, role, email })
  return user
}

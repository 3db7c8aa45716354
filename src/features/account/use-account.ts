/** What the account page reads and writes: the member's own profile and their institution's settings. */
import { computed, type ComputedRef, type ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads as defaultReads, type Reads } from '@/db/read'
import { repos as defaultRepos, type Repos } from '@/db/repos'
import * as v from 'valibot'
import { InstitutionSchema, type Institution, type LANGUAGES, type Member } from '@/domain/entities'
import { validate, ValidationError, type Validated } from '@/domain/validation'

export interface AccountDeps {
  reads?: Reads
  repos?: Repos
}

/** The member's own profile, live (undefined until the first sync brings it). */
export function useOwnProfile(uid: () => string, deps: AccountDeps = {}): ShallowRef<Member | undefined> {
  const reads = deps.reads ?? defaultReads
  return useLiveQuery(() => reads.profiles.get(uid()), { initial: undefined, deps: uid })
}

/** Saves the job title on the member's profile (queued for sync). */
export async function saveJobTitle(uid: string, jobTitle: string, deps: AccountDeps = {}): Promise<void> {
  await (deps.repos ?? defaultRepos).profiles.patch(uid, { jobTitle })
}

/** The institution's settings document, live (undefined until the first sync brings it). */
export function useInstitutionSettings(institutionId: () => string | null, deps: AccountDeps = {}): ComputedRef<Institution | undefined> {
  const reads = deps.reads ?? defaultReads
  const institution = useLiveQuery(
    async () => {
      const id = institutionId()
      return id ? reads.institutions.get(id) : undefined
    },
    { initial: undefined, deps: institutionId },
  )
  return computed(() => institution.value)
}

/** A lead sets (or clears, with null) the language members see until they choose their own. */
export async function saveDefaultLocale(
  institutionId: string,
  locale: (typeof LANGUAGES)[number] | null,
  deps: AccountDeps = {},
): Promise<void> {
  const repos = deps.repos ?? defaultRepos
  const current = await (deps.reads ?? defaultReads).institutions.get(institutionId)
  if (!current) return
  await repos.institutions.patchFrom(institutionId, { defaultLocale: current.defaultLocale }, { defaultLocale: locale ?? undefined })
}

/** The institution's details the self-assessment document shows (header, sign-off, published plan). */
export const INSTITUTION_DETAILS = [
  'contactName',
  'contactEmail',
  'contactPhone',
  'headName',
  'headTitle',
  'signatoryDate',
  'planUrl',
] as const
export type InstitutionDetailField = (typeof INSTITUTION_DETAILS)[number]
/** The details as a form holds them: every field a string, '' when not given. */
export type InstitutionDetails = Record<InstitutionDetailField, string>
const DetailsSchema = v.pick(InstitutionSchema, INSTITUTION_DETAILS)

/** The form's values for an institution ('' for a detail not set). */
export function institutionDetailsOf(institution: Partial<Pick<Institution, InstitutionDetailField>> | undefined): InstitutionDetails {
  return Object.fromEntries(INSTITUTION_DETAILS.map((k) => [k, institution?.[k] ?? ''])) as InstitutionDetails
}

/**
 * A lead saves the institution's details: checked with the institution's own schema (what
 * `syncPush` checks again), blanks cleared, and only the fields changed since `loaded` queued, so
 * another lead's edit of another field is kept. Returns the field problems, if any (nothing saved).
 */
export async function saveInstitutionDetails(
  institutionId: string,
  loaded: InstitutionDetails,
  values: InstitutionDetails,
  deps: AccountDeps = {},
): Promise<Validated<{ saved: boolean }>> {
  const next = Object.fromEntries(INSTITUTION_DETAILS.map((k) => [k, values[k].trim() || undefined]))
  const checked = validate(DetailsSchema, next)
  if (!checked.ok) return checked
  const before = Object.fromEntries(INSTITUTION_DETAILS.map((k) => [k, loaded[k] || undefined]))
  try {
    const saved = await (deps.repos ?? defaultRepos).institutions.patchFrom(institutionId, before, checked.value)
    return { ok: true, value: { saved: saved !== null } }
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, issues: e.issues }
    throw e
  }
}

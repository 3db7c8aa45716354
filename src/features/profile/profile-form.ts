import * as v from 'valibot'
import { MemberFields, type Member } from '@/domain/entities'
import { issueProblem } from '@/domain/problems'
import { placeErrors, type PlaceField, type Places } from '@/domain/rules/profile'
import { errorsFor } from '@/ui/field-errors'

/** What the profile form edits, as its inputs hold it (strings). */
export interface ProfileValues {
  displayName: string
  pronouns: string
  jobTitle: string
  roleFamily: string
  facultyId: string
  department: string
  site: string
  gradeBand: string
  contract: string
  bio: string
  contactUrl: string
  visibility: string
}
export type ProfileFormField = keyof ProfileValues
export type ProfileErrors = Partial<Record<ProfileFormField | 'photo', string>>

/** The profile fields the form saves (a patch of the member's own profile). */
export type ProfilePatch = Partial<Pick<Member, ProfileFormField | 'photo'>>

export const PROFILE_FORM_FIELDS: readonly ProfileFormField[] = [
  'displayName',
  'pronouns',
  'jobTitle',
  'roleFamily',
  'facultyId',
  'department',
  'site',
  'gradeBand',
  'contract',
  'bio',
  'contactUrl',
  'visibility',
]
/** Choices that, once made, can be changed but not emptied (the shared schema has no "none"). */
const PICKED: readonly ProfileFormField[] = ['roleFamily', 'contract', 'visibility']

/** The form's starting values from a stored profile. */
export function profileValues(profile: Partial<Member>): ProfileValues {
  const out = {} as ProfileValues
  for (const f of PROFILE_FORM_FIELDS) out[f] = typeof profile[f] === 'string' ? (profile[f] as string) : ''
  if (!out.visibility) out.visibility = 'institution'
  return out
}

/**
 * Checks the form with the shared member schema plus the institution's own lists (faculty,
 * department, site), returning the patch to save or one message per field. Cleared text fields
 * are saved as "" so the clearing syncs (a missing key would leave the old value on the server).
 */
export function parseProfile(
  values: ProfileValues,
  places: Places | undefined,
): { ok: true; patch: ProfilePatch } | { ok: false; errors: ProfileErrors } {
  const errors: ProfileErrors = {}
  const { problemText } = errorsFor()
  const patch: Record<string, unknown> = {}
  for (const field of PROFILE_FORM_FIELDS) {
    const raw = values[field].trim()
    if (raw === '' && PICKED.includes(field)) continue
    const result = v.safeParse(MemberFields[field], raw)
    if (result.success) patch[field] = result.output
    else errors[field] = problemText(problemFor(field, result.issues[0]))
  }
  for (const [field, problem] of Object.entries(placeErrors(values, places))) errors[field as PlaceField] ??= problemText(problem)
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, patch: patch as ProfilePatch }
}

/** A choice from a list says which list; anything else is the schema's own problem. */
function problemFor(field: ProfileFormField, issue: v.BaseIssue<unknown>): { code: string; params?: Record<string, string | number> } {
  const problem = issueProblem(issue)
  if (problem.code !== 'choose' && problem.code !== 'invalid') return problem
  if (field === 'roleFamily') return { code: 'chooseRoleFamily' }
  if (field === 'contract') return { code: 'chooseContract' }
  if (field === 'visibility') return { code: 'chooseVisibility' }
  return { code: 'check' }
}

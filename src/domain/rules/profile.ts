/**
 * Profile completeness for the progress ring shown after sign-up. Only fields that help colleagues
 * find and contact a technician count; private or optional ones (pronouns, grade band, contract,
 * photo) never make a profile look unfinished.
 */
import type { Institution, Member } from '../entities'
import { problem } from '../problems'

export type ProfileField = 'displayName' | 'jobTitle' | 'roleFamily' | 'facultyId' | 'department' | 'site' | 'bio' | 'contactUrl' | 'skills'

/** The fields that count, in the order the form asks for them, with the words the ring uses. */
export const PROFILE_FIELDS: readonly { field: ProfileField; label: string }[] = [
  { field: 'displayName', label: 'Your name' },
  { field: 'jobTitle', label: 'Job title' },
  { field: 'roleFamily', label: 'Role family' },
  { field: 'facultyId', label: 'Faculty' },
  { field: 'department', label: 'Department' },
  { field: 'site', label: 'Site' },
  { field: 'bio', label: 'Short bio' },
  { field: 'contactUrl', label: 'Contact link' },
  { field: 'skills', label: 'At least one skill' },
]

export interface ProfileCompleteness {
  /** 0–100, whole numbers. */
  percent: number
  missing: { field: ProfileField; label: string }[]
  complete: boolean
}

/** Which counted fields are still empty (blank text counts as empty), and the share filled in. */
export function profileCompleteness(profile: Partial<Pick<Member, ProfileField>>): ProfileCompleteness {
  const missing = PROFILE_FIELDS.filter(({ field }) => !isFilled(profile[field]))
  const percent = Math.round((100 * (PROFILE_FIELDS.length - missing.length)) / PROFILE_FIELDS.length)
  return { percent, missing, complete: missing.length === 0 }
}

function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.length > 0
  return value !== undefined && value !== null
}

/** An institution's own lists, where it keeps them; an empty list means free text. */
export type Places = Partial<Pick<Institution, 'faculties' | 'sites'>>
export type PlaceField = 'facultyId' | 'department' | 'site'

/** The lists of an institution document as stored (null when it is missing or deleted). */
export function placesOf(institution: Record<string, unknown> | null | undefined): Places | null {
  if (!institution || institution.deleted === true) return null
  return { faculties: institution.faculties as Places['faculties'], sites: institution.sites as Places['sites'] }
}

/**
 * Faculty, department and site must come from the institution's lists where it keeps them. One
 * rule for the profile form and for the push callable, so a device that skips the form (or an
 * old copy of it) gets the same answer at the field.
 */
export function placeErrors(
  values: Partial<Record<PlaceField, string | undefined>>,
  places: Places | null | undefined,
): Partial<Record<PlaceField, string>> {
  const errors: Partial<Record<PlaceField, string>> = {}
  const facultyId = (values.facultyId ?? '').trim()
  const department = (values.department ?? '').trim()
  const site = (values.site ?? '').trim()
  const faculties = places?.faculties ?? []
  const faculty = faculties.find((f) => f.id === facultyId)
  if (facultyId && faculties.length > 0 && !faculty) errors.facultyId = problem('facultyFromList')
  if (department && faculty && faculty.departments.length > 0 && !faculty.departments.includes(department)) {
    errors.department = problem('departmentOf', { faculty: faculty.name })
  }
  if (department && !facultyId && faculties.length > 0) errors.department ??= problem('facultyFirst')
  const sites = places?.sites ?? []
  if (site && sites.length > 0 && !sites.includes(site)) errors.site = problem('siteFromList')
  return errors
}

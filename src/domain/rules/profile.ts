/**
 * Profile completeness for the progress ring shown after sign-up. Only fields that help colleagues
 * find and contact a technician count; private or optional ones (pronouns, grade band, contract,
 * photo) never make a profile look unfinished.
 */
import type { Member } from '../entities'

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

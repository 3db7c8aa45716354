import { describe, expect, it } from 'vitest'
import { setLocale } from '@/i18n'
import { parseProfile, profileValues, type ProfileValues } from './profile-form'

// The form words its errors in the language shown: English here.
await setLocale('en')

const places = {
  faculties: [{ id: 'fac-sci', name: 'Faculty of Science', departments: ['Chemistry', 'Physics'] }],
  sites: ['Main Campus', 'Riverside'],
}
const good: ProfileValues = {
  displayName: ' Robin Example ',
  pronouns: 'they/them',
  jobTitle: 'Laboratory Technician',
  roleFamily: 'laboratory',
  facultyId: 'fac-sci',
  department: 'Chemistry',
  site: 'Main Campus',
  gradeBand: 'Grade 5',
  contract: 'permanent',
  bio: 'I run the <3 teaching labs & love NMR.',
  contactUrl: 'https://teams.example.com/robin',
  visibility: 'institution',
}

describe('parseProfile', () => {
  it('returns a trimmed patch for a good form', () => {
    const out = parseProfile(good, places)
    expect(out).toEqual({ ok: true, patch: { ...good, displayName: 'Robin Example' } })
  })
  it('keeps cleared text as "" so the clearing syncs, and leaves unpicked choices out', () => {
    const out = parseProfile({ ...good, pronouns: '  ', bio: '', roleFamily: '', contract: '' }, places)
    expect(out.ok && out.patch).toMatchObject({ pronouns: '', bio: '' })
    expect(out.ok && 'roleFamily' in out.patch).toBe(false)
    expect(out.ok && 'contract' in out.patch).toBe(false)
  })
  it('explains over-long fields, markup in the bio and a missing name at the field', () => {
    const out = parseProfile({ ...good, displayName: '', jobTitle: 'x'.repeat(121), bio: 'Hello <script>alert(1)</script>' }, places)
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.errors.displayName).toBe('Name is required')
      expect(out.errors.jobTitle).toBe('Job title must be at most 120 characters')
      expect(out.errors.bio).toBe('Bio cannot contain HTML or script tags')
    }
  })
  it('accepts only the institution’s own faculties, departments and sites', () => {
    const out = parseProfile({ ...good, facultyId: 'fac-made-up', department: 'Alchemy', site: 'Moon base' }, places)
    expect(out).toMatchObject({
      ok: false,
      errors: { facultyId: 'Choose a faculty from your institution’s list', site: 'Choose a site from your institution’s list' },
    })
    expect(parseProfile({ ...good, department: 'Alchemy' }, places)).toMatchObject({
      ok: false,
      errors: { department: 'Choose a department of Faculty of Science' },
    })
    expect(parseProfile({ ...good, facultyId: '', department: 'Chemistry' }, places)).toMatchObject({
      ok: false,
      errors: { department: 'Choose your faculty first' },
    })
  })
  it('rejects unsafe contact links and unknown choices in words people understand', () => {
    const out = parseProfile({ ...good, contactUrl: 'javascript:alert(1)', roleFamily: 'wizard', visibility: 'everyone' }, places)
    expect(out).toMatchObject({
      ok: false,
      errors: { roleFamily: 'Choose a role family from the list', visibility: 'Choose who can see your profile' },
    })
    expect(!out.ok && out.errors.contactUrl).toBeTruthy()
  })
  it('allows free text where the institution has no list', () => {
    expect(parseProfile({ ...good, facultyId: '', department: 'Anything', site: 'Anywhere' }, { faculties: [], sites: [] }).ok).toBe(true)
  })
})

describe('profileValues', () => {
  it('fills blanks and defaults visibility to the institution', () => {
    expect(profileValues({ displayName: 'A' })).toMatchObject({ displayName: 'A', bio: '', visibility: 'institution' })
    expect(profileValues({ visibility: 'hidden' }).visibility).toBe('hidden')
  })
})

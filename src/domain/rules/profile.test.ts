import { describe, expect, it } from 'vitest'
import { PROFILE_FIELDS, profileCompleteness } from './profile'

describe('profileCompleteness', () => {
  it('is 0% for an empty draft and lists every field in form order', () => {
    const r = profileCompleteness({})
    expect(r.percent).toBe(0)
    expect(r.complete).toBe(false)
    expect(r.missing.map((m) => m.field)).toEqual(PROFILE_FIELDS.map((f) => f.field))
  })

  it('counts blank text and no skills as missing', () => {
    const r = profileCompleteness({ displayName: 'Sam Example', jobTitle: '  ', skills: [] })
    expect(r.missing.map((m) => m.label)).toContain('Job title')
    expect(r.missing.map((m) => m.label)).toContain('At least one skill')
    expect(r.percent).toBe(11)
  })

  it('is complete when every counted field is filled, whatever the optional ones', () => {
    const r = profileCompleteness({
      displayName: 'Sam Example',
      jobTitle: 'Senior technician',
      roleFamily: 'laboratory',
      facultyId: 'fac-science',
      department: 'Chemistry',
      site: 'Main campus',
      bio: 'I look after the NMR suite.',
      contactUrl: 'https://teams.example.ac.uk/sam',
      skills: [{ skillId: 'nmr', name: 'NMR spectrometer', category: 'equipment', level: 'expert', canTeach: true, wantsToLearn: false }],
    })
    expect(r).toEqual({ percent: 100, missing: [], complete: true })
  })
})

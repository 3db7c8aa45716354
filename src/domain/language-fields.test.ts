/** The synced language choice and the institution default pass the one schema the server uses too. */
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { COLLECTIONS, directoryProjection } from './collections'
import { InstitutionSchema, MemberSchema } from './entities'

const meta = { version: 1, updatedAt: 1, deleted: false, lastMutationId: null }
const profile = {
  ...meta,
  id: 'u1',
  institutionId: 'inst-1',
  displayName: 'Zoë Kowalczyk-Łęcka',
  email: 'zoe@example.ac.uk',
  role: 'technician',
  visibility: 'institution',
  skills: [],
  joinedAt: 1,
}
const institution = { ...meta, id: 'inst-1', name: 'Prifysgol Enghraifft', emailDomains: ['example.ac.uk'], faculties: [], sites: [] }

describe('language fields', () => {
  it("a profile keeps its owner's language; only the app's languages are accepted", () => {
    expect(v.parse(MemberSchema, { ...profile, locale: 'cy' }).locale).toBe('cy')
    expect(v.safeParse(MemberSchema, { ...profile, locale: 'fr' }).success).toBe(false)
    expect(COLLECTIONS.profiles.fields).toContain('locale')
  })

  it('an institution keeps its default language, which a lead may change', () => {
    expect(v.parse(InstitutionSchema, { ...institution, defaultLocale: 'cy' }).defaultLocale).toBe('cy')
    expect(v.safeParse(InstitutionSchema, { ...institution, defaultLocale: 'de' }).success).toBe(false)
    expect(COLLECTIONS.institutions.fields).toContain('defaultLocale')
    expect(COLLECTIONS.institutions.canWrite({ uid: 'l', institutionId: 'inst-1', role: 'lead' }, 'update', null, null, 'inst-1')).toBe(
      true,
    )
  })

  it('the language a person chose stays in their own tree (not in the directory)', () => {
    expect(directoryProjection({ ...profile, locale: 'cy' })).not.toHaveProperty('locale')
  })
})

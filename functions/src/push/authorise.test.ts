import { describe, expect, it } from 'vitest'
import { callerFromClaims, checkScope } from './authorise'

describe('callerFromClaims', () => {
  it('reads a valid membership', () => {
    expect(callerFromClaims('u1', { institutionId: 'inst-1', role: 'lead' })).toEqual({ uid: 'u1', institutionId: 'inst-1', role: 'lead' })
  })
  it.each([
    [undefined],
    [{}],
    [{ institutionId: 'inst-1' }],
    [{ institutionId: 'inst-1', role: 'superuser' }],
    [{ institutionId: 'a/b', role: 'lead' }],
    [{ institutionId: 7, role: 'lead' }],
  ])('treats %j as no membership', (claims) => {
    expect(callerFromClaims('u1', claims as Record<string, unknown> | undefined)).toEqual({ uid: 'u1', institutionId: null, role: null })
  })
})

describe('checkScope', () => {
  const none = { uid: 'u', institutionId: null, role: null }
  it('lets a signed-in non-member write their own tree only', () => {
    expect(checkScope(none, 'cpd')).toBeNull()
    expect(checkScope(none, 'profiles')).toBeNull()
    expect(checkScope(none, 'ideas')).toMatchObject({ code: 'forbidden' })
    expect(checkScope(none, 'institutions')).toMatchObject({ code: 'forbidden' })
  })
})

import { describe, expect, it } from 'vitest'
import type { ServerDoc } from '@/domain/merge'
import { callerFromClaims, checkLockedAfterMerge, checkScope } from './authorise'

const doc = (fields: Record<string, unknown>): ServerDoc => ({ id: 'i', updatedAt: 1, version: 1, deleted: false, lastMutationId: null, ...fields })

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

describe('checkLockedAfterMerge', () => {
  const tech = { uid: 'u', institutionId: 'i', role: 'technician' as const }
  const lead = { uid: 'l', institutionId: 'i', role: 'lead' as const }
  it('refuses a technician’s write that cleared a locked field, however it got there', () => {
    const before = doc({ status: 'adopted', response: 'Yes' })
    const after = doc({ status: 'adopted' })
    expect(checkLockedAfterMerge(tech, 'ideas', before, after)).toMatchObject({ code: 'forbidden', field: 'response' })
  })
  it('lets a lead change locked fields, and anyone change unlocked ones', () => {
    expect(checkLockedAfterMerge(lead, 'ideas', doc({ status: 'open' }), doc({ status: 'adopted' }))).toBeNull()
    expect(checkLockedAfterMerge(tech, 'ideas', doc({ title: 'a', status: 'open' }), doc({ title: 'b', status: 'open' }))).toBeNull()
  })
  it('does not apply to creates or deletes', () => {
    expect(checkLockedAfterMerge(tech, 'ideas', null, doc({ status: 'open' }))).toBeNull()
    expect(checkLockedAfterMerge(tech, 'ideas', doc({ status: 'open' }), { ...doc({}), deleted: true })).toBeNull()
  })
})

/**
 * Fictional people for component tests: a signed-in session, and a member's synced profile or
 * directory document. Not imported by app code.
 */
import { createPinia, setActivePinia } from 'pinia'
import type { Member } from '@/domain/entities'
import { useSessionStore } from '@/stores/session'
import type { Session } from '@/sync/ports'

/** A technician of institution `inst` ('me'); with `role: 'lead'`, its lead ('lead'). */
export function sessionFor(fields: Partial<Session> = {}): Session {
  const who = fields.role === 'lead' ? { uid: 'lead', displayName: 'Lead' } : { uid: 'me', displayName: 'Me' }
  return { ...who, email: `${who.uid}@example.ac.uk`, emailVerified: true, institutionId: 'inst', role: 'technician', ...fields }
}

/** A fresh Pinia with `sessionFor(fields)` signed in; returns the session store (to spy on). */
export function signIn(fields: Partial<Session> = {}): ReturnType<typeof useSessionStore> {
  setActivePinia(createPinia())
  const session = useSessionStore()
  session.session = sessionFor(fields)
  return session
}

/** A member as synced: Siân ap Gwŵr, a technician of `inst` listed in the directory, no skills yet. */
export function member(id: string, fields: Partial<Member> = {}): Member {
  return {
    id,
    updatedAt: 1,
    version: 1,
    deleted: false,
    lastMutationId: null,
    institutionId: 'inst',
    displayName: 'Siân ap Gwŵr',
    email: 'sian@example.ac.uk',
    role: 'technician',
    visibility: 'institution',
    joinedAt: 0,
    skills: [],
    ...fields,
  }
}

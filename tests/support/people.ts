/**
 * A fictional signed-in person for component tests (members' documents: rule-fixtures `member`).
 * Not imported by app code.
 */
import { createPinia, setActivePinia } from 'pinia'
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

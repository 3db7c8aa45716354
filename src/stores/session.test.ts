// @vitest-environment happy-dom
/**
 * The session store when the server ends a session (the account was deleted or disabled on
 * another device): it signs out and wipes this device; an ordinary sign-out keeps the data.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { readLastSeen, saveLastSeen } from '@/db/last-seen'
import type { AuthPort, Session } from '@/sync/ports'
import { useSessionStore } from './session'

type Listener = (session: Session | null, ended?: boolean) => void
const fake = vi.hoisted(() => ({ listeners: [] as ((s: unknown, ended?: boolean) => void)[], current: null as unknown }))

vi.mock('@/platform/load', () => ({
  loadPlatform: async () => ({
    auth: {
      current: async () => fake.current,
      onChange: (l: Listener) => {
        fake.listeners.push(l as (s: unknown, ended?: boolean) => void)
        return () => undefined
      },
      signOut: async () => undefined,
    } as unknown as AuthPort,
  }),
}))

const me: Session = {
  uid: 'u-me',
  email: 'me@example.ac.uk',
  emailVerified: true,
  displayName: 'Me',
  institutionId: 'inst',
  role: 'technician',
}
const emit = (s: Session | null, ended?: boolean) => fake.listeners.forEach((l) => l(s, ended))

beforeEach(async () => {
  setActivePinia(createPinia())
  fake.listeners = []
  fake.current = me
  localStorage.setItem('th-link-email', 'me@example.ac.uk')
  // A last-seen picture of this person's CPD page (what the next start paints before any script).
  saveLastSeen('cpd', { b: 'build', l: 'en-GB', h: '<h1>CPD</h1><p>My course</p>', c: [] }, {})
  await db.cpd.put({ id: 'cpd-1' } as never)
  await db.outbox.add({ mutationId: 'm-pending-0001', collection: 'cpd', docId: 'cpd-1', op: 'put', payload: {}, clientTime: 1 } as never)
})

afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  localStorage.clear()
})

describe('session store', () => {
  it('signs out and wipes every local table when the server ended the session', async () => {
    await db.outbox.clear()
    const session = useSessionStore()
    await session.init()
    expect(session.session?.uid).toBe('u-me')
    emit(null, true)
    // `ended` is set last, once the wipe has finished.
    await vi.waitFor(() => expect(session.ended).toEqual({ unsent: 0 }))
    expect(session.session).toBeNull()
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0)
    expect(localStorage.getItem('th-link-email')).toBeNull()
    expect(readLastSeen('cpd')).toBeNull()
  })

  it('keeps changes not yet sent when the server ended the session, for the same person to send', async () => {
    const session = useSessionStore()
    await session.init()
    emit(null, true)
    await vi.waitFor(() => expect(session.ended).not.toBeNull())
    expect(session.session).toBeNull()
    expect(session.ended).toEqual({ unsent: 1 })
    expect(await db.outbox.count()).toBe(1)
    expect(await db.cpd.get('cpd-1')).toBeDefined()
    // The data stays for the changes' sake; the page pictures, shown before anyone signs in, go.
    expect(readLastSeen('cpd')).toBeNull()
    // The same person signs in again: nothing is cleared and the change can go.
    emit(me)
    await vi.waitFor(() => expect(session.session?.uid).toBe('u-me'))
    expect(session.ended).toBeNull()
    expect(await db.outbox.count()).toBe(1)
  })

  it('keeps this device’s data on an ordinary sign-out (from another tab, say)', async () => {
    const session = useSessionStore()
    await session.init()
    emit(null)
    await vi.waitFor(() => expect(session.session).toBeNull())
    expect(session.ended).toBeNull()
    expect(await db.cpd.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
    // The next start shows no one's page before a sign-in.
    expect(readLastSeen('cpd')).toBeNull()
  })

  it('keeps the page pictures while the same person stays signed in', async () => {
    const session = useSessionStore()
    await session.init()
    emit({ ...me, displayName: 'Me again' })
    await vi.waitFor(() => expect(session.session?.displayName).toBe('Me again'))
    expect(readLastSeen('cpd')?.h).toContain('My course')
  })

  it('treats a device whose account was dropped while the app was closed as ended by the server', async () => {
    // Someone used this device before; Firebase now starts with no user (it dropped the refused one).
    await db.meta.put({ key: 'uid', value: 'u-me' })
    await db.outbox.clear()
    fake.current = null
    const session = useSessionStore()
    await session.init()
    expect(session.session).toBeNull()
    expect(session.ended).toEqual({ unsent: 0 })
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0)
  })

  it('keeps the data of a device that was signed out on purpose, and starts it signed out', async () => {
    fake.current = me
    const first = useSessionStore()
    await first.init()
    await first.signOut()
    // The app is opened again later, with no user.
    setActivePinia(createPinia())
    fake.listeners = []
    fake.current = null
    const session = useSessionStore()
    await session.init()
    expect(session.ended).toBeNull()
    expect(await db.cpd.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })
})

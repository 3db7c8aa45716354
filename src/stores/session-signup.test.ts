// @vitest-environment happy-dom
/**
 * Issue 12, item 4: the name typed at sign-up survives every order of events. Firebase reports
 * the new account (without a display name) before the sign-up call has set the name, so a quick
 * tap on "Join" used to send the email prefix; a late auth event could also drop the name again.
 */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import JoinPanel from '@/features/account/JoinPanel.vue'
import type { AuthPort, Session } from '@/sync/ports'
import { useSessionStore } from './session'

type Listener = (session: Session | null, ended?: boolean) => void
const fake = vi.hoisted(() => ({
  listeners: [] as ((s: unknown, ended?: boolean) => void)[],
  signUp: null as null | ((email: string, password: string, name: string) => Promise<unknown>),
  joins: [] as { displayName: string; joinCode?: string }[],
}))

vi.mock('@/platform/load', () => ({
  loadPlatform: async () => ({
    auth: {
      current: async () => null,
      onChange: (l: Listener) => {
        fake.listeners.push(l as (s: unknown, ended?: boolean) => void)
        return () => undefined
      },
      signUp: (email: string, password: string, name: string) => fake.signUp!(email, password, name),
      joinInstitution: async (input: { displayName: string; joinCode?: string }) => {
        fake.joins.push(input)
        return { ok: false, code: 'unknown-domain', message: 'stop here' }
      },
      refresh: async () => null,
      signOut: async () => undefined,
    } as unknown as AuthPort,
  }),
}))

const TYPED = 'Samira Okafor'
const bare: Session = {
  uid: 'u-new',
  email: 'samira.okafor@example.ac.uk',
  emailVerified: false,
  displayName: null,
  institutionId: null,
  role: null,
}
const named: Session = { ...bare, displayName: TYPED }
const emit = (s: Session | null) => fake.listeners.forEach((l) => l(s))

beforeEach(() => {
  setActivePinia(createPinia())
  fake.listeners = []
  fake.joins = []
})
afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  localStorage.clear()
})

/** Sign-up whose auth event (no name yet) fires at once, and whose name is set when `release` is called. */
function slowSignUp() {
  let release!: () => void
  const named$ = new Promise<void>((r) => (release = r))
  fake.signUp = async () => {
    emit(bare) // onIdTokenChanged: the account exists, updateProfile has not run yet
    await named$
    return named
  }
  return () => release()
}

async function tapJoin() {
  const wrapper = mount(JoinPanel, { attachTo: document.body })
  await wrapper
    .findAll('button')
    .find((b) => b.text() === 'Join with my email address')!
    .trigger('click')
  await vi.waitFor(() => expect(fake.joins).toHaveLength(1))
  wrapper.unmount()
  return fake.joins[0]!.displayName
}

describe('sign-up keeps the name typed', () => {
  it('when "Join" is tapped before the sign-up has set the name', async () => {
    const release = slowSignUp()
    const session = useSessionStore()
    await session.init()
    const signingUp = session.signUp(bare.email, 'long-password-1', TYPED)
    await vi.waitFor(() => expect(session.session?.uid).toBe('u-new'))
    expect(await tapJoin()).toBe(TYPED)
    release()
    await signingUp
    expect(session.session?.displayName).toBe(TYPED)
  })

  it('after a reload between the sign-up and the join', async () => {
    const release = slowSignUp()
    const first = useSessionStore()
    await first.init()
    void first.signUp(bare.email, 'long-password-1', TYPED)
    await vi.waitFor(() => expect(first.session?.uid).toBe('u-new'))
    // The page reloads before the name reached Firebase: a fresh store, the account still nameless.
    setActivePinia(createPinia())
    fake.listeners = []
    const again = useSessionStore()
    await again.init()
    emit(bare)
    await vi.waitFor(() => expect(again.session?.uid).toBe('u-new'))
    expect(await tapJoin()).toBe(TYPED)
    release()
  })
})

// @vitest-environment happy-dom
/**
 * Issue 12, item 4: the name typed at sign-up survives every order of events. Firebase reports
 * the new account (without a display name) before the sign-up call has set the name, so a quick
 * join used to send the email prefix; a late auth event could also drop the name again.
 * Issue 17: an address an institution registered joins it straight after sign-up, with no tap;
 * one no institution registered is led to the join code.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import JoinPanel from '@/features/account/JoinPanel.vue'
import type { AuthPort, Session } from '@/sync/ports'
import { i18nFor } from '../../tests/support/i18n'
import { useSessionStore } from './session'

type Listener = (session: Session | null, ended?: boolean) => void
const fake = vi.hoisted(() => ({
  listeners: [] as ((s: unknown, ended?: boolean) => void)[],
  signUp: null as null | ((email: string, password: string, name: string) => Promise<unknown>),
  joins: [] as { displayName: string; joinCode?: string }[],
  joinResult: null as unknown,
  refreshed: null as unknown,
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
        return fake.joinResult
      },
      refresh: async () => fake.refreshed,
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
  fake.joinResult = { ok: false, code: 'unknown-domain', message: 'stop here' }
  fake.refreshed = null
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

/** Opens the join panel (which joins by address as it opens); the name that join sent. */
async function tapJoin() {
  const wrapper = mount(JoinPanel, { attachTo: document.body, global: { plugins: [await i18nFor('en')] } })
  await vi.waitFor(() => expect(fake.joins).toHaveLength(1))
  wrapper.unmount()
  return fake.joins[0]!.displayName
}

describe('sign-up keeps the name typed', () => {
  it('when the join panel opens before the sign-up has set the name', async () => {
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
    const signingUp = first.signUp(bare.email, 'long-password-1', TYPED)
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
    await signingUp
  })
})

describe('sign-up joins by email address (issue 17)', () => {
  it('an address an institution registered joins it straight after sign-up, with no tap', async () => {
    fake.signUp = async () => named
    fake.joinResult = { ok: true, institutionId: 'demo', role: 'technician' }
    fake.refreshed = { ...named, institutionId: 'demo', role: 'technician' }
    const session = useSessionStore()
    await session.init()
    await session.signUp(bare.email, 'long-password-1', TYPED)
    expect(fake.joins).toEqual([{ displayName: TYPED }])
    expect(session.session?.institutionId).toBe('demo')
    expect(session.domainJoin).toBeNull()
  })

  it('an address no institution registered is led to the join code, with no button that cannot work', async () => {
    fake.signUp = async () => named
    const session = useSessionStore()
    await session.init()
    await session.signUp(bare.email, 'long-password-1', TYPED)
    expect(session.domainJoin).toEqual({ status: 'no-match' })
    const wrapper = mount(JoinPanel, { attachTo: document.body, global: { plugins: [await i18nFor('en')] } })
    await flushPromises()
    expect(wrapper.text()).toContain('No institution has registered your email address. Enter the join code your lead gave you.')
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Join with code'])
    expect(wrapper.find('input').exists()).toBe(true)
    // Opening the panel does not ask the server again.
    expect(fake.joins).toHaveLength(1)
    wrapper.unmount()
  })

  it('an institution that wants a verified address says so, and joins once verified', async () => {
    fake.signUp = async () => named
    fake.joinResult = { ok: false, code: 'invalid', reason: 'email-unverified', message: 'Verify your email address before joining' }
    const session = useSessionStore()
    await session.init()
    await session.signUp(bare.email, 'long-password-1', TYPED)
    const wrapper = mount(JoinPanel, { attachTo: document.body, global: { plugins: [await i18nFor('cy')] } })
    await flushPromises()
    expect(wrapper.text()).toContain('Mae eich sefydliad yn gofyn am gyfeiriad e-bost wedi’i wirio.')
    expect(wrapper.find('input').exists()).toBe(false)
    fake.joinResult = { ok: true, institutionId: 'demo', role: 'technician' }
    fake.refreshed = { ...named, institutionId: 'demo', role: 'technician' }
    await wrapper.get('button').trigger('click')
    await vi.waitFor(() => expect(session.session?.institutionId).toBe('demo'))
    expect(fake.joins).toHaveLength(2)
    wrapper.unmount()
  })
})

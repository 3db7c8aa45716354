// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { useSessionStore } from '@/stores/session'
import { i18nFor } from '../../../tests/support/i18n'
import { signIn } from '../../../tests/support/people'
import AccountView from './AccountView.vue'

vi.mock('vue-router', () => ({
  RouterLink: { template: '<a><slot /></a>' },
  useRoute: () => ({ query: {} }),
  useRouter: () => ({ replace: async () => undefined }),
}))
const meta = { updatedAt: 1, version: 2, deleted: false, lastMutationId: null }

beforeEach(async () => {
  vi.spyOn(signIn({ uid: 'lead1', role: 'lead' }), 'init').mockResolvedValue()
  await Promise.all([db.institutions.clear(), db.profiles.clear(), db.outbox.clear()])
  await db.institutions.put({
    ...meta,
    id: 'inst',
    name: 'Prifysgol Enghraifft',
    emailDomains: ['example.ac.uk'],
    faculties: [],
    sites: [],
  })
  await db.profiles.put({
    ...meta,
    id: 'lead1',
    institutionId: 'inst',
    displayName: 'Siân ap Gwŵr',
    email: 'lead@example.ac.uk',
    role: 'lead',
    visibility: 'institution',
    skills: [],
    joinedAt: 0,
  })
})

describe('the account page', () => {
  it('is in Welsh, and a lead sets the institution’s default language there (queued for sync)', async () => {
    const w = mount(AccountView, { global: { plugins: [await i18nFor('cy')] } })
    await vi.waitFor(() => expect(w.find('select').exists()).toBe(true))
    expect(w.get('h1').text()).toBe('Cyfrif')
    expect(w.text()).toContain('Wedi mewngofnodi fel lead@example.ac.uk · arweinydd')
    expect(w.text()).toContain('Iaith eich sefydliad')
    await w.get('select').setValue('cy')
    await vi.waitFor(async () => expect((await db.institutions.get('inst'))?.defaultLocale).toBe('cy'))
    const queued = await db.outbox.toArray()
    expect(queued.map((m) => [m.collection, m.docId, m.payload])).toEqual([['institutions', 'inst', { defaultLocale: 'cy' }]])
    await flushPromises()
    expect(w.text()).toContain('bydd aelodau’n ei weld ar ôl eu cysoni nesaf')
    w.unmount()
  })

  it('shows the institution language only to leads, and keeps its English words', async () => {
    const session = useSessionStore()
    session.session = { ...session.session!, role: 'technician' }
    const w = mount(AccountView, { global: { plugins: [await i18nFor('en')] } })
    await vi.waitFor(() => expect(w.text()).toContain('Siân ap Gwŵr'))
    expect(w.text()).toContain('Signed in as lead@example.ac.uk · technician')
    expect(w.text()).toContain(
      'Complete your profile so colleagues can find you: Edit your profile. See or remove what we hold about you: My data.',
    )
    expect(w.find('select').exists()).toBe(false)
    expect(w.get('[aria-label="Sync status"]').text()).toBeTruthy()
    w.unmount()
  })
})

describe('a session the server ended', () => {
  it('says why, and how many unsent changes were kept, in the language on screen', async () => {
    const session = useSessionStore()
    session.session = null
    session.ready = true
    session.ended = { unsent: 2 }
    const en = mount(AccountView, { global: { plugins: [await i18nFor('en')] } })
    await vi.waitFor(() => expect(en.get('[role="alert"]').text()).toContain('2 changes not yet sent are kept on this device'))
    en.unmount()
    session.ended = { unsent: 0 }
    const cy = mount(AccountView, { global: { plugins: [await i18nFor('cy')] } })
    await vi.waitFor(() => expect(cy.get('[role="alert"]').text()).toContain('Mae ei ddata wedi’i dynnu o’r ddyfais hon.'))
    cy.unmount()
  })
})

// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { JoinResult } from '@/sync/ports'
import { useSessionStore } from '@/stores/session'
import { i18nFor } from '../../../tests/support/i18n'
import JoinPanel from './JoinPanel.vue'

beforeEach(() => {
  setActivePinia(createPinia())
})

/** Joins with a code the server refuses with `refusal`; returns the panel's words. */
async function refusedWith(refusal: JoinResult, locale: 'en' | 'cy' = 'en') {
  const session = useSessionStore()
  // The address matched no institution: the code field is the way in.
  session.domainJoin = { status: 'no-match' }
  vi.spyOn(session, 'joinByDomain').mockResolvedValue()
  vi.spyOn(session, 'join').mockResolvedValue(refusal)
  const wrapper = mount(JoinPanel, { global: { plugins: [await i18nFor(locale)] } })
  await wrapper.find('input').setValue('WRONG-CODE')
  await wrapper.find('form').trigger('submit')
  await flushPromises()
  return wrapper
}

describe('the join panel', () => {
  it('words a wrong join code from its code and count, never the SDK’s text with its “[403]”', async () => {
    const wrapper = await refusedWith({
      ok: false,
      code: 'bad-code',
      problem: 'badCode {"count":4}',
      message: 'That join code is not valid (4 attempts left this hour) [403]',
    })
    expect(wrapper.find('.form-field-error').text()).toBe('⚠ That join code is not valid (4 attempts left this hour)')
    expect(wrapper.text()).not.toContain('[403]')
  })

  it('says it in Welsh', async () => {
    const wrapper = await refusedWith({ ok: false, code: 'bad-code', problem: 'badCode {"count":0}', message: 'x [403]' }, 'cy')
    expect(wrapper.find('.form-field-error').text()).toBe('⚠ Nid yw’r cod ymuno hwnnw’n ddilys. Rhowch gynnig arall arni ymhen awr.')
  })

  it('words a refusal it has no words for as the generic message, not the raw text or code', async () => {
    const wrapper = await refusedWith({ ok: false, code: 'invalid', problem: 'somethingNew {"x":1}', message: 'Internal [500]' })
    expect(wrapper.find('.join-message').text()).toBe('This value is not valid')
    const other = await refusedWith({ ok: false, code: 'whatever' as 'invalid', message: 'permission-denied [403]' })
    expect(other.find('.join-message').text()).toBe('Something went wrong. Try again.')
  })
})

describe('the join panel before a join code is needed', () => {
  it('while the address is being checked, says so and offers nothing to tap', async () => {
    const session = useSessionStore()
    const joinByDomain = vi.spyOn(session, 'joinByDomain').mockResolvedValue()
    const wrapper = mount(JoinPanel, { global: { plugins: [await i18nFor('en')] } })
    await flushPromises()
    expect(joinByDomain).toHaveBeenCalledOnce()
    expect(wrapper.get('[role="status"]').text()).toBe('Checking whether your institution has registered your email address…')
    expect(wrapper.findAll('button')).toHaveLength(0)
  })

  it('after a failed check, words it and offers to try again beside the code field', async () => {
    const session = useSessionStore()
    session.domainJoin = { status: 'failed', refusal: { ok: false, code: 'invalid', message: 'internal [500]' } }
    const joinByDomain = vi.spyOn(session, 'joinByDomain').mockResolvedValue()
    const wrapper = mount(JoinPanel, { global: { plugins: [await i18nFor('cy')] } })
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Aeth rhywbeth o’i le. Rhowch gynnig arall arni.')
    expect(wrapper.text()).not.toContain('[500]')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Rhowch gynnig arall arni')!
      .trigger('click')
    expect(joinByDomain).toHaveBeenLastCalledWith({ again: true })
  })
})

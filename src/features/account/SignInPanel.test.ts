// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useSessionStore } from '@/stores/session'
import { AuthError } from '@/sync/ports'
import { i18nFor } from '../../../tests/support/i18n'
import SignInPanel from './SignInPanel.vue'

beforeEach(() => {
  setActivePinia(createPinia())
})

async function open(locale: 'en' | 'cy' = 'en') {
  const session = useSessionStore()
  const calls = {
    signIn: vi.spyOn(session, 'signIn').mockResolvedValue(),
    sendSignInLink: vi.spyOn(session, 'sendSignInLink').mockResolvedValue(),
    sendPasswordReset: vi.spyOn(session, 'sendPasswordReset').mockResolvedValue(),
  }
  const wrapper = mount(SignInPanel, { attachTo: document.body, global: { plugins: [await i18nFor(locale)] } })
  return { wrapper, calls, email: () => wrapper.find<HTMLInputElement>('input[type="email"]') }
}

describe('the sign-in panel', () => {
  it('on a sign-in with empty fields, shows both errors and focuses the email field', async () => {
    const { wrapper, calls, email } = await open()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.findAll('.form-field-error').map((e) => e.text())).toEqual(['⚠ Enter your email address', '⚠ Enter your password'])
    expect(document.activeElement).toBe(email().element)
    expect(calls.signIn).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('asks for a valid email before sending a sign-in link, with focus on the email field', async () => {
    const { wrapper, calls, email } = await open()
    await email().setValue('not-an-email')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Email me a sign-in link')!
      .trigger('click')
    await flushPromises()
    expect(wrapper.find('.form-field-error').text()).toBe('⚠ Enter a valid email address')
    expect(document.activeElement).toBe(email().element)
    expect(calls.sendSignInLink).not.toHaveBeenCalled()

    await email().setValue('tech@example.ac.uk')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Email me a sign-in link')!
      .trigger('click')
    await flushPromises()
    expect(wrapper.find('.form-field-error').exists()).toBe(false)
    expect(calls.sendSignInLink).toHaveBeenCalledWith('tech@example.ac.uk')
    wrapper.unmount()
  })

  it('is in Welsh when Welsh is shown, errors included', async () => {
    const { wrapper, calls } = await open('cy')
    expect(wrapper.get('h2').text()).toBe('Mewngofnodi')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.findAll('.form-field-error').map((e) => e.text())).toEqual(['⚠ Rhowch eich cyfeiriad e-bost', '⚠ Rhowch eich cyfrinair'])
    expect(calls.signIn).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

const button = (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], text: string) =>
  wrapper.findAll('button').find((b) => b.text() === text)!

describe('a forgotten password (issue 17)', () => {
  it('“Forgot password?” beside the sign-in asks only for the email and sends the reset link', async () => {
    const { wrapper, calls, email } = await open()
    await button(wrapper, 'Forgot password?').trigger('click')
    expect(wrapper.get('h2').text()).toBe('Reset your password')
    expect(wrapper.find('input[type="password"]').exists()).toBe(false)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.form-field-error').text()).toBe('⚠ Enter your email address')
    expect(calls.sendPasswordReset).not.toHaveBeenCalled()
    await email().setValue('tech@example.ac.uk')
    await button(wrapper, 'Email me a reset link').trigger('click')
    await flushPromises()
    expect(calls.sendPasswordReset).toHaveBeenCalledWith('tech@example.ac.uk')
    expect(wrapper.get('[role="status"]').text()).toBe(
      'If tech@example.ac.uk has an account, we have emailed it a link to set a new password.',
    )
    await button(wrapper, 'Back to sign in').trigger('click')
    expect(wrapper.get('h2').text()).toBe('Sign in')
    wrapper.unmount()
  })

  it('is in Welsh', async () => {
    const { wrapper } = await open('cy')
    await button(wrapper, 'Wedi anghofio’ch cyfrinair?').trigger('click')
    expect(wrapper.get('h2').text()).toBe('Ailosod eich cyfrinair')
    wrapper.unmount()
  })
})

describe('a refused sign-in', () => {
  it('is worded from its reason in the language shown, never Firebase’s code', async () => {
    const { wrapper, calls, email } = await open('cy')
    calls.signIn.mockRejectedValueOnce(new AuthError('wrongCredentials', 'auth/invalid-credential'))
    await email().setValue('tech@example.ac.uk')
    await wrapper.get('input[type="password"]').setValue('not-my-password')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Mae’r e-bost neu’r cyfrinair yn anghywir.')
    calls.signIn.mockRejectedValueOnce(new Error('Firebase: Error (auth/internal-error).'))
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Methu mewngofnodi')
    wrapper.unmount()
  })
})

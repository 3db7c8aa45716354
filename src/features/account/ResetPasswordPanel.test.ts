// @vitest-environment happy-dom
/** Issue 17: the emailed reset link opens the account page, which sets the new password. */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useSessionStore } from '@/stores/session'
import { AuthError } from '@/sync/ports'
import { i18nFor } from '../../../tests/support/i18n'
import ResetPasswordPanel from './ResetPasswordPanel.vue'

beforeEach(() => setActivePinia(createPinia()))

describe('setting a new password from the emailed link', () => {
  it('names the account, asks for 8 characters, saves with the code and says it is done', async () => {
    const session = useSessionStore()
    vi.spyOn(session, 'checkPasswordReset').mockResolvedValue('tech@example.ac.uk')
    const confirm = vi.spyOn(session, 'confirmPasswordReset').mockResolvedValue()
    const w = mount(ResetPasswordPanel, { props: { code: 'CODE-1' }, global: { plugins: [await i18nFor('en')] } })
    await flushPromises()
    expect(w.text()).toContain('For tech@example.ac.uk')
    await w.get('input[type="password"]').setValue('short')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('.form-field-error').text()).toBe('⚠ Use a password of at least 8 characters')
    expect(confirm).not.toHaveBeenCalled()
    await w.get('input[type="password"]').setValue('new-password-42')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(confirm).toHaveBeenCalledWith('CODE-1', 'new-password-42')
    expect(w.emitted('done')).toEqual([['tech@example.ac.uk']])
  })

  it('says a spent or old link has expired, in Welsh, with no form', async () => {
    const session = useSessionStore()
    vi.spyOn(session, 'checkPasswordReset').mockRejectedValue(new AuthError('linkExpired', 'auth/invalid-action-code'))
    const w = mount(ResetPasswordPanel, { props: { code: 'OLD' }, global: { plugins: [await i18nFor('cy')] } })
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toBe('Mae’r ddolen hon wedi dod i ben neu wedi’i defnyddio’n barod. Gofynnwch am un newydd.')
    expect(w.find('form').exists()).toBe(false)
  })
})

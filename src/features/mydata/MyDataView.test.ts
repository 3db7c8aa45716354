// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useSessionStore } from '@/stores/session'
import { i18nFor } from '../../../tests/support/i18n'
import { signIn } from '../../../tests/support/people'
import MyDataView from './MyDataView.vue'

const actions = vi.hoisted(() => ({
  exportMyData: vi.fn(async () => 7),
  exportMyZip: vi.fn(async () => ({ records: 7, files: 2, total: 3 })),
  deleteAccountOnServer: vi.fn(async () => ({ ok: false as const, message: 'server said no' })),
  wipeThisDevice: vi.fn(async () => undefined),
}))
vi.mock('./mydata-actions', () => actions)
const router = vi.hoisted(() => ({ replace: vi.fn(async () => undefined) }))
vi.mock('vue-router', () => ({ RouterLink: { template: '<a><slot /></a>' }, useRouter: () => router }))

beforeEach(() => void signIn())

describe('My data', () => {
  it('is in Welsh, and asks for the Welsh word before deleting', async () => {
    const w = mount(MyDataView, { global: { plugins: [await i18nFor('cy')] } })
    expect(w.get('h1').text()).toBe('Fy nata')
    expect(w.text()).toContain('Allforio popeth amdanaf i')
    await w.get('button.button-primary').trigger('click')
    await flushPromises()
    expect(actions.exportMyData).toHaveBeenCalledWith('me', 'json', expect.any(Function))
    expect(w.text()).toContain('Allforiwyd 7 cofnod fel JSON.')

    await w.get('input').setValue('nope')
    await w.get('form').trigger('submit')
    expect(w.text()).toContain('Teipiwch “dileu” i gadarnhau')
    expect(actions.deleteAccountOnServer).not.toHaveBeenCalled()
    await w.get('input').setValue('dileu')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(actions.deleteAccountOnServer).toHaveBeenCalledOnce()
    expect(actions.wipeThisDevice).not.toHaveBeenCalled()
    w.unmount()
  })

  it('keeps its English words', async () => {
    const w = mount(MyDataView, { global: { plugins: [await i18nFor('en')] } })
    expect(w.get('h1').text()).toBe('My data')
    expect(w.get('label').text()).toBe('Type “delete” to confirm')
    expect(w.findAll('button').map((b) => b.text())).toEqual([
      'Download JSON',
      'Download CSV',
      'Download everything (ZIP, with evidence files)',
      'Delete my account',
    ])
    w.unmount()
  })

  it('downloads everything as one ZIP with the evidence files, and says how many files it holds', async () => {
    const w = mount(MyDataView, { global: { plugins: [await i18nFor('en')] } })
    await w
      .findAll('button')
      .find((b) => b.text().startsWith('Download everything'))!
      .trigger('click')
    await flushPromises()
    expect(actions.exportMyZip).toHaveBeenCalledWith('me', expect.any(Function))
    expect(w.get('[role="status"]').text()).toBe('Exported 7 records as ZIP, with 2 of 3 evidence files.')
    w.unmount()
  })

  it('after deleting, lands on Home with word that the account and data are gone', async () => {
    actions.deleteAccountOnServer.mockResolvedValueOnce({ ok: true } as never)
    const session = useSessionStore()
    session.signOut = vi.fn(async () => undefined)
    const w = mount(MyDataView, { global: { plugins: [await i18nFor('en')] } })
    await w.get('input').setValue('delete')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(actions.wipeThisDevice).toHaveBeenCalled()
    expect(router.replace).toHaveBeenCalledWith({ name: 'home' })
    expect(session.notice).toBe('account-deleted')
    w.unmount()
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { i18nFor } from '../../../tests/support/i18n'
import { signIn } from '../../../tests/support/people'
import { member } from '../../../tests/support/rule-fixtures'
import ProfileView from './ProfileView.vue'

vi.mock('vue-router', () => ({ RouterLink: { template: '<a><slot /></a>' } }))

beforeEach(async () => {
  vi.spyOn(signIn(), 'init').mockResolvedValue()
  await db.profiles.clear()
  await db.profiles.put(member('me', { email: 'me@example.ac.uk' }))
})

describe('the profile page', () => {
  it('says who sees the profile, with both links, in English', async () => {
    const w = mount(ProfileView, { global: { plugins: [await i18nFor('en')] } })
    await vi.waitFor(() => expect(w.find('form').exists()).toBe(true))
    expect(w.get('h1').text()).toBe('Your profile')
    expect(w.findAll('p.muted').at(-1)!.text()).toBe(
      'Colleagues see your profile in the directory; your grade band and contract are never shared. Export or delete your data',
    )
    w.unmount()
  })

  it('and in Welsh', async () => {
    const w = mount(ProfileView, { global: { plugins: [await i18nFor('cy')] } })
    await vi.waitFor(() => expect(w.find('form').exists()).toBe(true))
    expect(w.get('h1').text()).toBe('Eich proffil')
    expect(w.text()).toContain('Mae cydweithwyr yn gweld eich proffil yn y cyfeiriadur')
    expect(w.text()).toContain('Allforio neu ddileu eich data')
    w.unmount()
  })
})

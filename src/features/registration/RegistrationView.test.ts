// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { newRegistration } from '@/domain/rules/registration'
import type { Locale } from '@/i18n/locales'
import { i18nFor } from '../../../tests/support/i18n'
import RegistrationView from './RegistrationView.vue'
import { routerAt } from '../../../tests/support/router'

async function open(locale: Locale) {
  const router = await routerAt('/registration', [
    { path: '/cpd', name: 'cpd' },
    { path: '/registration', name: 'registration', component: RegistrationView },
    { path: '/registration/:id', name: 'registration-detail' },
  ])
  const wrapper = mount(RegistrationView, { global: { plugins: [router, createPinia(), await i18nFor(locale)] } })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('.reg-list').exists()).toBe(true)
  })
  return wrapper
}

describe('RegistrationView', () => {
  beforeEach(async () => {
    await db.registrations.clear()
    const base = { ...newRegistration('RSciTech'), updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
    await db.registrations.bulkPut([
      { ...base, id: 'r1', feeSupportRequested: true },
      { ...base, id: 'gone', target: 'EngTech', deleted: true },
    ])
  })

  it('lists the live registrations in English, never a deleted one', async () => {
    const wrapper = await open('en')
    const list = wrapper.get('.reg-list').text()
    expect(list).toContain('Registered Science Technician (RSciTech)')
    expect(list).toContain('In progress: 0% ready · fee support requested')
    expect(list).not.toContain('EngTech')
    expect(wrapper.get('h1').text()).toBe('Professional registration')
  })

  it('speaks Welsh in cy: headings, status and the start form', async () => {
    const wrapper = await open('cy')
    expect(wrapper.get('h1').text()).toBe('Cofrestru proffesiynol')
    expect(wrapper.get('.reg-list').text()).toContain('Ar y gweill: 0% yn barod · gofynnwyd am gymorth gyda’r ffioedd')
    expect(wrapper.get('.reg-list').text()).toContain('Technegydd Gwyddoniaeth Cofrestredig (RSciTech)')
    expect(wrapper.findAll('legend').map((l) => l.text())).toEqual([
      'Y cofrestriad rydych chi’n gweithio tuag ato',
      'Y Cyngor Gwyddoniaeth',
      'Y Cyngor Peirianneg',
      'Advance HE',
    ])
    expect(wrapper.get('form').text()).toContain('Cymrawd Cysylltiol yr Academi Addysg Uwch (AFHEA)')
    expect(wrapper.get('button[type=submit]').text()).toBe('Dechrau dilyn')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('.field-error').text()).toContain('Dewiswch y cofrestriad rydych chi’n gweithio tuag ato')
    expect(wrapper.findAll('input[type=radio][name=target]')).toHaveLength(8)
  })
})

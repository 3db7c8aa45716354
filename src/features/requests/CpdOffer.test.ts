// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { cpdPrefillFor } from '@/domain/rules/requests'
import { i18nFor } from '../../../tests/support/i18n'
import CpdOffer from './CpdOffer.vue'
import type * as UseRequests from './use-requests'

vi.mock('vue-router', () => ({ RouterLink: { template: '<a><slot /></a>' } }))
const saveOfferedCpd = vi.hoisted(() => vi.fn(async () => undefined))
vi.mock('./use-requests', async (original) => ({ ...(await original<typeof UseRequests>()), saveOfferedCpd }))

const request = {
  id: 'r1',
  learnerUid: 'learner',
  teacherUid: 'teacher',
  skillId: 'pcr',
  skillName: 'PCR',
  format: 'demo' as const,
  state: 'completed' as const,
  history: { pending: 1, accepted: 2, completed: Date.UTC(2026, 10, 2) },
}

describe('the CPD offer after a session', () => {
  it('words the entry in English with a readable date, and names the colleague when they are listed', async () => {
    const w = mount(CpdOffer, {
      props: { offer: cpdPrefillFor(request, 'learner')!, request, uid: 'learner' },
      global: { plugins: [await i18nFor('en')] },
    })
    expect(w.get('p.muted').text()).toBe('“PCR: demonstration with a colleague”, 2 November 2026, work-based learning.')
    const named = mount(CpdOffer, {
      props: { offer: cpdPrefillFor(request, 'learner')!, request, uid: 'learner', name: 'Siân ap Gwŵr' },
      global: { plugins: [await i18nFor('en')] },
    })
    expect(named.get('p.muted').text()).toBe('“PCR: demonstration with Siân ap Gwŵr”, 2 November 2026, work-based learning.')
    // The time is suggested for the format; the person confirms or changes it.
    expect((named.get('input').element as HTMLInputElement).value).toBe('1')
    await named.get('form').trigger('submit')
    await flushPromises()
    expect(saveOfferedCpd).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'PCR: demonstration with Siân ap Gwŵr',
        hours: 1,
        type: 'work-based',
        skillIds: ['pcr'],
        requestId: 'r1',
      }),
      'learner',
    )
  })

  it('words and saves it in Welsh when Welsh is shown', async () => {
    const w = mount(CpdOffer, {
      props: { offer: cpdPrefillFor(request, 'teacher')!, request, uid: 'teacher' },
      global: { plugins: [await i18nFor('cy')] },
    })
    expect(w.get('h3').text()).toBe('Cofnodi hyn fel DPP?')
    expect(w.get('p.muted').text()).toBe('“Addysgu PCR i gydweithiwr (arddangosiad)”, 2 Tachwedd 2026, gweithgaredd proffesiynol.')
    await w.get('input').setValue('1.5')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(saveOfferedCpd).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Addysgu PCR i gydweithiwr (arddangosiad)', hours: 1.5 }),
      'teacher',
    )
    expect(w.text()).toContain('Wedi’i ychwanegu at eich cofnod DPP.')
  })
})

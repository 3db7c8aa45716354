// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { cpdStats } from '@/domain/rules/cpd-stats'
import type { Locale } from '@/i18n/locales'
import { i18nFor } from '../../../tests/support/i18n'
import CpdInsightsView from './CpdInsightsView.vue'
import { routerAt } from '../../../tests/support/router'

/** Six members with no faculty and one in Science (withheld), three of them registered RSciTech. */
const stats = cpdStats({
  now: Date.UTC(2026, 8, 13),
  faculties: [{ id: 'sci', name: 'Science' }],
  members: [...Array.from({ length: 6 }, (_, i) => ({ uid: `u${i}` })), { uid: 'u9', facultyId: 'sci' }],
  registrations: new Map(),
  cpdDates: new Map(),
})

vi.mock('@/platform/load', () => ({ loadPlatform: async () => ({ cpd: { stats: async () => stats } }) }))
vi.mock('@/stores/session', () => ({ useSessionStore: () => ({ init: async () => undefined }) }))

async function open(locale: Locale) {
  const router = await routerAt('/cpd', [{ path: '/cpd', name: 'cpd' }])
  const wrapper = mount(CpdInsightsView, { global: { plugins: [router, await i18nFor(locale)] } })
  await flushPromises()
  await vi.waitFor(() => expect(wrapper.findAll('tbody tr').length).toBeGreaterThan(8))
  return wrapper
}

const rowHeads = (wrapper: Awaited<ReturnType<typeof open>>) => wrapper.findAll('tbody th').map((th) => th.text())

describe('CpdInsightsView', () => {
  it('names levels and the no-faculty row in English', async () => {
    const heads = rowHeads(await open('en'))
    expect(heads).toContain('Registered Science Technician (RSciTech)')
    expect(heads).toContain('No faculty given')
  })

  it('names levels and the no-faculty row in Welsh', async () => {
    const heads = rowHeads(await open('cy'))
    expect(heads).toContain('Technegydd Gwyddoniaeth Cofrestredig (RSciTech)')
    expect(heads).toContain('Cymrawd yr Academi Addysg Uwch (FHEA)')
    expect(heads).toContain('Dim cyfadran wedi’i rhoi')
    expect(heads.join(' ')).not.toMatch(/Registered|Fellow|No faculty/)
  })
})

// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { i18nFor } from '../../../tests/support/i18n'
import InstitutionDetails from './InstitutionDetails.vue'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }

beforeEach(async () => {
  await Promise.all([db.institutions.clear(), db.outbox.clear()])
  await db.institutions.put({
    ...meta,
    id: 'inst',
    name: 'Example University',
    emailDomains: [],
    faculties: [],
    sites: [],
    contactName: 'Morwenna Halloran',
    planUrl: 'https://www.example.ac.uk/technician-commitment',
    signatoryDate: '2020-03-14',
  })
})

/** The input a person finds by its label's words. */
function field(wrapper: VueWrapper, label: string) {
  const forId = wrapper
    .findAll('label')
    .find((l) => l.text() === label)
    ?.attributes('for')
  if (!forId) throw new Error(`no field labelled ${label}`)
  return wrapper.get(`#${CSS.escape(forId)}`)
}

async function mounted(locale: 'en' | 'cy' = 'en') {
  const wrapper = mount(InstitutionDetails, { props: { institutionId: 'inst' }, global: { plugins: [await i18nFor(locale)] } })
  await vi.waitFor(() => expect(wrapper.find('form').exists()).toBe(true))
  await flushPromises()
  return wrapper
}

describe('InstitutionDetails', () => {
  it('shows the stored details, refuses an invalid email with the schema’s words and saves nothing', async () => {
    const wrapper = await mounted()
    expect((field(wrapper, 'Institutional lead’s name').element as HTMLInputElement).value).toBe('Morwenna Halloran')
    expect((field(wrapper, 'Date the Technician Commitment was signed').element as HTMLInputElement).value).toBe('2020-03-14')
    await field(wrapper, 'Lead’s email address').setValue('not an address')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('Nothing saved: correct the fields marked above.'))
    const email = field(wrapper, 'Lead’s email address')
    expect(email.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${CSS.escape(email.attributes('aria-describedby')!)}`).text()).toContain('Enter a valid email address')
    expect(await db.outbox.count()).toBe(0)
  })

  it('a lead saves the sign-off and contact details: only the changed fields are queued for sync, a cleared one as removed', async () => {
    const wrapper = await mounted()
    await field(wrapper, 'Lead’s email address').setValue('lead@example.ac.uk')
    await field(wrapper, 'Lead’s phone number').setValue('01632 960 123')
    await field(wrapper, 'Head of institution’s name').setValue('Professor Ada Quarrie')
    await field(wrapper, 'Head of institution’s title').setValue('Vice-Chancellor')
    await field(wrapper, 'Published action plan address').setValue('')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('Saved on this device; it syncs when you are online.'))
    const stored = await db.institutions.get('inst')
    expect(stored).toMatchObject({
      contactName: 'Morwenna Halloran',
      contactEmail: 'lead@example.ac.uk',
      contactPhone: '01632 960 123',
      headName: 'Professor Ada Quarrie',
      headTitle: 'Vice-Chancellor',
      signatoryDate: '2020-03-14',
    })
    expect(stored?.planUrl ?? '').toBe('')
    const rows = await db.outbox.where('collection').equals('institutions').toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.payload).toEqual({
      contactEmail: 'lead@example.ac.uk',
      contactPhone: '01632 960 123',
      headName: 'Professor Ada Quarrie',
      headTitle: 'Vice-Chancellor',
      planUrl: null,
    })
    // Saving again with nothing changed queues nothing.
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('Nothing has changed.'))
    expect(await db.outbox.count()).toBe(1)
  })

  it('refuses a link that is not a web address, in Welsh too', async () => {
    const wrapper = await mounted('cy')
    expect(wrapper.get('h2').text()).toBe('Manylion y sefydliad ar gyfer yr hunanasesiad')
    await field(wrapper, 'Cyfeiriad y cynllun gweithredu cyhoeddedig').setValue('javascript:alert(1)')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() =>
      expect(wrapper.get('[role="status"]').text()).toBe('Ni chadwyd dim: cywirwch y meysydd sydd wedi’u marcio uchod.'),
    )
    expect(field(wrapper, 'Cyfeiriad y cynllun gweithredu cyhoeddedig').attributes('aria-invalid')).toBe('true')
    expect(await db.outbox.count()).toBe(0)
  })
})

// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db } from '@/db/database'
import type { CpdEntry } from '@/domain/entities'
import type { Locale } from '@/i18n/locales'
import { i18nFor } from '../../../tests/support/i18n'
import { cpdActivity } from '../../../tests/support/rule-fixtures'
import CpdView from './CpdView.vue'

const Blank = { render: () => null }

const entry = (id: string, title: string, startDate: string, extra: Partial<CpdEntry> = {}) =>
  cpdActivity(id, title, startDate, { hours: 1.5, type: 'self-directed', ...extra })

async function open(locale: Locale) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['cpd', 'cpd-entry', 'registration', 'cpd-export', 'cpd-insights'].map((name) => ({
      path: name === 'cpd' ? '/cpd' : `/${name}/:id?`,
      name,
      component: name === 'cpd' ? CpdView : Blank,
    })),
  })
  await router.push('/cpd')
  const wrapper = mount(CpdView, { global: { plugins: [router, createPinia(), await i18nFor(locale)] } })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('.cpd-list').exists()).toBe(true)
  })
  return wrapper
}

describe('CpdView', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await Promise.all([db.cpd.clear(), db.outbox.clear()])
    const today = new Date()
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-01`
    await db.cpd.bulkPut([entry('c1', 'Reading on cryo-EM', iso), entry('gone', 'Deleted entry', iso, { deleted: true })])
  })

  it('shows the record in English as before, never a deleted entry', async () => {
    const wrapper = await open('en')
    expect(wrapper.get('h1').text()).toBe('CPD')
    const list = wrapper.get('.cpd-list').text()
    expect(list).toContain('Reading on cryo-EM')
    expect(list).toMatch(/1 \w+ \d{4} · 1\.5 hours · Self-directed learning/)
    expect(list).not.toContain('Deleted entry')
    expect(wrapper.get('#cpd-form-title').text()).toBe('Log CPD')
  })

  it('shows every heading, label and the entry’s hours and type in Welsh in cy', async () => {
    const wrapper = await open('cy')
    expect(wrapper.get('h1').text()).toBe('DPP')
    expect(wrapper.get('#cpd-form-title').text()).toBe('Cofnodi DPP')
    expect(wrapper.get('#cpd-quick-add-title').text()).toBe('Ychwanegu’n gyflym')
    expect(wrapper.get('.cpd-list').text()).toMatch(/1 \S+ \d{4} · 1\.5 awr · Dysgu hunangyfeiriedig/)
    expect(wrapper.text()).toContain('Hyfforddiant ar offer neu dechneg')
  })

  it('saves a quick entry through the one form model and says so in the language shown', async () => {
    const wrapper = await open('en')
    const form = wrapper.get('form.cpd-form')
    await form.get('input[type=text]').setValue('Fume cupboard checks')
    await form.get('input[inputmode=decimal]').setValue('2')
    await form.get('select').setValue('work-based')
    await form.trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.get('[role=status][aria-label="Save status"]').text()).toBe('Saved “Fume cupboard checks” on this device.')
    })
    const saved = (await db.cpd.toArray()).find((e) => e.title === 'Fume cupboard checks')
    expect(saved).toMatchObject({ hours: 2, type: 'work-based', skillIds: [], evidenceIds: [] })
  })

  it('shows the quick form’s problems in Welsh in cy', async () => {
    const wrapper = await open('cy')
    await wrapper.get('form.cpd-form').trigger('submit')
    await flushPromises()
    const text = wrapper.get('form.cpd-form').text()
    expect(text).toContain('Teitl: mae angen llenwi hwn')
    expect(text).toContain('Rhaid i’r oriau fod yn rhif')
    expect(await db.cpd.count()).toBe(2)
  })
})

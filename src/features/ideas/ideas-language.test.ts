// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db } from '@/db/database'
import { repos } from '@/db/repos'
import type { Idea, PlanAction } from '@/domain/entities'
import type { Locale } from '@/i18n/locales'
import { i18nFor } from '../../../tests/support/i18n'
import IdeaCard from './IdeaCard.vue'
import LeadIdeaPanel from './LeadIdeaPanel.vue'
import type { IdeasData } from './use-ideas'
import YouSaidWeDid from './YouSaidWeDid.vue'

const Blank = { render: () => null }
const meta = { updatedAt: 2, version: 1, deleted: false, lastMutationId: null }
const action = {
  ...meta,
  id: 'act-v2',
  planId: 'p1',
  code: 'V2',
  activity: 'Lab tours for schools',
  themes: ['visibility'],
} as unknown as PlanAction
const adopted: Idea = {
  ...meta,
  id: 'idea-1',
  authorUid: 'u1',
  title: 'Open lab tours',
  body: '',
  status: 'adopted',
  response: 'Tours start next term.',
  responseCy: 'Mae’r teithiau’n dechrau’r tymor nesaf.',
  adoptedActionId: 'act-v2',
  createdAt: Date.UTC(2026, 10, 23, 12),
}

async function plugins(locale: Locale) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/plan/:actionId', name: 'plan-action', component: Blank },
      { path: '/plan/:actionId/edit', name: 'plan-action-edit', component: Blank },
    ],
  })
  await router.push('/')
  return [router, createPinia(), await i18nFor(locale)]
}

const data = (ideas: Idea[]): IdeasData => ({
  ideas,
  votes: [{ ...meta, id: 'idea-1__u2', ideaId: 'idea-1', voterUid: 'u2', createdAt: 1 }],
  actions: new Map([[action.id, action]]),
  names: new Map(),
})

describe('ideas in Welsh and English', () => {
  it('“you said, we did” shows the Welsh response in Welsh, the English one in English', async () => {
    const cy = mount(YouSaidWeDid, { props: { data: data([adopted]) }, global: { plugins: await plugins('cy') } })
    expect(cy.get('h2').text()).toBe('Dywedoch chi, gwnaethom ni')
    expect(cy.text()).toContain('Mae’r teithiau’n dechrau’r tymor nesaf.')
    expect(cy.text()).not.toContain('Tours start next term.')
    expect(cy.text()).toContain('(1 bleidlais)')
    expect(cy.text()).toMatch(/Bellach yn gam gweithredu\s*V2\./)

    const en = mount(YouSaidWeDid, { props: { data: data([adopted]) }, global: { plugins: await plugins('en') } })
    expect(en.get('h2').text()).toBe('You said, we did')
    expect(en.text()).toContain('Tours start next term.')
    expect(en.text()).toContain('(1 vote)')
    expect(en.text()).toMatch(/Now action\s*V2\./)
  })

  it('an idea with no Welsh response shows the English one in Welsh, with the card in Welsh', async () => {
    const { responseCy: _, ...englishOnly } = adopted
    const props = { idea: englishOnly, votes: 3, voted: false, uid: null, authorName: 'Siân ap Gwŵr', about: null, adopted: action }
    const cy = mount(IdeaCard, { props, global: { plugins: await plugins('cy') } })
    expect(cy.get('.idea-status').text()).toBe('Wedi’i fabwysiadu')
    expect(cy.text()).toContain('Ymateb: Tours start next term.')
    expect(cy.text()).toContain('23 Tachwedd 2026')
    expect(cy.text()).toContain('3 pleidlais')
    expect(cy.text()).toContain('Y cynllun cyfan')
    const en = mount(IdeaCard, { props, global: { plugins: await plugins('en') } })
    expect(en.text()).toContain('Siân ap Gwŵr · 23 November 2026 · About: The plan as a whole')
    expect(en.text()).toContain('3 votes')
  })

  it('the lead’s response form saves a Welsh response beside the English one', async () => {
    await db.ideas.clear()
    const idea = await repos.ideas.create({ authorUid: 'u1', title: 'Open lab tours', body: '', status: 'open', createdAt: 1 })
    const wrapper = mount(LeadIdeaPanel, { props: { idea, actions: [action], planId: 'p1' }, global: { plugins: await plugins('en') } })
    expect(wrapper.get('summary').text()).toBe('Respond to “Open lab tours” as a lead')
    const [english, welsh] = wrapper.findAll('textarea')
    await english!.setValue('Tours start next term.')
    await welsh!.setValue('Mae’r teithiau’n dechrau’r tymor nesaf.')
    expect(wrapper.text()).toContain('Response in Welsh (optional)')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Save response')!
      .trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.get('[role=status]').text()).toBe('Response saved.')
    })
    expect(await db.ideas.get(idea.id)).toMatchObject({
      response: 'Tours start next term.',
      responseCy: 'Mae’r teithiau’n dechrau’r tymor nesaf.',
      status: 'open',
    })
  })
})

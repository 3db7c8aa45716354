// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import type { SurveyPort } from '@/survey-engine/ports'
import type { SurveyResults, SurveyTexts } from '@/survey-engine/types'
import { i18nFor } from '../../../tests/support/i18n'
import SurveyResultsView from './SurveyResultsView.vue'

const port = vi.hoisted(() => ({ current: null as unknown }))
vi.mock('@/survey-engine', () => ({ surveyPort: async () => port.current }))
const downloadText = vi.hoisted(() => vi.fn())
vi.mock('@/ui/download', () => ({ downloadText }))

const results = (n: number, waiting = 0): SurveyResults => ({
  surveyId: 's1',
  title: 'Pulse',
  responseCount: n,
  waiting,
  audienceSize: 40,
  minResponses: 5,
  withheld: n < 5,
  questions:
    n < 5
      ? []
      : [
          {
            questionId: 'q1',
            type: 'single',
            prompt: 'Better?',
            answered: n,
            withheld: false,
            options: [
              { option: 'Yes', count: n - 1 },
              { option: 'No', count: 1 },
            ],
          },
        ],
})
const texts = (n: number): SurveyTexts => ({
  surveyId: 's1',
  responseCount: n,
  minResponses: 5,
  withheld: n < 5,
  questions: [],
  themes: [],
  entries: n < 5 ? [] : [{ key: 'a'.repeat(64), questionId: 'q2', text: 'More time for training', count: 1 }],
})

async function open(n: number, waiting = 0, locale: 'en' | 'cy' = 'en') {
  port.current = {
    results: vi.fn(async () => results(n, waiting)),
    texts: vi.fn(async () => texts(n)),
    exportCsv: vi.fn(async () => ({ filename: 'pulse-results.csv', csv: 'question,option,count\n' })),
  } as unknown as SurveyPort
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/surveys/:id/results', component: SurveyResultsView },
      { path: '/surveys', name: 'surveys', component: SurveyResultsView },
    ],
  })
  await router.push('/surveys/s1/results')
  const wrapper = mount(SurveyResultsView, { global: { plugins: [router, await i18nFor(locale)] } })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  useSessionStore().session = {
    uid: 'lead',
    email: 'lead@example.ac.uk',
    emailVerified: true,
    displayName: 'Lead',
    institutionId: 'inst',
    role: 'lead',
  }
})

describe('survey results screen', () => {
  it('withholds everything under 5 responses: no figures, no texts, no export', async () => {
    const w = await open(4)
    expect(w.find('[aria-label="Results withheld"]').text()).toBe(
      'Results appear when at least 5 people have answered — 4 so far. Smaller numbers could identify people.',
    )
    expect(w.text()).not.toContain('Answers by question')
    expect(w.text()).not.toContain('What people said')
    expect(w.findAll('button').map((b) => b.text())).not.toContain('Download CSV')
    w.unmount()
  })

  it('says how many answers wait for their group of five, withheld or not', async () => {
    const early = await open(0, 3)
    expect(early.find('[aria-label="Results withheld"]').text()).toBe(
      'Results appear when at least 5 people have answered — 3 so far. Smaller numbers could identify people.',
    )
    expect(early.find('.summary-waiting').text()).toMatch(/^3 answers are waiting to be counted: answers are counted in groups of five/)
    early.unmount()
    const pending = await open(0, 7)
    expect(pending.find('[aria-label="Results withheld"]').text()).toMatch(
      /^7 people have answered\. Results appear once the first group of five is counted/,
    )
    pending.unmount()
    const w = await open(5, 1)
    expect(w.text()).toContain('5 of 40 responded')
    expect(w.find('.summary-waiting').text()).toMatch(/^1 answer is waiting to be counted/)
    w.unmount()
  })

  it('shows counts, bars with a table alternative, and free texts from 5 responses', async () => {
    const w = await open(6)
    expect(w.text()).toContain('6 of 40 responded (15%)')
    expect(w.text()).toContain('Answers by question')
    expect(w.find('ul[aria-label="Answers to: Better?"]').text()).toContain('Yes5 · 83%')
    expect(w.find('table').text()).toContain('Yes583%')
    expect(w.text()).toContain('More time for training')
    expect(w.find('[aria-label="Results withheld"]').exists()).toBe(false)
    w.unmount()
  })

  it('downloads the CSV the server exports and says so', async () => {
    const w = await open(6)
    await w
      .findAll('button')
      .find((b) => b.text() === 'Download CSV')!
      .trigger('click')
    await flushPromises()
    expect(downloadText).toHaveBeenCalledWith('pulse-results.csv', 'question,option,count\n', 'text/csv;charset=utf-8')
    expect(w.find('[aria-label="Results action status"]').text()).toBe('Downloaded pulse-results.csv.')
    w.unmount()
  })

  it('speaks Welsh when the app is in Welsh: summary, breakdown and free-text panels', async () => {
    const w = await open(6, 1, 'cy')
    try {
      expect(w.find('h1').text()).toBe('Canlyniadau: Pulse')
      expect(w.text()).toContain('6 o 40 wedi ymateb (15%)')
      expect(w.find('.summary-waiting').text()).toMatch(/^Mae 1 ateb yn aros i gael ei gyfrif/)
      expect(w.find('#breakdown-title').text()).toBe('Dadansoddiad')
      expect(w.find('#texts-title').text()).toBe('Beth ddywedodd pobl')
      expect(w.findAll('button').map((b) => b.text())).toContain('Lawrlwytho CSV')
    } finally {
      w.unmount()
      await i18nFor('en')
    }
  })
})

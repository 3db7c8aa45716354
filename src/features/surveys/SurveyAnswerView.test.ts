// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import type { Survey } from '@/domain/entities'
import type { Locale } from '@/i18n/locales'
import { provideSurveyPort } from '@/survey-engine'
import type { SurveyPort } from '@/survey-engine/ports'
import { i18nFor } from '../../../tests/support/i18n'
import SurveyAnswerView from './SurveyAnswerView.vue'
import { routerAt } from '../../../tests/support/router'
import { meta } from '../../../tests/support/rule-fixtures'
import { surveyDoc } from '../../../tests/support/surveys'

const survey = (id: string): Survey => ({ ...meta(id), ...surveyDoc({ title: `Pulse ${id}`, createdByUid: 'lead' }) }) as Survey

/** The server's word for the signed-in person: answered `answered-elsewhere` on another phone. */
const asked: string[] = []
const port = {
  answered: async ({ surveyId }: { surveyId: string }) => {
    asked.push(surveyId)
    return { answered: surveyId === 'answered-elsewhere' }
  },
} as unknown as SurveyPort

beforeAll(async () => {
  provideSurveyPort(async () => port)
  await db.surveys.bulkPut([survey('answered-elsewhere'), survey('fresh')])
})

async function open(id: string, locale: Locale = 'en') {
  const router = await routerAt(`/surveys/${id}`, [
    { path: '/surveys', name: 'surveys' },
    { path: '/surveys/:id', name: 'survey-answer', component: SurveyAnswerView },
  ])
  const wrapper = mount(SurveyAnswerView, { global: { plugins: [router, createPinia(), await i18nFor(locale)] } })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe(`Pulse ${id}`)
    expect(asked).toContain(id)
  })
  await flushPromises()
  return wrapper
}

describe('SurveyAnswerView', { timeout: 30_000 }, () => {
  it('says a survey answered on another device is answered, before anything is filled in', async () => {
    const wrapper = await open('answered-elsewhere')
    expect(wrapper.get('[role="status"]').text()).toContain('You have already answered this survey on another device')
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('offers the form for a survey the person has not answered', async () => {
    const wrapper = await open('fresh')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('form').exists()).toBe(true)
    })
    expect(wrapper.text()).not.toContain('already answered')
  })

  it('says so in Welsh', async () => {
    const wrapper = await open('answered-elsewhere', 'cy')
    expect(wrapper.get('[role="status"]').text()).toContain('Rydych chi eisoes wedi ateb yr arolwg hwn ar ddyfais arall')
    await i18nFor('en')
  })
})

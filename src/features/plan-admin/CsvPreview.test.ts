// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { parseActionPlanCsv } from '@/domain/rules/csv'
import { i18nFor } from '../../../tests/support/i18n'
import CsvPreview from './CsvPreview.vue'

const text = [
  'Code,Theme,Activity,RAG,RAG rationale',
  'V9,Visibility,New showcase,Amber,Booked',
  'R7,Wellbeing,Awards,',
  'CD8,Career,Fees,Red',
].join('\n')
let n = 0
const preview = parseActionPlanCsv(text, { planId: 'p1', newId: () => `id-${++n}` })

afterEach(async () => {
  await i18nFor('en')
})

const mountIn = async (locale: 'en' | 'cy') => mount(CsvPreview, { props: { preview }, global: { plugins: [await i18nFor(locale)] } })

/** A card's description list as [term, description] pairs. */
const terms = (card: ReturnType<Awaited<ReturnType<typeof mountIn>>['get']>) =>
  card.findAll('dt').map((dt) => [dt.text(), dt.element.nextElementSibling?.textContent?.trim()])

describe('CsvPreview', () => {
  it('shows one card per row, not a table that squeezes at 390 px', async () => {
    const wrapper = await mountIn('en')
    expect(wrapper.find('table').exists()).toBe(false)
    const cards = wrapper.findAll('li.csv-card')
    expect(cards.map((c) => c.get('h4').text())).toEqual(['Row 3: R7', 'Row 4: CD8', 'Row 2: V9'])
  })

  it('gives each card the code, theme, activity, RAG and its problems as a description list', async () => {
    const wrapper = await mountIn('en')
    const [r7, cd8, v9] = wrapper.findAll('li.csv-card')
    expect(terms(v9!)).toEqual([
      ['Code', 'V9'],
      ['Themes', 'Visibility'],
      ['Activity', 'New showcase'],
      ['RAG', 'Amber · in progress'],
    ])
    expect(terms(r7!).slice(0, 4)).toEqual([
      ['Code', 'R7'],
      ['Themes', 'Wellbeing'],
      ['Activity', 'Awards'],
      ['RAG', '—'],
    ])
    expect(r7!.get('dl').text()).toContain('Problems')
    expect(r7!.text()).toContain('Theme: Unknown theme "Wellbeing"')
    expect(cd8!.text()).toContain('A Red status needs an explanation')
  })

  it('puts the rows with problems in the alert, under a heading, and the rows read under another', async () => {
    const wrapper = await mountIn('en')
    const alert = wrapper.get('[role="alert"]')
    expect(alert.get('h3').text()).toBe('Problems by row')
    expect(alert.findAll('li.csv-card')).toHaveLength(2)
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Problems by row', 'Actions read from the file'])
  })

  it('speaks Welsh in Welsh', async () => {
    const wrapper = await mountIn('cy')
    expect(wrapper.get('li.csv-card h4').text()).toBe('Rhes 3: R7')
    expect(wrapper.get('li.csv-card dt').text()).toBe('Cod')
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import { emptyMeasure } from './action-form'
import MeasuresEditor from './MeasuresEditor.vue'

async function render(locale: 'en' | 'cy') {
  const rows = [{ ...emptyMeasure(), text: 'Tours a year: 4' }]
  const wrapper = mount(MeasuresEditor, { props: { rows, errors: {} }, global: { plugins: [await i18nFor(locale)] } })
  return { wrapper, rows }
}

const labels = (w: Awaited<ReturnType<typeof render>>['wrapper']) => w.findAll('label').map((l) => l.text())

afterEach(async () => {
  await i18nFor('en')
})

describe('MeasuresEditor', () => {
  it('has a Welsh field beside each measure, and writes what the lead types into it', async () => {
    const { wrapper, rows } = await render('en')
    expect(labels(wrapper)).toEqual(expect.arrayContaining(['Measure 1', 'Measure 1 (Welsh)', 'Current value from']))
    const welsh = wrapper.get(
      `#${wrapper
        .findAll('label')
        .find((l) => l.text() === 'Measure 1 (Welsh)')!
        .attributes('for')}`,
    )
    await welsh.setValue('Teithiau y flwyddyn: 4')
    expect(rows[0]?.textCy).toBe('Teithiau y flwyddyn: 4')
  })

  it('speaks Welsh in Welsh', async () => {
    const { wrapper } = await render('cy')
    expect(labels(wrapper)).toEqual(expect.arrayContaining(['Mesur 1', 'Mesur 1 (Cymraeg)', 'Gwerth presennol o']))
    expect(wrapper.text()).toContain('Ychwanegu mesur llwyddiant')
    expect(wrapper.findAll('option').map((o) => o.text())).toContain('Wedi’i ddiweddaru â llaw')
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import { demoInput, STATS } from '../../../tests/support/assessment-input'
import AssessmentDocument from './AssessmentDocument.vue'
import { buildAssessment } from './assessment-model'
import { docText, ensureMessages } from './doc-text'
import NarrativeEditor from './NarrativeEditor.vue'
import { TEMPLATE } from './template'
import { documentLanguage } from './use-assessment'

beforeAll(() => ensureMessages('cy'))

const editorProps = { spec: TEMPLATE.two[2]!, number: 3, planId: 'p1', stage: 'two' as const, saved: '', uid: 'u1' }

describe('the self-assessment in Welsh and English', () => {
  it('asks the lead the template’s questions in the app’s language', async () => {
    const cy = mount(NarrativeEditor, { props: editorProps, global: { plugins: [await i18nFor('cy')] } })
    expect(cy.get('h3').text()).toBe('3. Dadansoddiad RAG o’r cynllun gweithredu blaenorol')
    expect(cy.get('.narrative-question').text()).toMatch(/^Rhowch ddadansoddiad RAG/)
    expect(cy.get('label').text()).toBe('Eich ateb: Dadansoddiad RAG o’r cynllun gweithredu blaenorol')
    expect(cy.get('button').text()).toBe('Cadw Dadansoddiad RAG o’r cynllun gweithredu blaenorol')
    const en = mount(NarrativeEditor, { props: editorProps, global: { plugins: [await i18nFor('en')] } })
    expect(en.get('h3').text()).toBe('3. RAG analysis of the previous action plan')
    expect(en.get('button').text()).toBe('Save RAG analysis of the previous action plan')
  })

  it('shows the template’s word limit while the lead writes, and says when the answer is over it', async () => {
    const profile = TEMPLATE.one[0]!
    const props = { ...editorProps, spec: profile, number: 1, stage: 'one' as const, saved: 'Our university has three campuses.' }
    const en = mount(NarrativeEditor, { props, global: { plugins: [await i18nFor('en')] } })
    expect(en.get('.narrative-count').text()).toBe('Words: 5 of 250')
    expect(en.get('textarea').attributes('aria-describedby')).toContain(en.get('.narrative-count').attributes('id'))
    await en.get('textarea').setValue(Array.from({ length: 251 }, () => 'word').join(' '))
    expect(en.get('.narrative-count').text()).toBe(
      'Words: 251 of 250 Over the template’s limit of 250 words: it will be flagged in the document.',
    )
    const cy = mount(NarrativeEditor, { props, global: { plugins: [await i18nFor('cy')] } })
    expect(cy.get('.narrative-count').text()).toBe('Geiriau: 5 o 250')
    // Sections with no limit show no count.
    expect(
      mount(NarrativeEditor, { props: editorProps, global: { plugins: [await i18nFor('en')] } })
        .find('.narrative-count')
        .exists(),
    ).toBe(false)
  })

  it('prints the document in its own language, marked with lang, whatever the app shows', async () => {
    const model = buildAssessment(demoInput({ stats: STATS }), docText('cy'))
    const wrapper = mount(AssessmentDocument, { props: { model }, global: { plugins: [await i18nFor('en')] } })
    expect(wrapper.get('.doc').attributes('lang')).toBe('cy')
    expect(wrapper.get('h2').text()).toBe('Ymrwymiad Technegwyr: hunanasesiad Cam Dau, dadansoddiad RAG a chynllun gweithredu 36 mis')
    expect(wrapper.get('.doc-missing').text()).toMatch(/^\[Heb ei ysgrifennu eto/)
    expect(wrapper.get('.doc-table caption').text()).toBe('Technegwyr fesul cyfadran')
  })

  it('generates in the app’s language unless another is chosen', () => {
    expect(documentLanguage('', 'cy')).toBe('cy')
    expect(documentLanguage('en', 'cy')).toBe('en')
    expect(documentLanguage('cy', 'en')).toBe('cy')
    expect(documentLanguage('fr', 'en')).toBe('en')
  })
})

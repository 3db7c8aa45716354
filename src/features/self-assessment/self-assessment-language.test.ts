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

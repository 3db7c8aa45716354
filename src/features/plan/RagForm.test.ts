// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { i18nFor } from '../../../tests/support/i18n'
import RagForm from './RagForm.vue'

async function refuseRed(locale: 'en' | 'cy') {
  const wrapper = mount(RagForm, { props: { actionId: 'a1', uid: 'lead' }, global: { plugins: [await i18nFor(locale)] } })
  await wrapper.get('input[value="red"]').setValue(true)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  return wrapper
}

afterEach(async () => {
  await i18nFor('en')
})

describe('RagForm', () => {
  it('says in words why Red needs a rationale, not the rule’s code', async () => {
    const text = (await refuseRed('en')).text()
    expect(text).toContain('A Red status needs an explanation')
    expect(text).not.toContain('redNeedsRationale')
  })

  it('speaks Welsh in Welsh', async () => {
    const wrapper = await refuseRed('cy')
    expect(wrapper.get('h2').text()).toBe('Gosod statws RAG')
    expect(wrapper.text()).toContain('Coch · heb ddechrau')
    expect(wrapper.text()).not.toContain('redNeedsRationale')
    expect(wrapper.text()).toContain('Mae angen esboniad ar statws Coch')
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Question } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import QuestionEditor from './QuestionEditor.vue'

const question: Question = { id: 'q1', type: 'short', prompt: 'Your role', required: false, help: 'One line' }

async function edit(errors: Record<string, string> = {}) {
  return mount(QuestionEditor, {
    props: { question, number: 1, earlier: [], sections: [], errors, path: 'questions.0', first: true, last: true },
    global: { plugins: [await i18nFor('en')] },
  })
}
const updates = (w: Awaited<ReturnType<typeof edit>>) => (w.emitted('update') ?? []).map(([q]) => q as Question)

describe('QuestionEditor', () => {
  it('sends each text as typed; an emptied optional text is removed, an emptied prompt stays empty', async () => {
    const w = await edit()
    const boxes = w.findAll<HTMLInputElement>('input[type="text"]')
    expect(boxes.map((b) => b.element.value)).toEqual(['Your role', '', 'One line', ''])
    await boxes[1]!.setValue('Eich rôl')
    await boxes[2]!.setValue('')
    await boxes[0]!.setValue('')
    const [cy, noHelp, noPrompt] = updates(w)
    expect(cy).toEqual({ ...question, promptCy: 'Eich rôl' })
    expect(noHelp).not.toHaveProperty('help')
    expect(noPrompt).toEqual({ ...question, prompt: '' })
  })

  it('links an error to its box and marks it invalid', async () => {
    const w = await edit({ 'questions.0.prompt': 'Write the question' })
    const prompt = w.get<HTMLInputElement>('input[type="text"]')
    expect(prompt.attributes('aria-invalid')).toBe('true')
    expect(w.get(`[id="${prompt.attributes('aria-describedby')}"]`).text()).toBe('⚠ Write the question')
  })

  it('Required is a checkbox that sends the question required', async () => {
    const w = await edit()
    await w.get('input[type="checkbox"]').setValue(true)
    expect(updates(w)).toEqual([{ ...question, required: true }])
  })
})

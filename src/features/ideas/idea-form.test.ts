import { describe, expect, it } from 'vitest'
import { parseIdeaForm } from './idea-form'

const themesOf = (id: string) => (id === 'act-1' ? ['career', 'sustainability'] : undefined)

describe('parseIdeaForm', () => {
  it('files an idea under an action and its first theme', () => {
    expect(parseIdeaForm({ title: ' Shadowing week ', body: 'A day in another team', about: 'action:act-1' }, themesOf)).toEqual({
      ok: true,
      idea: { title: 'Shadowing week', body: 'A day in another team', actionId: 'act-1', theme: 'career' },
    })
  })

  it('files an idea under a theme, or the plan as a whole', () => {
    expect(parseIdeaForm({ title: 'Swap board', body: '', about: 'theme:sustainability' }, themesOf)).toMatchObject({
      ok: true,
      idea: { theme: 'sustainability' },
    })
    expect(parseIdeaForm({ title: 'Swap board', body: '', about: '' }, themesOf)).toEqual({
      ok: true,
      idea: { title: 'Swap board', body: '' },
    })
  })

  it('says what is wrong at each field', () => {
    // title and body carry the schema's messages (rendered by the shared error mapper); about a message key.
    expect(parseIdeaForm({ title: '  ', body: 'x'.repeat(4001), about: 'action:gone' }, themesOf)).toEqual({
      ok: false,
      errors: { title: expect.any(String), body: expect.any(String), about: 'ideas.form.errors.actionGone' },
    })
    expect(parseIdeaForm({ title: 'A', body: '', about: 'theme:nonsense' }, themesOf)).toMatchObject({
      ok: false,
      errors: { about: 'ideas.form.errors.chooseAbout' },
    })
  })
})

import { describe, expect, it } from 'vitest'
import { setLocale } from '@/i18n'
import { parseIdeaForm } from './idea-form'

// The form words the schema's problems in the language shown: English here.
await setLocale('en')

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
    // title and body carry the schema's problems in words (the shared error mapper); about a message key.
    expect(parseIdeaForm({ title: '  ', body: 'x'.repeat(4001), about: 'action:gone' }, themesOf)).toEqual({
      ok: false,
      errors: { title: 'Idea is required', body: 'This field must be at most 4000 characters', about: 'ideas.form.errors.actionGone' },
    })
    expect(parseIdeaForm({ title: 'A', body: '', about: 'theme:nonsense' }, themesOf)).toMatchObject({
      ok: false,
      errors: { about: 'ideas.form.errors.chooseAbout' },
    })
  })
})

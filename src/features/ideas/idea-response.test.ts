import { describe, expect, it } from 'vitest'
import { responseIn, responsePatch } from './idea-response'

describe('responsePatch', () => {
  it('adopts an idea as an action, with an optional response', () => {
    expect(responsePatch('adopt', { response: ' Part of R2 ', actionId: 'act-r2' })).toEqual({
      ok: true,
      patch: { status: 'adopted', adoptedActionId: 'act-r2', response: 'Part of R2' },
    })
    expect(responsePatch('adopt', { response: '', actionId: 'act-r2' })).toEqual({
      ok: true,
      patch: { status: 'adopted', adoptedActionId: 'act-r2' },
    })
  })

  it('needs an action to adopt and a reason to decline', () => {
    expect(responsePatch('adopt', { response: 'Yes', actionId: '' })).toEqual({
      ok: false,
      errors: { actionId: 'ideas.lead.errors.chooseAction' },
    })
    expect(responsePatch('decline', { response: ' ', actionId: '' })).toEqual({
      ok: false,
      errors: { response: 'ideas.lead.errors.declineReason' },
    })
    expect(responsePatch('decline', { response: 'No budget', actionId: 'x' })).toEqual({
      ok: true,
      patch: { status: 'declined', response: 'No budget' },
    })
  })

  it('replies without changing the status', () => {
    expect(responsePatch('respond', { response: 'Looking into it', actionId: '' })).toEqual({
      ok: true,
      patch: { response: 'Looking into it' },
    })
    expect(responsePatch('respond', { response: 'x'.repeat(2001), actionId: '' })).toEqual({
      ok: false,
      errors: { response: 'ideas.lead.errors.tooLong' },
    })
  })

  it('carries a Welsh response beside the English one, never instead of it', () => {
    expect(responsePatch('decline', { response: 'No budget', responseCy: ' Dim cyllideb ', actionId: '' })).toEqual({
      ok: true,
      patch: { status: 'declined', response: 'No budget', responseCy: 'Dim cyllideb' },
    })
    expect(responsePatch('adopt', { response: '', responseCy: 'Rhan o R2', actionId: 'act-r2' })).toEqual({
      ok: true,
      patch: { status: 'adopted', adoptedActionId: 'act-r2', responseCy: 'Rhan o R2' },
    })
    expect(responsePatch('respond', { response: '', responseCy: 'Yn edrych arno', actionId: '' })).toEqual({
      ok: false,
      errors: { response: 'ideas.lead.errors.empty' },
    })
    // Emptying the Welsh field clears a Welsh response the idea had (the English shows instead).
    expect(responsePatch('respond', { response: 'Yes', responseCy: ' ', previousCy: 'Ie', actionId: '' })).toEqual({
      ok: true,
      patch: { response: 'Yes', responseCy: '' },
    })
    expect(responsePatch('respond', { response: 'Yes', responseCy: '', actionId: '' })).toEqual({ ok: true, patch: { response: 'Yes' } })
    expect(responsePatch('respond', { response: 'Yes', responseCy: 'x'.repeat(2001), actionId: '' })).toEqual({
      ok: false,
      errors: { responseCy: 'ideas.lead.errors.tooLong' },
    })
  })
})

describe('responseIn', () => {
  it('shows the Welsh response in Welsh when there is one, the English otherwise', () => {
    const both = { response: 'We will run it in June', responseCy: 'Byddwn yn ei gynnal ym mis Mehefin' }
    expect(responseIn(both, 'cy')).toBe('Byddwn yn ei gynnal ym mis Mehefin')
    expect(responseIn(both, 'en')).toBe('We will run it in June')
    expect(responseIn({ response: 'We will run it in June' }, 'cy')).toBe('We will run it in June')
    expect(responseIn({}, 'cy')).toBeUndefined()
  })
})

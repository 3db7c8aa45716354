import { describe, expect, it } from 'vitest'
import { responsePatch } from './idea-response'

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
      errors: { actionId: 'Choose the action this idea became, or create a new one' },
    })
    expect(responsePatch('decline', { response: ' ', actionId: '' })).toEqual({
      ok: false,
      errors: { response: 'Say why this idea is not taken forward' },
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
    expect(responsePatch('respond', { response: 'x'.repeat(2001), actionId: '' })).toMatchObject({
      ok: false,
      errors: { response: expect.stringContaining('2000') },
    })
  })
})

import { describe, expect, it } from 'vitest'
import { validateCredentials } from './credentials'

describe('validateCredentials', () => {
  it('accepts a complete sign-up', () => {
    expect(validateCredentials({ displayName: 'Ada Example', email: 'ada@example.ac.uk', password: 'long-enough' }, 'sign-up')).toEqual({})
  })
  it('explains each missing or bad field', () => {
    expect(validateCredentials({ displayName: ' ', email: 'not-an-email', password: 'short' }, 'sign-up')).toEqual({
      displayName: 'account.signIn.errors.nameMissing',
      email: 'account.signIn.errors.emailInvalid',
      password: 'account.signIn.errors.passwordShort',
    })
  })
  it('only needs a password to sign in', () => {
    expect(validateCredentials({ displayName: '', email: 'ada@example.ac.uk', password: '' }, 'sign-in')).toEqual({
      password: 'account.signIn.errors.passwordMissing',
    })
  })
})

/** Client-side checks of the sign-in form, with field messages (the server checks again). */
import * as v from 'valibot'

export type CredentialErrors = Partial<Record<'displayName' | 'email' | 'password', string>>

const Email = v.pipe(v.string(), v.trim(), v.nonEmpty('Enter your email address'), v.email('Enter a valid email address'))

/** Field errors for sign-in or sign-up; empty when the form can be sent. */
export function validateCredentials(
  values: { displayName: string; email: string; password: string },
  mode: 'sign-in' | 'sign-up',
): CredentialErrors {
  const errors: CredentialErrors = {}
  const email = v.safeParse(Email, values.email)
  if (!email.success) errors.email = email.issues[0].message
  if (mode === 'sign-up') {
    if (values.password.length < 8) errors.password = 'Use a password of at least 8 characters'
    if (!values.displayName.trim()) errors.displayName = 'Enter your name'
    else if (values.displayName.trim().length > 100) errors.displayName = 'Name must be at most 100 characters'
  } else if (!values.password) errors.password = 'Enter your password'
  return errors
}

/**
 * Client-side checks of the sign-in form (the server checks again). Each error is a message key
 * of the account namespace (`account.signIn.errors.*`), worded by the form with `t()`.
 */
import * as v from 'valibot'

export type CredentialErrors = Partial<Record<'displayName' | 'email' | 'password', string>>

const ERR = 'account.signIn.errors.'
const Email = v.pipe(v.string(), v.trim(), v.nonEmpty(ERR + 'emailMissing'), v.email(ERR + 'emailInvalid'))

/** Field errors for sign-in or sign-up; empty when the form can be sent. */
export function validateCredentials(
  values: { displayName: string; email: string; password: string },
  mode: 'sign-in' | 'sign-up',
): CredentialErrors {
  const errors: CredentialErrors = {}
  const email = v.safeParse(Email, values.email)
  if (!email.success) errors.email = email.issues[0].message
  if (mode === 'sign-up') {
    if (values.password.length < 8) errors.password = ERR + 'passwordShort'
    if (!values.displayName.trim()) errors.displayName = ERR + 'nameMissing'
    else if (values.displayName.trim().length > 100) errors.displayName = ERR + 'nameTooLong'
  } else if (!values.password) errors.password = ERR + 'passwordMissing'
  return errors
}

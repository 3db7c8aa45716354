import { beforeAll, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { CpdEntrySchema, MemberFields } from '@/domain/entities'
import { problem } from '@/domain/problems'
import { validate } from '@/domain/validation'
import { setLocale } from '@/i18n'
import { errorsFor } from './field-errors'

const Profile = v.object({ displayName: MemberFields.displayName, bio: MemberFields.bio })

describe('field errors: a problem in words, in the language shown', () => {
  beforeAll(async () => {
    await setLocale('cy')
    await setLocale('en')
  })

  it('words a failed schema per field in English', async () => {
    await setLocale('en')
    const checked = validate(Profile, { displayName: ' ', bio: 'x'.repeat(601) })
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(errorsFor().fieldErrors(checked.issues, ['displayName', 'bio'])).toEqual({
      displayName: 'Name is required',
      bio: 'Bio must be at most 600 characters',
    })
  })

  it('words the same failure in Welsh', async () => {
    await setLocale('cy')
    const checked = validate(Profile, { displayName: ' ', bio: 'x'.repeat(601) })
    if (checked.ok) throw new Error('expected issues')
    expect(errorsFor().fieldErrors(checked.issues)).toEqual({
      displayName: 'Enw: mae angen llenwi hwn',
      bio: 'Bywgraffiad: dim mwy na 600 nod',
    })
    await setLocale('en')
  })

  it('words a check without a message of ours from its type and requirement', async () => {
    await setLocale('en')
    const checked = validate(v.object({ n: v.pipe(v.string(), v.maxLength(5)) }), { n: 'toolong' })
    if (checked.ok) throw new Error('expected issues')
    expect(errorsFor().fieldErrors(checked.issues)).toEqual({ n: 'This field must be at most 5 characters' })
  })

  it('words a rule’s problem with a Welsh plural', async () => {
    await setLocale('en')
    const words = errorsFor()
    expect(words.problemText(problem('hoursMoreThanDays', { hours: 30, days: 1 }))).toBe('30 hours is more than the day given')
    expect(words.problemText(problem('hoursMoreThanDays', { hours: 50, days: 2 }))).toBe('50 hours is more than the 2 days given')
    await setLocale('cy')
    expect(errorsFor().problemText(problem('hoursMoreThanDays', { hours: 50, days: 2 }))).toBe('50 awr: mwy na’r ddau ddiwrnod a roddwyd')
    await setLocale('en')
  })

  it('never shows a raw code: an unknown code, a garbled problem or an English sentence is the generic message', async () => {
    await setLocale('en')
    const words = errorsFor()
    for (const raw of [
      'no-such-code',
      'no-such-code {"x":1}',
      'required {broken',
      'Missing or insufficient permissions. [403]',
      '',
      null,
    ]) {
      expect(words.problemText(raw)).toBe('Something went wrong. Try again.')
    }
    expect(words.refusalText({ code: 'permission-denied' })).toBe('Something went wrong. Try again.')
    await setLocale('cy')
    expect(errorsFor().problemText('no-such-code')).toBe('Aeth rhywbeth o’i le. Rhowch gynnig arall arni.')
    await setLocale('en')
  })

  it('words a refused call by its problem, else by its code', async () => {
    await setLocale('en')
    const words = errorsFor()
    expect(words.refusalText({ code: 'bad-code' })).toBe('That join code is not right. Check it with your lead.')
    expect(words.refusalText({ code: 'domain-taken', problem: problem('domainTaken', { domain: 'example.ac.uk' }) })).toBe(
      '“example.ac.uk” belongs to another institution',
    )
    expect(words.refusalText({ code: 'invalid', problem: 'Some English from an old server' })).toBe('This value is not valid')
  })

  it('words every CPD schema failure (no issue falls through to the generic message)', async () => {
    await setLocale('en')
    const checked = validate(CpdEntrySchema, { title: '', startDate: 'x', hours: -1, type: 'fun', skillIds: [] })
    if (checked.ok) throw new Error('expected issues')
    for (const issue of checked.issues) expect(errorsFor().problemText(issue)).not.toBe('Something went wrong. Try again.')
  })
})

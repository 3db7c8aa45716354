import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { emailDomainProblem, isFreeMail, SetDomainsInputSchema } from './email-domains'
import { wordsIn } from '../../../tests/support/errors'

const en = await wordsIn('en')

describe('email domains an institution may own', () => {
  it('accepts an organisation’s own domain and its subdomains', () => {
    for (const d of ['leeds.ac.uk', 'chem.leeds.ac.uk', 'example.ac.uk', 'crick.ac.uk', 'ukri.org'])
      expect(emailDomainProblem(d), d).toBeNull()
  })

  it('refuses public suffixes and top-level domains', () => {
    for (const d of ['ac.uk', 'co.uk', 'org.uk', 'nhs.uk', 'gov.uk', 'uk', 'com']) expect(emailDomainProblem(d), d).not.toBeNull()
  })

  it('refuses free-mail providers, in any country', () => {
    for (const d of [
      'gmail.com',
      'outlook.com',
      'hotmail.co.uk',
      'hotmail.fr',
      'yahoo.co.uk',
      'icloud.com',
      'live.com',
      'protonmail.com',
    ]) {
      expect(isFreeMail(d), d).toBe(true)
      expect(en(emailDomainProblem(d)), d).toMatch(/free email provider/)
    }
    expect(isFreeMail('gmailfan.ac.uk')).toBe(false)
  })

  it('normalises the input and refuses duplicates and non-domains', () => {
    expect(v.parse(SetDomainsInputSchema, { institutionId: 'i1', domains: [' Leeds.AC.uk. '] }).domains).toEqual(['leeds.ac.uk'])
    expect(v.safeParse(SetDomainsInputSchema, { institutionId: 'i1', domains: ['a.ac.uk', 'A.ac.uk'] }).success).toBe(false)
    expect(v.safeParse(SetDomainsInputSchema, { institutionId: 'i1', domains: ['not a domain'] }).success).toBe(false)
    expect(v.safeParse(SetDomainsInputSchema, { institutionId: 'i1', domains: ['gmail.com'] }).success).toBe(false)
  })
})

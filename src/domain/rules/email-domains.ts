/**
 * Which email domains an institution may own. A domain decides who joins an institution on
 * sign-up, so it must name one organisation: never a public suffix (`ac.uk`, `co.uk`, `uk`) that
 * thousands of organisations sit under, and never a free-mail provider (`gmail.com`) anyone can
 * get an address at. The lists are small on purpose: they cover what a UK deployment meets; the
 * registry (one institution per domain, set only by a platform admin) does the rest.
 */
import * as v from 'valibot'
import { problem } from '../problems'

/** Suffixes under which unrelated organisations register names (a subset of the Public Suffix List). */
export const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  'ac.uk',
  'co.uk',
  'org.uk',
  'gov.uk',
  'nhs.uk',
  'ltd.uk',
  'plc.uk',
  'me.uk',
  'net.uk',
  'sch.uk',
  'police.uk',
  'mod.uk',
  'nic.uk',
  'ac.ie',
  'gov.ie',
  'edu.au',
  'com.au',
  'org.au',
  'ac.nz',
  'co.nz',
  'ac.za',
  'co.za',
  'ac.jp',
  'co.jp',
  'ac.in',
  'co.in',
  'edu.cn',
  'com.cn',
  'github.io',
  'web.app',
  'firebaseapp.com',
  'herokuapp.com',
  'blogspot.com',
  'azurewebsites.net',
  'cloudfront.net',
  'appspot.com',
])

/** Free-mail providers: anyone can have an address there. `*` stands for any country suffix. */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.*',
  'hotmail.*',
  'live.*',
  'msn.com',
  'windowslive.com',
  'yahoo.*',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.*',
  'proton.me',
  'protonmail.*',
  'pm.me',
  'gmx.*',
  'mail.com',
  'zoho.com',
  'yandex.*',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'talktalk.net',
  'tiscali.co.uk',
  'ntlworld.com',
  'blueyonder.co.uk',
  'fastmail.*',
  'tutanota.com',
  'tuta.io',
  'hey.com',
  'qq.com',
  '163.com',
  'mail.ru',
]

const SHAPE = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/** Lower case, no surrounding spaces or trailing dot, no leading `@`. */
export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '')
}

/** Is `domain` (or a domain it sits under) a free-mail provider? */
export function isFreeMail(domain: string): boolean {
  const labels = domain.split('.')
  for (let i = 0; i + 2 <= labels.length; i++) {
    const tail = labels.slice(i).join('.')
    const first = labels[i]
    if (FREE_MAIL_DOMAINS.some((f) => f === tail || (f.endsWith('.*') && f.slice(0, -2) === first))) return true
  }
  return false
}

/**
 * Why an institution may not own `domain` (a problem, `problem()`), or null when it may. `domain` must be normalised.
 * A top-level domain (`uk`) or a public suffix (`ac.uk`) covers many organisations; so does a
 * free-mail provider.
 */
export function emailDomainProblem(domain: string): string | null {
  if (!SHAPE.test(domain)) return problem('notEmailDomain', { domain })
  if (PUBLIC_SUFFIXES.has(domain) || !domain.includes('.')) return problem('domainShared', { domain })
  if (isFreeMail(domain)) return problem('domainFreeMail', { domain })
  return null
}

/** One domain an institution may own, normalised. */
export const OwnableDomainSchema = v.pipe(
  v.string('A domain is text'),
  v.transform(normaliseDomain),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const problem = emailDomainProblem(dataset.value)
    if (problem) addIssue({ message: problem })
  }),
)

/** `setInstitutionDomains` input: an institution and the complete list of its domains. */
export const SetDomainsInputSchema = v.strictObject({
  institutionId: v.pipe(v.string('An institution id is text'), v.regex(/^[\w.-]{1,128}$/, 'Invalid institution id')),
  domains: v.pipe(
    v.array(OwnableDomainSchema, 'Send the domains as a list'),
    v.maxLength(20, 'At most 20 domains'),
    v.check((ds) => new Set(ds).size === ds.length, 'A domain is listed twice'),
  ),
})
export type SetDomainsInput = v.InferOutput<typeof SetDomainsInputSchema>

/** Where the server keeps who owns a domain (`emailDomains/{domain}` → institutionId); no client reads it. */
export const DOMAIN_REGISTRY = 'emailDomains'

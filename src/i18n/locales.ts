/**
 * The app's languages and how the one shown is chosen. Pure: no Vue, no storage.
 *
 * Order: the person's own choice (made on this or another device) → their institution's default →
 * the browser's languages on a first visit → English.
 */
export const LOCALES = ['en', 'cy'] as const
export type Locale = (typeof LOCALES)[number]

/** BCP 47 tags for `<html lang>`, Intl dates, numbers and plural rules. */
export const LANGUAGE_TAG: Record<Locale, string> = { en: 'en-GB', cy: 'cy-GB' }

/** Each language named in itself, so a switch reads right whatever is shown now. */
export const NATIVE_NAME: Record<Locale, string> = { en: 'English', cy: 'Cymraeg' }

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value)

export interface LocaleInputs {
  /** What the person chose, if they ever did. */
  chosen?: string | null
  /** Their institution's default, once known. */
  institutionDefault?: string | null
  /** navigator.languages, e.g. ['cy-GB', 'en-GB']. */
  browser?: readonly string[]
}

/** The language to show. */
export function pickLocale({ chosen, institutionDefault, browser = [] }: LocaleInputs): Locale {
  if (isLocale(chosen)) return chosen
  if (isLocale(institutionDefault)) return institutionDefault
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0]
    if (isLocale(base)) return base
  }
  return 'en'
}

export interface LocaleSources {
  /** The choice made on this device (the language switch, remembered in localStorage). */
  device?: string | null
  /** The person's choice synced on their profile (made on this or another device). */
  synced?: string | null
  /** Their institution's default, once known. */
  institutionDefault?: string | null
  /** navigator.languages. */
  browser?: readonly string[]
}

/**
 * The language to show a signed-in person: this device's choice, else the choice synced from
 * their other devices, else their institution's default, else the browser's languages, else English.
 * A value that is not one of the app's languages counts as no choice.
 */
export function resolveLocale({ device, synced, institutionDefault, browser }: LocaleSources): Locale {
  return pickLocale({ chosen: isLocale(device) ? device : synced, institutionDefault, browser })
}

/** One Intl.PluralRules per language: making one costs far more than asking it (every plural message asks). */
const pluralRulesByTag = new Map<string, Intl.PluralRules>()
function pluralRules(tag: string): Intl.PluralRules {
  let rules = pluralRulesByTag.get(tag)
  if (!rules) pluralRulesByTag.set(tag, (rules = new Intl.PluralRules(tag)))
  return rules
}

/**
 * vue-i18n's plural choice for a message with `choicesLength` forms. Welsh has six CLDR forms
 * (zero, one, two, few, many, other: 0 cath, 1 gath, 2 gath, 3 cath, 6 chath, 4 cath): a Welsh
 * message with six forms lists them in that order; with fewer, they are [one, other] or
 * [zero, one, other] as in English.
 */
export function pluralIndex(tag: string, choice: number, choicesLength: number): number {
  const category = pluralRules(tag).select(Math.abs(choice))
  if (choicesLength === 6) return ['zero', 'one', 'two', 'few', 'many', 'other'].indexOf(category)
  const n = Math.abs(choice)
  if (choicesLength === 3) return n === 0 ? 0 : n === 1 ? 1 : 2
  return n === 1 ? 0 : 1
}

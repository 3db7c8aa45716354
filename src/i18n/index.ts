/**
 * The one i18n layer: vue-i18n (composition API) with messages precompiled by
 * @intlify/unplugin-vue-i18n from `src/locales/<locale>/<namespace>.json`. Each file is a chunk of
 * its own: the shell's namespaces load before the app mounts, a page's with its route, and a
 * switch loads the new language's. The entry chunk carries no text of either language.
 * `<html lang>` follows the language shown.
 *
 * Components use `useI18n()` from vue-i18n; keys are `<namespace>.<key>` (the file name is the
 * namespace).
 */
import { createI18n } from 'vue-i18n'
import { GLOBAL_NAMESPACES } from './route-messages'
import { LANGUAGE_TAG, LOCALES, isLocale, pickLocale, pluralIndex, type Locale } from './locales'

type Messages = Record<string, unknown>

// One lazy loader (and chunk) per language and namespace.
const files = import.meta.glob<{ default: Messages }>('../locales/*/*.json')

const STORAGE_KEY = 'th-locale'
/** The language a synced choice or an institution default gave this device (no choice of its own). */
const FOLLOWED_KEY = 'th-locale-followed'
const MANIFEST: Record<Locale, string> = { en: '/manifest.webmanifest', cy: '/manifest.cy.webmanifest' }

const dateTimeFormats = {
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit' },
} as const

// Decimals are written by formatDecimalIn (src/ui/format.ts), which needs no Intl under 1,000.
const numberFormats = {
  percent: { style: 'percent', maximumFractionDigits: 0 },
} as const

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: {},
  datetimeFormats: Object.fromEntries(LOCALES.map((l) => [l, dateTimeFormats])),
  numberFormats: Object.fromEntries(LOCALES.map((l) => [l, numberFormats])),
  pluralRules: Object.fromEntries(
    LOCALES.map((l) => [l, (choice: number, length: number) => pluralIndex(LANGUAGE_TAG[l], choice, length)]),
  ),
  missingWarn: import.meta.env.DEV,
  // A safety net: a key of a namespace no route listed loads that namespace (the page re-renders
  // when it arrives). src/i18n/route-messages.test.ts keeps the lists complete.
  missing: (locale, key) => {
    const ns = key.slice(0, key.indexOf('.'))
    if (isLocale(locale) && ns && !loaded.has(`${locale}/${ns}`)) void loadNamespaces([ns], locale)
  },
  fallbackWarn: false,
})

/** Every namespace there is (a file per namespace and language). */
export const NAMESPACES = [...new Set(Object.keys(files).map((path) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length)))]

const loaded = new Set<string>()
/** The namespaces shown so far: a language switch loads these in the new language. */
const wanted = new Set<string>(GLOBAL_NAMESPACES)
/** The language being switched to while its words load (setLocale), else null. */
let switchingTo: Locale | null = null

/**
 * Loads namespaces that are not loaded yet, of one language or by default of the one shown and
 * the one being switched to: at start the first route's words are asked for while the device's
 * language is still loading, and loading them only in the language shown then (English) left that
 * page in English under a Welsh shell. Each is a small chunk of its own, so a page downloads only
 * the words it shows (src/i18n/route-messages.ts lists them per route; the router awaits them
 * before it shows the page).
 */
export async function loadNamespaces(namespaces: readonly string[], locale?: Locale): Promise<void> {
  for (const ns of namespaces) wanted.add(ns)
  const locales = locale ? [locale] : [...new Set([i18n.global.locale.value as Locale, ...(switchingTo ? [switchingTo] : [])])]
  await Promise.all(
    locales.flatMap((l) =>
      namespaces.map(async (ns) => {
        const load = files[`../locales/${l}/${ns}.json`]
        if (!load || loaded.has(`${l}/${ns}`)) return
        const messages = (await load()).default
        i18n.global.mergeLocaleMessage(l, { [ns]: messages })
        loaded.add(`${l}/${ns}`)
      }),
    ),
  )
}

/** Shows `locale` (loading the namespaces in use) and remembers it on this device when `remember`. */
export async function setLocale(locale: Locale, { remember = false } = {}): Promise<void> {
  const g = i18n.global
  switchingTo = locale
  await loadNamespaces([...wanted], locale)
  // A later switch has taken over: it decides what is shown.
  if (switchingTo !== locale) return
  switchingTo = null
  g.locale.value = locale
  if (typeof document !== 'undefined') {
    document.documentElement.lang = LANGUAGE_TAG[locale]
    // Installing while in Welsh installs the Welsh name (vite.config.ts writes both manifests).
    document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.setAttribute('href', MANIFEST[locale])
  }
  if (remember) storage()?.setItem(STORAGE_KEY, locale)
}

/**
 * What this device shows at start: the choice made on it, else the language the signed-in
 * person's synced choice or institution default last gave it (so a start opens in it at once),
 * else the browser's languages.
 */
export function initialLocale(): Locale {
  const chosen = storage()?.getItem(STORAGE_KEY)
  return pickLocale({
    chosen: isLocale(chosen) ? chosen : storage()?.getItem(FOLLOWED_KEY),
    browser: typeof navigator === 'undefined' ? [] : navigator.languages,
  })
}

/**
 * Remembers (or, with null, forgets) the language the person's synced choice or their
 * institution's default gave this device, which has no choice of its own (src/composables/follow-locale.ts).
 */
export function rememberFollowedLocale(locale: Locale | null): void {
  if (locale) storage()?.setItem(FOLLOWED_KEY, locale)
  else storage()?.removeItem(FOLLOWED_KEY)
}

/** The language chosen on this device, if any (the institution's default applies only without one). */
export function chosenLocale(): Locale | null {
  const value = storage()?.getItem(STORAGE_KEY)
  return isLocale(value) ? value : null
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

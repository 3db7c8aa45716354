/**
 * The one i18n layer: vue-i18n (composition API) with messages precompiled by
 * @intlify/unplugin-vue-i18n from `src/locales/<locale>/<namespace>.json`. Each language's
 * messages are a chunk of their own, loaded before the app mounts (and on a switch), so the entry
 * chunk carries no text of either language. `<html lang>` follows the language shown.
 *
 * Components use `useI18n()` from vue-i18n; keys are `<namespace>.<key>` (the file name is the
 * namespace).
 */
import { createI18n } from 'vue-i18n'
import { LANGUAGE_TAG, LOCALES, isLocale, pickLocale, pluralIndex, type Locale } from './locales'

type Messages = Record<string, unknown>

// One lazy loader per file; vite groups each language's files into one chunk (vite.config.ts).
const files = import.meta.glob<{ default: Messages }>('../locales/*/*.json')

const STORAGE_KEY = 'th-locale'
const MANIFEST: Record<Locale, string> = { en: '/manifest.webmanifest', cy: '/manifest.cy.webmanifest' }

const dateTimeFormats = {
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit' },
} as const

const numberFormats = {
  decimal: { maximumFractionDigits: 1 },
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
  fallbackWarn: false,
})

/** The messages of one language, every namespace. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`../locales/${locale}/`))
      .map(async ([path, load]) => [path.slice(path.lastIndexOf('/') + 1, -'.json'.length), (await load()).default] as const),
  )
  return Object.fromEntries(entries)
}

/** Shows `locale` (loading its messages once) and remembers it on this device when `remember`. */
export async function setLocale(locale: Locale, { remember = false } = {}): Promise<void> {
  const g = i18n.global
  if (!g.availableLocales.includes(locale) || Object.keys(g.getLocaleMessage(locale)).length === 0) {
    // English is the fallback of every missing key: it is always loaded.
    if (locale !== 'en' && Object.keys(g.getLocaleMessage('en')).length === 0) g.setLocaleMessage('en', await loadMessages('en'))
    g.setLocaleMessage(locale, await loadMessages(locale))
  }
  g.locale.value = locale
  if (typeof document !== 'undefined') {
    document.documentElement.lang = LANGUAGE_TAG[locale]
    // Installing while in Welsh installs the Welsh name (vite.config.ts writes both manifests).
    document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.setAttribute('href', MANIFEST[locale])
  }
  if (remember) storage()?.setItem(STORAGE_KEY, locale)
}

/** What this device shows at start: the remembered choice, else the browser's languages. */
export function initialLocale(): Locale {
  return pickLocale({ chosen: storage()?.getItem(STORAGE_KEY), browser: typeof navigator === 'undefined' ? [] : navigator.languages })
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

/**
 * The app's real i18n instance for component tests, with a language's messages loaded:
 * `mount(X, { global: { plugins: [await i18nFor('en')] } })`. Tests then assert the text a
 * person reads (the English or Welsh message), never a key.
 */
import type { I18n } from 'vue-i18n'
import { i18n, loadNamespaces, NAMESPACES, setLocale } from '@/i18n'
import type { Locale } from '@/i18n/locales'

export async function i18nFor(locale: Locale = 'en'): Promise<I18n> {
  await loadNamespaces(NAMESPACES, locale)
  await setLocale(locale)
  return i18n as unknown as I18n
}

/**
 * The words of a generated self-assessment in the language chosen for the document, which may
 * differ from the app's: the model builder and the DOCX renderer run outside components, so they
 * get this translator (the app's messages, in `selfAssessment.json` and `labels.json`).
 */
import { labelsFor, type Labels } from '@/composables/use-labels'
import { i18n, loadNamespaces } from '@/i18n'
import { LANGUAGE_TAG, type Locale } from '@/i18n/locales'
import { formatDateIn } from '@/ui/format'

export interface DocText {
  locale: Locale
  /** A `selfAssessment` message: `t('doc.meta.organisation')`. */
  t(key: string, params?: Record<string, unknown>): string
  /** A plural `selfAssessment` message with `{n}`. */
  plural(key: string, n: number): string
  labels: Labels
  /** "23 November 2026" / "23 Tachwedd 2026" from an ISO date or a time (ms). */
  date(value: string | number): string
  /** "1,234", "48%", or "withheld" in the document's language (null: a withheld figure). */
  figure(value: number | null, unit?: string): string
}

/** The namespaces a document uses (common: month names for its dates). */
const DOC_NAMESPACES = ['selfAssessment', 'labels', 'common']

/** Loads a document language's messages (and English, the fallback) without changing the app's language. */
export async function ensureMessages(locale: Locale): Promise<void> {
  await Promise.all([loadNamespaces(DOC_NAMESPACES, 'en'), loadNamespaces(DOC_NAMESPACES, locale)])
}

/** The translator for a document in `locale` (its messages loaded first by `ensureMessages`). */
export function docText(locale: Locale): DocText {
  const g = i18n.global
  const raw = (key: string, params: Record<string, unknown> = {}, plural?: number) =>
    g.t(key, params, plural === undefined ? { locale } : { locale, plural })
  const numbers = new Intl.NumberFormat(LANGUAGE_TAG[locale])
  return {
    locale,
    t: (key, params) => raw(`selfAssessment.${key}`, params),
    plural: (key, n) => raw(`selfAssessment.${key}`, { n }, n),
    labels: labelsFor((key) => raw(key)),
    date: (value) => formatDateIn(locale, value),
    figure: (value, unit = '') => (value === null ? raw('selfAssessment.doc.withheld') : `${numbers.format(value)}${unit}`),
  }
}

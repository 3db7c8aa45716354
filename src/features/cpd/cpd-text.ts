/**
 * Dates and hours as the CPD screens and exports write them, in the language shown: "23 November
 * 2026" / "23 Tachwedd 2026", "1 hour" / "2.5 hours" / "2.5 awr". Components take it from
 * {@link useCpdText}; exports get one made from the app's i18n (`cpdText(i18n.global)`).
 */
import { useI18n } from 'vue-i18n'
import { LANGUAGE_TAG, isLocale } from '@/i18n/locales'
import { formatDateIn } from '@/ui/format'

/** The parts of vue-i18n's composer this needs (useI18n() and i18n.global both fit). */
export interface Composer {
  t(key: string, named?: Record<string, unknown>): string
  t(key: string, named: Record<string, unknown>, plural: number): string
  /** The language shown ('en', 'cy'). */
  locale: { value: string }
}

export interface CpdText {
  t: Composer['t']
  /** An ISO calendar day, written out; the input itself when it is not a date. */
  date(iso: string): string
  /** "1 hour", "2.5 hours". */
  hours(hours: number): string
  /** One day, or "2 November 2026 to 4 November 2026". */
  dates(start: string, end?: string | null): string
  /** A CPD type's label (`cpd.type.<type>`). */
  type(type: string): string
}

/** en-GB / cy-GB for numbers; dates are written by src/ui/format.ts (the app's own month names). */
const tag = (i18n: Composer) => (isLocale(i18n.locale.value) ? LANGUAGE_TAG[i18n.locale.value] : LANGUAGE_TAG.en)

const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(tag: string): Intl.NumberFormat {
  let format = numberFormats.get(tag)
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })))
  return format
}

export function cpdText(i18n: Composer): CpdText {
  const date = (iso: string) => formatDateIn(i18n.locale.value, iso)
  const number = (value: number) => numberFormat(tag(i18n)).format(value)
  return {
    t: i18n.t.bind(i18n) as Composer['t'],
    date,
    hours: (hours) => i18n.t('cpd.hours', { n: number(hours) }, hours),
    dates: (start, end) => (end && end !== start ? i18n.t('cpd.dateRange', { start: date(start), end: date(end) }) : date(start)),
    type: (type) => i18n.t(`cpd.type.${type}`),
  }
}

/** {@link cpdText} for a component, following the language shown. */
export function useCpdText(): CpdText {
  return cpdText(useI18n() as unknown as Composer)
}

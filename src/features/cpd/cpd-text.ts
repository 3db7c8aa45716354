/**
 * Dates and hours as the CPD screens and exports write them, in the language shown: "23 November
 * 2026" / "23 Tachwedd 2026", "1 hour" / "2.5 hours" / "2.5 awr". Components take it from
 * {@link useCpdText}; exports get one made from the app's i18n (`cpdText(i18n.global)`).
 */
import { useI18n } from 'vue-i18n'
import { formatDateIn, formatDecimalIn } from '@/ui/format'

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

export function cpdText(i18n: Composer): CpdText {
  const date = (iso: string) => formatDateIn(i18n.locale.value, iso)
  const number = (value: number) => formatDecimalIn(i18n.locale.value, value)
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

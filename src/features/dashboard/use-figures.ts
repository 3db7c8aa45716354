/** How the dashboard words its figures and months, in the language shown. */
import { useI18n } from 'vue-i18n'
import { monthStart, UNSPECIFIED_KEY } from '@/domain/rules/dashboard-data'
import { MIN_GROUP } from '@/domain/rules/suppression'
import { formatMonthIn } from '@/ui/format'

export function useFigures() {
  const { t, n, locale } = useI18n()
  return {
    /** "1,234", "48%", or "withheld" (a group under 5, or a figure that would reveal one). */
    figure: (value: number | null, unit = ''): string => (value === null ? t('dashboard.withheld') : `${n(value)}${unit}`),
    /**
     * A head count withheld only for being small (`suppress`: under `min`, never to protect another
     * figure): "1,234" or "fewer than 5". Breakdown cells and percentages keep {@link figure}.
     */
    count: (value: number | null, min = MIN_GROUP): string => (value === null ? t('dashboard.fewerThan', { min }) : n(value)),
    /** "2026-11" → "Nov 2026" / "Tach 2026". */
    month: (month: string): string => {
      const start = monthStart(month)
      return start ? formatMonthIn(locale.value, start.getTime()) : month
    },
    /** A breakdown key's label: "not stated" for `unspecified`, else `label(key)`, else the key itself. */
    keyLabel:
      (label?: (key: string) => string | undefined) =>
      (key: string): string =>
        key === UNSPECIFIED_KEY ? t('dashboard.notStated') : (label?.(key) ?? key),
  }
}
